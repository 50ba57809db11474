import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PAGE_LIMITS } from '../../../read-models/read-model-query.dto';
import { TimelinePageDto } from './list-timeline.response.dto';
import { TimelineQueryDto } from './list-timeline.request.dto';
import { ApiReadModel } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { ListTimelineQuery, TIMELINE_READ_MODELS, timelineFiltersOf } from './list-timeline.query';
import { PublicRead } from '../../../auth/access.decorators';
import { principalOf } from '../../../auth/principal';
import { Shows } from '../../../routes/route.decorators';

@ApiTags('Timeline')
@Controller('timeline')
export class ListTimelineHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get()
  @Shows('the timeline (anonymous: without member names)')
  @PublicRead()
  @ApiReadModel({
    summary: "The network's activity timeline",
    description:
      'One entry per meaningful event, newest first by business time (`occurredAt`, then position), with a ' +
      'readable summary in Dutch or English that uses current names: a forgotten member is "vergeten lid". ' +
      'Filters combine (all must hold). Paged with a keyset cursor: entries that existed when the first page ' +
      'was read appear exactly once, also while new events arrive.',
    type: TimelinePageDto,
  })
  list(
    @Query() query: TimelineQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.reads.answer(reply, TIMELINE_READ_MODELS, query.minPosition, () =>
      this.queryBus.execute(
        new ListTimelineQuery(
          timelineFiltersOf(query),
          query.limit ?? PAGE_LIMITS.default,
          query.cursor,
          query.lang ?? 'nl',
          // Anonymous readers (PUBLIC_READ) get the timeline without personal data: "een lid", no names.
          principalOf(request) !== undefined,
          { oldestFirst: query.order === 'oldest', withTotal: query.total === 'true' },
        ),
      ),
    );
  }
}
