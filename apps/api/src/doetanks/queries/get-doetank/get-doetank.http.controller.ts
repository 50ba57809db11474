import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DoetankDetailDto } from '../doetank.response.dto';
import { ReadModelQueryDto } from '../../../read-models/read-model-query.dto';
import { UuidParam } from '../../../commands/params';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { DOETANK_READ_MODELS } from '../doetank-read-models';
import { GetDoetankQuery } from './get-doetank.query';
import { PublicRead } from '../../../auth/access.decorators';
import { principalOf } from '../../../auth/principal';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class GetDoetankHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  // `:doetankId` alone: `/doetanks/:doetankId/history` and `/state` are longer routes and stay reachable.
  @Get(':doetankId')
  @Shows('a Doetank')
  @PublicRead()
  @ApiReadModel({
    summary: 'A Doetank: problem statement, stage, coach, client, members, results and lessons',
    description:
      'From the `doetanks` read model. For the full history of a Doetank, see `/doetanks/{doetankId}/history`.',
    type: DoetankDetailDto,
    notFound: 'No such Doetank in the read model (code DOETANK.NOT_FOUND)',
  })
  get(
    @UuidParam('doetankId') doetankId: string,
    @Query() query: ReadModelQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const anonymous = principalOf(request) === undefined;
    return this.reads.answer(reply, DOETANK_READ_MODELS, query.minPosition, async () => {
      const doetank = await this.queryBus.execute(new GetDoetankQuery(doetankId));
      // The client's contact person is named in plain text: personal data, not for anonymous readers.
      if (!anonymous || !doetank.client?.contactName) return doetank;
      const { contactName: _contact, ...client } = doetank.client;
      return { ...doetank, client };
    });
  }
}
