import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TIMELINE_COLLECTION, type TimelineEntry } from '@app/contracts';
import { periodEnd, periodStart } from '../../../shared/period';
import { type TimelinePageDto } from './list-timeline.response.dto';
import { renderTimelineSummary } from '@app/projections';
import { type FieldCondition, type SortField } from '@app/read-store';
import { findPage, withoutBookkeeping, ReadModelHandler } from '../../../read-models/read-page';
import { ListTimelineQuery, type TimelineFilters } from './list-timeline.query';
import { timelineNames } from './timeline-names';

/** The order every timeline index declares after its leading field (the id, descending, breaks ties). */
const NEWEST_FIRST: readonly SortField[] = [
  { field: 'occurredAt', order: 'desc' },
  { field: 'position', order: 'desc' },
];
/** The same index read the other way (both stores walk an index backwards). */
const OLDEST_FIRST: readonly SortField[] = NEWEST_FIRST.map(({ field }) => ({ field, order: 'asc' }));

/**
 * Equality filters in the order in which they drive an index: the first one given is the leading field of the index
 * that serves the query (`by_doetank`, `by_gathering`, `by_member`, `by_theme`, `by_kind`, `by_year`; the
 * embedded store takes the first array field as its driver), the others narrow the range it reads. Every index
 * continues with the same sort, so the sort and the cursor do not depend on the filters.
 */
const EQUALITY_FILTERS = [
  ['doetank', 'doetankId'],
  ['gathering', 'gatheringId'],
  ['member', 'memberIds'],
  ['theme', 'themeIds'],
  ['kind', 'kind'],
  ['year', 'year'],
] as const satisfies readonly (readonly [keyof TimelineFilters, string])[];

export const timelineFilter = (filters: TimelineFilters): Record<string, FieldCondition> => {
  const filter: Record<string, FieldCondition> = {};
  for (const [parameter, field] of EQUALITY_FILTERS) {
    const value = filters[parameter];
    if (value !== undefined) filter[field] = value;
  }
  if (filters.q !== undefined) filter.$text = filters.q;
  if (filters.types !== undefined) filter.type = { $in: [...filters.types] };
  if (filters.from !== undefined || filters.to !== undefined) {
    filter.occurredAt = {
      ...(filters.from !== undefined && { $gte: periodStart(filters.from) }),
      ...(filters.to !== undefined && { $lte: periodEnd(filters.to) }),
    };
  }
  return filter;
};

@QueryHandler(ListTimelineQuery)
export class ListTimelineHandler extends ReadModelHandler implements IQueryHandler<ListTimelineQuery> {
  async execute({
    filters,
    limit,
    cursor,
    lang,
    memberNames,
    listing,
  }: ListTimelineQuery): Promise<TimelinePageDto> {
    const filter = timelineFilter(filters);
    const [page, total] = await Promise.all([
      findPage<TimelineEntry>(this.store, TIMELINE_COLLECTION, {
        filter,
        sort: listing.oldestFirst ? OLDEST_FIRST : NEWEST_FIRST,
        limit,
        cursor,
      }),
      listing.withTotal ? this.store.count(TIMELINE_COLLECTION, filter) : undefined,
    ]);
    const current = await timelineNames(this.store, page.items, lang);
    const names = memberNames ? current : { ...current, member: () => undefined };
    return {
      items: page.items.map(({ search: _search, ...entry }) => ({
        ...withoutBookkeeping(entry),
        summary: renderTimelineSummary(entry as TimelineEntry, names, lang),
      })),
      ...(page.nextCursor !== undefined && { nextCursor: page.nextCursor }),
      ...(total !== undefined && { total }),
    };
  }
}
