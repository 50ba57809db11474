import type { EventOf, NetworkEventType } from '@app/contracts';
import { EVENT_SCHEMA_VERSIONS } from '@app/contracts/events';
import {
  TIMELINE_COLLECTION,
  TIMELINE_SKIPPED_EVENT_TYPES,
  type TimelineEntry,
  type TimelineEventType,
} from '@app/contracts/read-models/timeline.read-model';
import type { IndexField } from '@app/read-store';
import type { ProjectedDocument, Projection, ProjectionEvent } from '../projection';
import {
  subjectOf,
  subjectsReadBy,
  subjectWrittenBy,
  TIMELINE_SUBJECTS_COLLECTION,
  type TimelineEvent,
} from './timeline-subjects';
import { movedEntry, timelineEntry } from './timeline-entries';

export { TIMELINE_COLLECTION };
export {
  TIMELINE_SUBJECTS_COLLECTION,
  type TimelineDiscussionSubject,
  type TimelineDoetankSubject,
  type TimelineGatheringSubject,
  type TimelineSubject,
} from './timeline-subjects';
export { timelineEntry } from './timeline-entries';

/** Every event type with an entry: all but the bookkeeping ones. */
export const TIMELINE_EVENT_TYPES = (Object.keys(EVENT_SCHEMA_VERSIONS) as NetworkEventType[]).filter(
  (type): type is TimelineEventType => !(TIMELINE_SKIPPED_EVENT_TYPES as readonly string[]).includes(type),
);

// Every index ends in the same sort key (and so the same id tie-break, descending): each filter the API offers is
// one index range, read newest first.
const NEWEST_FIRST: readonly IndexField[] = [
  { field: 'occurredAt', order: 'desc' },
  { field: 'position', order: 'desc' },
];
const newestFirstBy = (name: string, field: string) => ({ name, fields: [{ field }, ...NEWEST_FIRST] });

const TIMELINE_TYPES: ReadonlySet<string> = new Set(TIMELINE_EVENT_TYPES);

const isTimelineEvent = (event: ProjectionEvent): event is TimelineEvent => TIMELINE_TYPES.has(event.type);

const isCorrection = (event: ProjectionEvent): event is ProjectionEvent<EventOf<'BusinessTimeCorrected'>> =>
  event.type === 'BusinessTimeCorrected';

/**
 * The network's activity timeline: one entry per meaningful event (all but e-mail claims and theme adoptions),
 * keyed by event id, newest first by business time. Entries are written once and change only when a correction
 * moves one to its corrected business time (`BusinessTimeCorrected`: its time, year and month). What an entry says
 * about its Doetank or gathering (title, theme, kind, venue) is what the timeline knew when the event happened,
 * from its `timeline_subjects` lookup. Names of members, Doetanks, gatherings and themes are looked up when the
 * timeline is read (see `renderTimelineSummary`), so a forgotten member is never named here.
 */
export const timelineProjection: Projection = {
  name: 'timeline',
  collections: [
    {
      name: TIMELINE_COLLECTION,
      arrayFields: ['memberIds', 'themeIds'],
      // Full-text search over both languages' summaries (entries written before this need a rebuild).
      textFields: ['search.nl', 'search.en'],
      indexes: [
        { name: 'newest_first', fields: NEWEST_FIRST },
        newestFirstBy('by_kind', 'kind'),
        newestFirstBy('by_doetank', 'doetankId'),
        newestFirstBy('by_gathering', 'gatheringId'),
        newestFirstBy('by_member', 'memberIds'),
        newestFirstBy('by_theme', 'themeIds'),
        newestFirstBy('by_year', 'year'),
      ],
    },
    { name: TIMELINE_SUBJECTS_COLLECTION },
  ],
  // A correction of business time moves the corrected event's entry (its id is in the correction; one from before
  // corrections carried it names no entry).
  handles: [...TIMELINE_EVENT_TYPES, 'BusinessTimeCorrected'],
  readsPersonalData: false, // sector, role and organisation only: not personal

  targets(event) {
    if (isCorrection(event)) {
      const { eventId } = event.data;
      return eventId === undefined ? [] : [{ collection: TIMELINE_COLLECTION, id: eventId }];
    }
    if (!isTimelineEvent(event)) return [];
    const subject = subjectWrittenBy(event);
    return [{ collection: TIMELINE_COLLECTION, id: event.id }, ...(subject ? [subject] : [])];
  },

  related(event) {
    return isTimelineEvent(event) ? subjectsReadBy(event) : [];
  },

  evolve(document, event, target, related): ProjectedDocument | null {
    if (isCorrection(event)) return document && movedEntry(document as unknown as TimelineEntry, event);
    if (!isTimelineEvent(event)) return document;
    if (target.collection === TIMELINE_SUBJECTS_COLLECTION)
      return subjectOf(event, target.id, related) ?? document;
    return timelineEntry(event, related);
  },
};
