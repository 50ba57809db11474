import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TimelineQueryDto } from './list-timeline.request.dto';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /timeline/export`: the timeline's filters, order and language; the whole listing, not a page. */
export class ExportTimelineQueryDto extends OmitType(TimelineQueryDto, [
  'limit',
  'cursor',
  'total',
] as const) {
  @ApiPropertyOptional({
    description: '`csv` (RFC 4180, UTF-8, a header row) or `ndjson` (one entry as JSON per line).',
    enum: [...EXPORT_FORMATS],
    default: 'csv',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}
