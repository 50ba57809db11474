import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  RETROSPECTIVE_COLLECTIONS,
  type Retrospective,
  type RetrospectiveYearDocument,
} from '@app/contracts';
import { assembleRetrospective } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { GetRetrospectiveQuery } from './get-retrospective.query';

/**
 * Loads the year documents up to the year (one per year with activity: a handful, along the `by_year` index) and
 * assembles the report; totals at the year's end are sums of the yearly deltas. A year without activity gives a
 * well-formed report with zeros.
 */
@QueryHandler(GetRetrospectiveQuery)
export class GetRetrospectiveHandler implements IQueryHandler<GetRetrospectiveQuery> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ year }: GetRetrospectiveQuery): Promise<Retrospective> {
    const { items } = await this.store.find<RetrospectiveYearDocument>(RETROSPECTIVE_COLLECTIONS.years, {
      filter: { year: { $lte: year } },
      sort: [{ field: 'year' }],
    });
    return assembleRetrospective(year, items);
  }
}
