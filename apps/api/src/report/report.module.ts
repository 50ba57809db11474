import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../read-models/read-models.module';
import { RetrospectivesModule } from '../retrospectives/retrospectives.module';
import { GetReportEditionHandler } from './get-report-edition.handler';
import { RetrospectiveReportHttpController } from './retrospective-report.http.controller';

/**
 * The annual retrospective as a readable report (`GET /retrospectives/:year/report`): the report model comes from
 * the retrospective query (RetrospectivesModule registers its handler), rendered as HTML or Markdown.
 */
@Module({
  imports: [ReadModelsModule, RetrospectivesModule],
  controllers: [RetrospectiveReportHttpController],
  providers: [GetReportEditionHandler],
})
export class ReportModule {}
