import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import {
  DOETANKS_COLLECTION,
  GATHERINGS_COLLECTION,
  MEMBERS_COLLECTION,
  NETWORK_YEARS_COLLECTION,
  type NetworkYearDocument,
  type DoetankDocument,
  type GatheringDocument,
  type MemberDocument,
} from '@app/contracts/read-models';
import { ProjectorService } from '@app/projection-runtime';
import { READ_STORE, type ReadStore, type Filter } from '@app/read-store';
import { GetRetrospectiveQuery } from '../retrospectives/queries/get-retrospective/get-retrospective.query';
import { GetReportEditionQuery, REPORT_READ_MODELS } from './get-report-edition.query';
import { buildReportEdition, type ReportEdition } from './report-edition';

/** Doetanks read for one report at most; the network had tens of them a year. */
const DOETANKS_READ = 2_000;

/**
 * Reads what the report shows beside the retrospective: the Doetanks proposed up to the year's end (their stories
 * and cohorts), the gatherings held in the year (their programmes), the coaches and members of those Doetanks
 * (name and organisation only), and the retrospective of the next year (the look ahead). The position is taken
 * first, so the report holds at least the events up to it.
 */
@QueryHandler(GetReportEditionQuery)
export class GetReportEditionHandler implements IQueryHandler<GetReportEditionQuery> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly queryBus: QueryBus,
    private readonly projector: ProjectorService,
  ) {}

  async execute({ year, names }: GetReportEditionQuery): Promise<ReportEdition> {
    const position = await this.projector.lowestPosition(REPORT_READ_MODELS);
    const nextYear = year + 1;
    const [report, nextReport] = await Promise.all([
      this.queryBus.execute(new GetRetrospectiveQuery(year)),
      this.queryBus.execute(new GetRetrospectiveQuery(nextYear)),
    ]);
    const end = `${year + 1}-01-01T00:00:00.000Z`;
    const nextThemeIds = nextReport.themes.map((t) => t.themeId);
    const [doetanks, gatherings, nextYearDoetanks, networkYears] = await Promise.all([
      this.all<DoetankDocument>(DOETANKS_COLLECTION, { proposedAt: { $lt: end } }),
      this.all<GatheringDocument>(GATHERINGS_COLLECTION, { year, status: 'held' }),
      nextThemeIds.length === 0
        ? Promise.resolve([])
        : this.all<DoetankDocument>(DOETANKS_COLLECTION, { themeId: { $in: nextThemeIds } }),
      this.all<NetworkYearDocument>(NETWORK_YEARS_COLLECTION, { year: { $lte: year } }),
    ]);
    const memberIds = new Set<string>();
    for (const d of doetanks) {
      if (d.coachId) memberIds.add(d.coachId);
      for (const id of d.memberIds) memberIds.add(id);
    }
    const members = await this.store.getMany<MemberDocument>(MEMBERS_COLLECTION, [...memberIds]);
    return buildReportEdition({
      report,
      nextReport,
      doetanks,
      gatherings,
      members,
      names,
      position,
      nextYearDoetanks,
      networkYears,
    });
  }

  private async all<T extends { id: string }>(collection: string, filter: Filter): Promise<T[]> {
    const page = await this.store.find<T>(collection, {
      filter,
      sort: [{ field: 'id' }],
      limit: DOETANKS_READ,
    });
    return page.items;
  }
}
