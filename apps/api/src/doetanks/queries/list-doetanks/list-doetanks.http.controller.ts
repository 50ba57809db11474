import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DoetankPageDto } from '../doetank.response.dto';
import { DoetanksQueryDto } from './list-doetanks.request.dto';
import { PAGE_LIMITS } from '../../../read-models/read-model-query.dto';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { DOETANK_READ_MODELS } from '../doetank-read-models';
import { ListDoetanksQuery } from './list-doetanks.query';
import { PublicRead } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Doetanks')
@Controller('doetanks')
export class ListDoetanksHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get()
  @Shows('Doetanks')
  @PublicRead()
  @ApiReadModel({
    summary: 'Doetanks, most recently active first',
    description:
      'Summaries (stage, theme, coach, members, counts of results and lessons), sorted by the latest business ' +
      'time of any of their events. Filters combine. A Doetank that becomes active while you page moves to the ' +
      'front: it may then be missed or seen twice.',
    type: DoetankPageDto,
  })
  list(@Query() query: DoetanksQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { stage, theme, member, q } = query;
    return this.reads.answer(reply, DOETANK_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(
        new ListDoetanksQuery({ stage, theme, member, q }, query.limit ?? PAGE_LIMITS.default, query.cursor),
      ),
    );
  }
}
