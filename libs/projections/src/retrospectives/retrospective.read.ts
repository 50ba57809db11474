import {
  RETROSPECTIVE_COLLECTIONS,
  retrospectiveYearId,
  type Retrospective,
  type RetrospectiveYearDocument,
  type RetrospectiveYearListsDocument,
} from '@app/contracts/read-models';
import type { ReadStore } from '@app/read-store';
import { assembleRetrospective } from './retrospective.assemble';

/**
 * The retrospective of `year` from the read store: the figures of every year up to it (one small document per
 * year with activity, along the `by_year` index) and the lists of `year` alone. A year without activity gives a
 * well-formed report with zeros.
 */
export async function readRetrospective(store: ReadStore, year: number): Promise<Retrospective> {
  const [{ items }, lists] = await Promise.all([
    store.find<RetrospectiveYearDocument>(RETROSPECTIVE_COLLECTIONS.years, {
      filter: { year: { $lte: year } },
      sort: [{ field: 'year' }],
    }),
    store.get<RetrospectiveYearListsDocument>(RETROSPECTIVE_COLLECTIONS.yearLists, retrospectiveYearId(year)),
  ]);
  return assembleRetrospective(year, items, lists);
}
