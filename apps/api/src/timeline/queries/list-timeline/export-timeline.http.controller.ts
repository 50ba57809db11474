import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { ProblemDetailsDto } from '../../../problem-details/problem-details.dto';
import { PAGE_LIMITS } from '../../../read-models/read-model-query.dto';
import { ApiDocumentAnswer } from '../../../read-models/api-read-model.decorator';
import { ReadConsistency } from '../../../read-models/read-consistency';
import { PublicRead } from '../../../auth/access.decorators';
import { principalOf } from '../../../auth/principal';
import { Shows } from '../../../routes/route.decorators';
import { ListTimelineQuery, TIMELINE_READ_MODELS, timelineFiltersOf } from './list-timeline.query';
import type { TimelinePageDto } from './list-timeline.response.dto';
import { ExportTimelineQueryDto } from './export-timeline.request.dto';
import { csvHeader, csvRow, ndjsonRow } from './timeline-export.format';

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', ndjson: 'application/x-ndjson; charset=utf-8' };

@ApiTags('Timeline')
@Controller('timeline')
export class ExportTimelineHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
  ) {}

  @Get('export')
  @Shows('the timeline as CSV/NDJSON (anonymous: no names)')
  @PublicRead()
  @ApiOperation({
    summary: 'The filtered timeline as a file, for research',
    description:
      'Every entry `GET /timeline` lists for the same filters, order and language, in one streamed answer: CSV ' +
      '(a header row, then one row per entry) or NDJSON (each entry as `GET /timeline` gives it, one per line). ' +
      'Read a page at a time from the read store and written as it is read, so an export of any size takes the ' +
      'server the same memory; entries that existed when the export began appear exactly once.',
  })
  @ApiDocumentAnswer({
    description: 'The entries, newest first (or oldest first with `order=oldest`).',
    mediaTypes: ['text/csv', 'application/x-ndjson'],
    position: 'Position of the event store up to which the timeline was complete when the export began.',
  })
  @ApiBadRequestResponse({
    type: ProblemDetailsDto,
    description: 'A filter or `format` the API does not know',
  })
  async export(
    @Query() query: ExportTimelineQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const format = query.format ?? 'csv';
    const lang = query.lang ?? 'nl';
    const names = principalOf(request) !== undefined;
    const page = (cursor: string | undefined) =>
      this.queryBus.execute<ListTimelineQuery, TimelinePageDto>(
        new ListTimelineQuery(timelineFiltersOf(query), PAGE_LIMITS.max, cursor, lang, names, {
          oldestFirst: query.order === 'oldest',
        }),
      );
    // The first page is read before the answer starts, so that a bad filter is still a 400 with its problem.
    const first = await this.reads.answer(reply, TIMELINE_READ_MODELS, query.minPosition, () =>
      page(undefined),
    );
    const row = format === 'csv' ? csvRow : ndjsonRow;
    async function* lines(): AsyncGenerator<string> {
      if (format === 'csv') yield csvHeader();
      let current: TimelinePageDto = first;
      for (;;) {
        if (current.items.length > 0) yield current.items.map(row).join('');
        if (current.nextCursor === undefined) return;
        current = await page(current.nextCursor);
      }
    }
    const extension = format === 'csv' ? 'csv' : 'ndjson';
    void reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="slimmernetwerk-timeline.${extension}"`);
    // Readable.from pulls the next page only when the socket has taken the last (stream backpressure).
    return Readable.from(lines(), { objectMode: false });
  }
}
