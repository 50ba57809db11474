import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GatheringDetailDto } from '../gathering.response.dto';
import { ReadModelQueryDto } from '../../../read-models/read-model-query.dto';
import { UuidParam } from '../../../commands/params';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { GATHERING_READ_MODELS } from '../gathering-read-models';
import { GetGatheringQuery } from './get-gathering.query';
import { Allow } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class GetGatheringHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get(':gatheringId')
  @Shows('a gathering')
  @Allow('coordinator', 'member', 'observer')
  @ApiReadModel({
    summary: 'A gathering: registrations, attendance and programme',
    type: GatheringDetailDto,
    notFound: 'No such gathering in the read model (code GATHERING.NOT_FOUND)',
  })
  get(
    @UuidParam('gatheringId') gatheringId: string,
    @Query() query: ReadModelQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.reads.answer(reply, GATHERING_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(new GetGatheringQuery(gatheringId)),
    );
  }
}
