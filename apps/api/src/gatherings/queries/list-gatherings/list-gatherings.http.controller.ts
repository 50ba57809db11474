import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GatheringPageDto } from '../gathering.response.dto';
import { GatheringsQueryDto } from './list-gatherings.request.dto';
import { PAGE_LIMITS } from '../../../read-models/read-model-query.dto';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { GATHERING_READ_MODELS } from '../gathering-read-models';
import { ListGatheringsQuery } from './list-gatherings.query';
import { Allow } from '../../../auth/access.decorators';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Gatherings')
@Controller('gatherings')
export class ListGatheringsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get()
  @Shows('gatherings')
  @Allow('coordinator', 'member', 'observer')
  @ApiReadModel({
    summary: 'Cafés, Grand Cafés and Masterclasses, latest first',
    description:
      'Summaries (kind, title, start, venue, status, registrations and attendance), by start time, latest ' +
      'first. Filters combine.',
    type: GatheringPageDto,
  })
  list(@Query() query: GatheringsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { kind, year, status } = query;
    return this.reads.answer(reply, GATHERING_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(
        new ListGatheringsQuery({ kind, year, status }, query.limit ?? PAGE_LIMITS.default, query.cursor),
      ),
    );
  }
}
