import type { DoetankEvent, MemberBusinessTimeCorrected, MemberEvent } from '@app/contracts';
import { MEMBERS_COLLECTION, type MemberDocument } from '@app/contracts/read-models/member.read-model';
import type { DocumentRef, ProjectedDocument, Projection, ProjectionEvent } from '../projection';
import { businessTime } from '../shared/business-time';
import { unionOf, withId, withoutId } from '../shared/id-lists';
import { nameKeys } from '../shared/name-keys';
import { unhandled } from '../shared/exhaustive';

export { MEMBERS_COLLECTION };

const MEMBER_EVENT_TYPES = [
  'MemberJoined',
  'MemberAffiliationChanged',
  'MemberLeft',
  'MemberForgotten',
  'BusinessTimeCorrected',
] as const satisfies readonly MemberEvent['type'][];

/** The Doetank events that change who is a member or the coach of a Doetank. */
const MEMBERSHIP_EVENT_TYPES = [
  'DoetankProposed',
  'MemberJoinedDoetank',
  'MemberLeftDoetank',
  'CoachAssigned',
] as const satisfies readonly DoetankEvent['type'][];

// A correction is the member's only when it is on a member's stream (a Doetank's and a gathering's name no member).
type MembersEvent =
  | ProjectionEvent<
      Exclude<
        Extract<MemberEvent | DoetankEvent, { type: MembersEventType }>,
        { type: 'BusinessTimeCorrected' }
      >
    >
  | ProjectionEvent<MemberBusinessTimeCorrected>;
type MembersEventType = (typeof MEMBER_EVENT_TYPES)[number] | (typeof MEMBERSHIP_EVENT_TYPES)[number];

const HANDLED: readonly MembersEventType[] = [...MEMBER_EVENT_TYPES, ...MEMBERSHIP_EVENT_TYPES];

const isMembersEvent = (event: ProjectionEvent): event is MembersEvent =>
  (HANDLED as readonly string[]).includes(event.type) &&
  (event.type !== 'BusinessTimeCorrected' || event.streamId.startsWith('member-'));

const memberRef = (memberId: string): DocumentRef => ({ collection: MEMBERS_COLLECTION, id: memberId });

/** The member documents an event changes. */
const membersChangedBy = (event: MembersEvent): string[] => {
  switch (event.type) {
    case 'MemberJoined':
    case 'MemberAffiliationChanged':
    case 'MemberLeft':
    case 'MemberForgotten':
    case 'MemberJoinedDoetank':
    case 'MemberLeftDoetank':
    case 'BusinessTimeCorrected':
      return [event.data.memberId];
    case 'DoetankProposed':
      return [event.data.proposedBy];
    case 'CoachAssigned':
      return unionOf(
        [event.data.coachId],
        event.data.previousCoachId === undefined ? [] : [event.data.previousCoachId],
      );
    default:
      return unhandled(event);
  }
};

/** Keeps `doetankIds` the union of what they are a member and the coach of. */
const withMemberships = (member: MemberDocument, memberOf: string[], coachOf: string[]): MemberDocument => ({
  ...member,
  memberOf,
  coachOf,
  doetankIds: unionOf(memberOf, coachOf),
});

/** A member who joined the network. A second MemberJoined (the domain refuses one) keeps their Doetanks. */
const joined = (
  current: MemberDocument | null,
  event: ProjectionEvent<Extract<MemberEvent, { type: 'MemberJoined' }>>,
  at: string,
): MemberDocument => {
  const { memberId, personal, organisation, sector, role } = event.data;
  // A forgotten member stays forgotten: personal data never comes back into the directory.
  if (current?.status === 'forgotten') return { ...current, organisation, sector, role };
  return {
    id: memberId,
    name: personal.name,
    nameKeys: nameKeys(personal.name),
    email: personal.email,
    organisation,
    sector,
    role,
    status: 'active',
    joinedAt: at,
    doetankIds: current?.doetankIds ?? [],
    memberOf: current?.memberOf ?? [],
    coachOf: current?.coachOf ?? [],
    lastEventPosition: event.position,
  };
};

/** The directory's dates follow a correction of the joining's or the leaving's business time. */
const corrected = (
  member: MemberDocument,
  { eventType, correctedTo }: MemberBusinessTimeCorrected['data'],
) => {
  const at = businessTime(correctedTo).at;
  if (eventType === 'MemberJoined') return { ...member, joinedAt: at };
  return eventType === 'MemberLeft' && member.leftAt !== undefined ? { ...member, leftAt: at } : member;
};

const evolveMember = (
  member: MemberDocument,
  event: MembersEvent,
  memberId: string,
  at: string,
): MemberDocument => {
  switch (event.type) {
    case 'MemberJoined':
      return joined(member, event, at);
    case 'MemberAffiliationChanged': {
      const { organisation, sector, role } = event.data;
      return { ...member, organisation, sector, role };
    }
    case 'MemberLeft':
      return member.status === 'active' ? { ...member, status: 'left', leftAt: at } : member;
    case 'MemberForgotten':
      return { ...member, status: 'forgotten', name: null, nameKeys: [], email: null, forgottenAt: at };
    case 'BusinessTimeCorrected':
      return corrected(member, event.data);
    case 'DoetankProposed':
    case 'MemberJoinedDoetank':
      return withMemberships(member, withId(member.memberOf, event.data.doetankId), member.coachOf);
    case 'MemberLeftDoetank':
      return withMemberships(member, withoutId(member.memberOf, event.data.doetankId), member.coachOf);
    case 'CoachAssigned': {
      const { doetankId, coachId } = event.data;
      const coachOf =
        memberId === coachId ? withId(member.coachOf, doetankId) : withoutId(member.coachOf, doetankId);
      return withMemberships(member, member.memberOf, coachOf);
    }
    default:
      return unhandled(event);
  }
};

/**
 * The member directory: one document per member (id = member id), with the Doetanks they are a member or the coach
 * of. Forgetting a member sets name and e-mail to null and keeps the organisation, sector and role (not personal
 * data). An event about a member without a document (anything before their MemberJoined, which the domain never
 * records) is ignored rather than creating a placeholder member: the directory lists only people who joined.
 */
export const membersProjection: Projection = {
  name: 'members',
  collections: [
    {
      name: MEMBERS_COLLECTION,
      arrayFields: ['doetankIds', 'memberOf', 'coachOf', 'nameKeys'],
      indexes: [
        { name: 'by_status', fields: [{ field: 'status' }, { field: 'name' }] },
        { name: 'by_sector', fields: [{ field: 'sector' }, { field: 'name' }] },
        { name: 'by_organisation', fields: [{ field: 'organisation' }, { field: 'name' }] },
        { name: 'by_doetank', fields: [{ field: 'doetankIds' }, { field: 'name' }] },
        { name: 'newest_members', fields: [{ field: 'joinedAt', order: 'desc' }] },
        // The typeahead: a prefix range on one of a name's keys, in name order.
        { name: 'by_name_key', fields: [{ field: 'nameKeys' }, { field: 'name' }] },
      ],
    },
  ],
  handles: HANDLED,

  targets(event) {
    return isMembersEvent(event) ? membersChangedBy(event).map(memberRef) : [];
  },

  evolve(document, event, target): ProjectedDocument | null {
    if (!isMembersEvent(event)) return document;
    const current = document as MemberDocument | null;
    const at = businessTime(event.metadata.occurredAt).at;
    if (current === null) return event.type === 'MemberJoined' ? joined(null, event, at) : null;
    return { ...evolveMember(current, event, target.id, at), lastEventPosition: event.position };
  },
};
