import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { ReportPdfPrinter } from './report-pdf';
import { ReadModelsModule } from '../read-models/read-models.module';
import { RetrospectivesModule } from '../retrospectives/retrospectives.module';
import { ReportSeal } from './report-seal';
import { GetReportEditionHandler } from './get-report-edition.handler';
import { RetrospectiveReportHttpController } from './retrospective-report.http.controller';

/**
 * The annual retrospective as a readable report (`GET /retrospectives/:year/report`): the report model comes from
 * the retrospective query (RetrospectivesModule registers its handler), rendered as HTML or Markdown.
 */
@Module({
  imports: [ReadModelsModule, RetrospectivesModule],
  controllers: [RetrospectiveReportHttpController],
  providers: [
    ReportSeal,
    GetReportEditionHandler,
    {
      provide: ReportPdfPrinter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ReportPdfPrinter(config.reportPdf),
    },
  ],
})
export class ReportModule implements OnApplicationShutdown {
  constructor(@Inject(ReportPdfPrinter) private readonly printer: ReportPdfPrinter) {}

  /** The browser, if a PDF started one, ends with the api. */
  async onApplicationShutdown(): Promise<void> {
    await this.printer.close();
  }
}
