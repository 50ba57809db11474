import type { GatheringEvent } from '@app/contracts';
import {
  GATHERINGS_COLLECTION,
  type GatheringDocument,
} from '@app/contracts/read-models/gathering.read-model';
import type { Projection, ProjectionEvent } from '../projection';
import { businessTime } from '../shared/business-time';
import { unionOf, upsertBy, withId, withoutId } from '../shared/id-lists';
import { documentPerSubject } from '../shared/document-per-subject';
import { unhandled } from '../shared/exhaustive';

export { GATHERINGS_COLLECTION };

const GATHERING_EVENT_TYPES = [
  'GatheringScheduled',
  'ParticipantRegistered',
  'RegistrationCancelled',
  'ProgrammeItemAdded',
  'GatheringHeld',
  'GatheringReportRecorded',
  'GatheringCancelled',
] as const satisfies readonly GatheringEvent['type'][];

type GatheringProjectionEvent = ProjectionEvent<GatheringEvent>;

const scheduled = (
  event: ProjectionEvent<Extract<GatheringEvent, { type: 'GatheringScheduled' }>>,
): GatheringDocument => {
  const { gatheringId, kind, title, venue, city, capacity } = event.data;
  const startsAt = businessTime(event.data.startsAt);
  return {
    id: gatheringId,
    kind,
    title,
    startsAt: startsAt.at,
    year: startsAt.year,
    venue,
    ...(city !== undefined && { city }),
    capacity,
    status: 'scheduled',
    registeredMemberIds: [],
    registeredCount: 0,
    attendeeIds: [],
    attendedCount: 0,
    programme: [],
    lastEventPosition: event.position,
  };
};

const evolveExisting = (gathering: GatheringDocument, event: GatheringProjectionEvent): GatheringDocument => {
  switch (event.type) {
    case 'GatheringScheduled':
      // Scheduled twice (the domain refuses it): the first schedule stands.
      return gathering;
    case 'ParticipantRegistered': {
      const registeredMemberIds = withId(gathering.registeredMemberIds, event.data.memberId);
      return { ...gathering, registeredMemberIds, registeredCount: registeredMemberIds.length };
    }
    case 'RegistrationCancelled': {
      const registeredMemberIds = withoutId(gathering.registeredMemberIds, event.data.memberId);
      return { ...gathering, registeredMemberIds, registeredCount: registeredMemberIds.length };
    }
    case 'ProgrammeItemAdded': {
      const { itemId, title, speaker, doetankId } = event.data;
      const programme = upsertBy(gathering.programme, 'itemId', {
        itemId,
        title,
        ...(speaker !== undefined && { speaker }),
        ...(doetankId !== undefined && { doetankId }),
      });
      return { ...gathering, programme };
    }
    case 'GatheringHeld': {
      // As in the domain: only a scheduled gathering is held, once.
      if (gathering.status !== 'scheduled') return gathering;
      const attendeeIds = unionOf(event.data.attendees);
      return {
        ...gathering,
        status: 'held',
        attendeeIds,
        attendedCount: attendeeIds.length,
        heldOn: businessTime(event.data.heldOn).at,
      };
    }
    case 'GatheringReportRecorded': {
      // Plain copies: the document is written as JSON, whatever objects the event was read into.
      const { summary, links, quotes, guests } = event.data;
      const report = {
        summary,
        links: links.map((link) => ({ ...link })),
        quotes: quotes.map((quote) => ({ ...quote })),
        ...(guests !== undefined && { guests }),
      };
      return { ...gathering, report };
    }
    case 'GatheringCancelled':
      if (gathering.status !== 'scheduled') return gathering;
      return { ...gathering, status: 'cancelled', cancelReason: event.data.reason };
    case 'BusinessTimeCorrected':
      // Not handled (see GATHERING_EVENT_TYPES): the timeline and the retrospectives move the corrected event.
      return gathering;
    default:
      return unhandled(event);
  }
};

/**
 * Cafés, Grand Cafés and Masterclasses: one document per gathering (id = gathering id) with registrations,
 * attendance and programme. `year` is the calendar year (UTC) of its start. An event for a gathering that was never
 * scheduled is ignored: without its schedule there is no kind, title or date to show. Attendees are who was
 * recorded as present, registered or not.
 */
export const gatheringsProjection: Projection = documentPerSubject<
  GatheringProjectionEvent,
  GatheringDocument
>({
  name: 'gatherings',
  collection: {
    name: GATHERINGS_COLLECTION,
    indexes: [
      { name: 'by_start', fields: [{ field: 'startsAt', order: 'desc' }] },
      { name: 'by_kind', fields: [{ field: 'kind' }, { field: 'startsAt', order: 'desc' }] },
      { name: 'by_year', fields: [{ field: 'year' }, { field: 'startsAt', order: 'desc' }] },
      { name: 'by_status', fields: [{ field: 'status' }, { field: 'startsAt', order: 'desc' }] },
    ],
  },
  handles: GATHERING_EVENT_TYPES,
  idOf: (event) => event.data.gatheringId,
  create: (event) => (event.type === 'GatheringScheduled' ? scheduled(event) : null),
  update: evolveExisting,
});
