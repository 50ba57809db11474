import { Controller, Get, HttpException, HttpStatus, Inject, Param, Query, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProblemDetailsDto } from '../problem-details/problem-details.dto';
import { ApiDocumentAnswer } from '../read-models/api-read-model.decorator';
import { RetrospectiveReportQueryDto } from './retrospective-report.request.dto';
import { PublicRead } from '../auth/access.decorators';
import { ApiYearParam, YearParamPipe } from '../commands/params';
import { ReadConsistency } from '../read-models/read-consistency';
import { principalOf } from '../auth/principal';
import { GetReportEditionQuery, REPORT_READ_MODELS } from './get-report-edition.query';
import type { ReportEdition } from './report-edition';
import { reportFileName } from './report-file';
import { ReportSeal } from './report-seal';
import { PdfReportQueryDto } from './retrospective-report.request.dto';
import { ChromiumUnavailableError, PdfPrinterBusyError, ReportPdfPrinter } from './report-pdf';
import { REPORT_TEXT, type ReportLanguage } from './report-text';
import { RETRY_AFTER_SECONDS } from '../health/readiness.guard';
import { renderRetrospectiveHtml } from './retrospective-html.renderer';
import { renderRetrospectiveMarkdown } from './retrospective-markdown.renderer';
import { Shows } from '../routes/route.decorators';

/**
 * The page has no scripts and loads nothing: a policy that says so keeps any text that slipped through escaping
 * inert, and lets a browser print the page as it is.
 */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'self'";

@ApiTags('Retrospectives')
@Controller('retrospectives')
export class RetrospectiveReportHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadConsistency,
    private readonly seal: ReportSeal,
    private readonly printer: ReportPdfPrinter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':year/report.pdf')
  @Shows('a year’s report (PDF)')
  @PublicRead()
  @ApiYearParam()
  @ApiOperation({
    summary: 'The annual report as a PDF (A4, page numbers, contents with page numbers)',
    description:
      'The HTML report printed by headless Chromium (started on the first PDF; a few PDFs at a time). ' +
      '`lang=en` for English. 503 with `Retry-After` when Chromium cannot start or too many PDFs are printing.',
  })
  @ApiDocumentAnswer({ description: 'The PDF.', mediaTypes: ['application/pdf'], binary: true })
  @ApiBadRequestResponse({
    type: ProblemDetailsDto,
    description: 'A year out of range, or an unknown option',
  })
  @ApiServiceUnavailableResponse({
    type: ProblemDetailsDto,
    description: 'Chromium could not be started here, or too many PDFs are being printed at once',
  })
  async pdf(
    @Param('year', YearParamPipe) year: number,
    @Query() query: PdfReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { lang, edition } = await this.edition(year, query, reply);
    let pdf: Buffer;
    try {
      pdf = await this.printer.print(
        renderRetrospectiveHtml(edition, lang, { navigation: false, template: this.config.reportTemplate }),
        REPORT_TEXT[lang].pdfPage,
      );
    } catch (error) {
      if (error instanceof ChromiumUnavailableError || error instanceof PdfPrinterBusyError) {
        void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        throw new HttpException(
          {
            message: error.message,
            code: error instanceof PdfPrinterBusyError ? 'REPORT.PDF_BUSY' : 'REPORT.PDF_UNAVAILABLE',
          },
          HttpStatus.SERVICE_UNAVAILABLE,
        );
      }
      throw error;
    }
    void reply
      .header('content-type', 'application/pdf')
      .header('content-language', lang)
      .header('content-disposition', `inline; filename="${reportFileName(year, lang, 'pdf')}"`);
    return pdf;
  }

  @Get(':year/report')
  @Shows('a year’s report (HTML, Markdown)')
  // The report is for the ministry and the members alike: the public side (anonymous when PUBLIC_READ is on).
  @PublicRead()
  @ApiYearParam()
  @ApiOperation({
    summary: 'The annual retrospective ("terugblik") as a readable report',
    description:
      'The annual report as a publication, with the same figures as `GET /retrospectives/{year}`: a cover with ' +
      'contents, the foreword, the year in brief, the highlight of the year, a story per Doetank, the gatherings ' +
      'with their reports, the community, organisation and partners, a look ahead at the next year, all figures ' +
      '(charts drawn as SVG) and a colophon naming the event log position it rests on. A printable HTML page ' +
      '(A4) by default; `format=md` gives the same sections in Markdown, with tables instead of charts. Dutch by ' +
      'default (`lang=en` for English). Read your own writes with `minPosition`, as on every read-model endpoint.',
  })
  @ApiDocumentAnswer({
    description: 'The report: HTML (default) or Markdown (`format=md`), in Dutch (default) or English.',
    mediaTypes: ['text/html', 'text/markdown'],
    position: 'Position of the event store up to which the retrospective read model is complete.',
    headers: { 'Content-Language': { description: '`nl` or `en`', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({
    type: ProblemDetailsDto,
    description: 'A year out of range, or an unknown `lang`, `format` or other query parameter',
  })
  async report(
    @Param('year', YearParamPipe) year: number,
    @Query() query: RetrospectiveReportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { lang, edition } = await this.edition(year, query, reply);
    const format = query.format ?? 'html';
    void reply.header('content-language', lang);
    if (format === 'md') {
      void reply
        .header('content-type', 'text/markdown; charset=utf-8')
        .header('content-disposition', `inline; filename="${reportFileName(year, lang, 'md')}"`);
      return renderRetrospectiveMarkdown(edition, lang, { template: this.config.reportTemplate });
    }
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', REPORT_CSP);
    return renderRetrospectiveHtml(edition, lang, { template: this.config.reportTemplate });
  }

  /**
   * The edition of the year and the language asked for (Dutch by default), after the read-your-writes wait;
   * members' names only for signed-in readers; with the seal of the event log its figures rest on (the colophon
   * prints it).
   */
  private async edition(
    year: number,
    { lang = 'nl', minPosition }: { lang?: ReportLanguage; minPosition?: number },
    reply: FastifyReply,
  ): Promise<{ lang: ReportLanguage; edition: ReportEdition }> {
    // Members' names (a Doetank's coach) are for signed-in readers, as on the timeline.
    const names = principalOf(reply.request) !== undefined;
    const edition: ReportEdition = await this.reads.answer(reply, REPORT_READ_MODELS, minPosition, () =>
      this.queryBus.execute(new GetReportEditionQuery(year, names)),
    );
    return { lang, edition: { ...edition, report: { ...edition.report, seal: await this.seal.latest() } } };
  }
}
