import { Query } from '@nestjs/cqrs';
import type { TimelineKind } from '@app/contracts';
import type { SummaryLanguageCode, TimelineQueryDto } from './list-timeline.request.dto';
import type { TimelinePageDto } from './list-timeline.response.dto';
import {
  doetanksProjection,
  gatheringsProjection,
  membersProjection,
  retrospectivesProjection,
  timelineProjection,
} from '@app/projections';

/** The timeline, and the read models its summaries take current names from (themes: the retrospective years). */
export const TIMELINE_READ_MODELS = [
  timelineProjection.name,
  membersProjection.name,
  doetanksProjection.name,
  gatheringsProjection.name,
  retrospectivesProjection.name,
] as const;

export interface TimelineFilters {
  /** ISO date or date-time, inclusive (a date: from the start of that day, UTC). */
  from?: string;
  /** ISO date or date-time, inclusive (a date: to the end of that day, UTC). */
  to?: string;
  year?: number;
  kind?: TimelineKind;
  doetank?: string;
  member?: string;
  gathering?: string;
  theme?: string;
  /** Words every entry's summary holds (Dutch or English): full-text search. */
  q?: string;
  /** Event types, any of which an entry may have. */
  types?: readonly string[];
}

/** The filters of a timeline request (the page and its export take the same). */
export const timelineFiltersOf = (query: TimelineQueryDto): TimelineFilters => {
  const { from, to, year, kind, doetank, member, gathering, theme, q } = query;
  return { from, to, year, kind, doetank, member, gathering, theme, q, types: query.type?.split(',') };
};

/** The page's order and whether it counts the entries the filters match. */
export interface TimelineListing {
  oldestFirst?: boolean;
  withTotal?: boolean;
}

/** A page of the network's activity, newest first by business time, with readable summaries. */
export class ListTimelineQuery extends Query<TimelinePageDto> {
  constructor(
    readonly filters: TimelineFilters,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly lang: SummaryLanguageCode,
    /** Whether summaries name members; not for anonymous readers (names are personal data). */
    readonly memberNames = true,
    readonly listing: TimelineListing = {},
  ) {
    super();
  }
}
