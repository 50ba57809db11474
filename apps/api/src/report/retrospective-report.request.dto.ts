import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ReadModelQueryDto } from '../read-models/read-model-query.dto';

/** Languages of the readable retrospective: Dutch (the network's language, the default) and English. */
export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** `html`: a printable page with charts; `md`: Markdown with tables, for pasting into other documents. */
export const REPORT_FORMATS = ['html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `GET /retrospectives/:year/report`: the annual retrospective as a readable document. */
export class RetrospectiveReportQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ enum: [...REPORT_LANGUAGES], default: 'nl', description: 'Language of the report.' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be nl or en' })
  lang?: ReportLanguage;

  @ApiPropertyOptional({
    enum: [...REPORT_FORMATS],
    default: 'html',
    description: '`html` (text/html, printable on A4, charts as SVG) or `md` (text/markdown, tables).',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be html or md' })
  format?: ReportFormat;
}

/** `GET /retrospectives/:year/report.pdf`: the language only (the format is the path's). */
export class PdfReportQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({ enum: [...REPORT_LANGUAGES], default: 'nl', description: 'Language of the report.' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES, { message: 'lang must be nl or en' })
  lang?: ReportLanguage;
}
