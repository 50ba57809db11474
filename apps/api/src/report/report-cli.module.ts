import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ALL_PROJECTIONS } from '@app/projections';
import { ProjectorModule } from '@app/projection-runtime';
import { StoresModule } from '@app/stores';
import type { AppConfig } from '../config/app.config';
import { GetReportEditionHandler } from './get-report-edition.handler';
import { GetRetrospectiveHandler } from '../retrospectives/queries/get-retrospective/get-retrospective.handler';
import { ReportSeal } from './report-seal';

/**
 * What `npm run report` needs and nothing more: the configured stores, the retrospective query (the same handler
 * as `GET /retrospectives/:year`), and the projector's status to warn when the read model is behind. No HTTP, no
 * projections running, no demo import: the CLI only reads.
 */
@Module({})
export class ReportCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReportCliModule,
      imports: [
        CqrsModule.forRoot(),
        StoresModule.forRoot(config.stores),
        ProjectorModule.forRoot({ projections: ALL_PROJECTIONS, run: false }),
      ],
      providers: [GetRetrospectiveHandler, GetReportEditionHandler, ReportSeal],
    };
  }
}
