import { Query } from '@nestjs/cqrs';
import {
  doetanksProjection,
  gatheringsProjection,
  membersProjection,
  networkYearsProjection,
  retrospectivesProjection,
} from '@app/projections';
import type { ReportEdition } from './report-edition';

/** The read models a report reads: read-your-writes waits for all of them. */
export const REPORT_READ_MODELS = [
  retrospectivesProjection.name,
  doetanksProjection.name,
  gatheringsProjection.name,
  membersProjection.name,
  networkYearsProjection.name,
] as const;

/** The annual report of a year as a publication; `names`: whether the reader may see members' names. */
export class GetReportEditionQuery extends Query<ReportEdition> {
  constructor(
    readonly year: number,
    readonly names: boolean,
  ) {
    super();
  }
}
