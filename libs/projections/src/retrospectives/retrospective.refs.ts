import { RETROSPECTIVE_COLLECTIONS, type RetrospectiveRefDocument } from '@app/contracts/read-models';
import { NO_REFS, doetankRef, gatheringRef, memberRef, type DocumentKind } from './retrospective.events';

/**
 * `retrospective_refs/{member,doetank,gathering}-<id>`: what later events need to know of a member (sector, role,
 * status), a Doetank (title, status) and a gathering (kind, title, venue), read by them as related documents.
 * Small flat documents, each rewritten whole.
 */
export const references: DocumentKind<RetrospectiveRefDocument> = {
  collection: RETROSPECTIVE_COLLECTIONS.refs,

  targets(event) {
    switch (event.type) {
      case 'MemberJoined':
      case 'MemberAffiliationChanged':
      case 'MemberLeft':
      case 'MemberForgotten':
        return [memberRef(event.data.memberId)];
      case 'DoetankProposed':
      case 'DoetankStarted':
      case 'DoetankConcluded':
      case 'DoetankStopped':
        return [doetankRef(event.data.doetankId)];
      case 'GatheringScheduled':
        return [gatheringRef(event.data.gatheringId)];
      default:
        return NO_REFS;
    }
  },

  related: () => NO_REFS,

  evolve(document, event, id) {
    const lastEventPosition = event.position;
    switch (event.type) {
      case 'MemberJoined':
      case 'MemberAffiliationChanged': {
        const status =
          event.type === 'MemberAffiliationChanged' && document?.ref === 'member'
            ? document.status
            : 'active';
        return {
          id,
          lastEventPosition,
          ref: 'member',
          sector: event.data.sector,
          role: event.data.role,
          status,
        };
      }
      case 'MemberLeft':
      case 'MemberForgotten':
        if (document?.ref !== 'member') return document;
        return { ...document, lastEventPosition, status: event.type === 'MemberLeft' ? 'left' : 'forgotten' };
      case 'DoetankProposed':
        return { id, lastEventPosition, ref: 'doetank', title: event.data.title, status: 'proposed' };
      case 'DoetankStarted':
        if (document?.ref !== 'doetank' || document.status !== 'proposed') return document;
        return { ...document, lastEventPosition, status: 'started' };
      case 'DoetankConcluded':
        if (document?.ref !== 'doetank' || document.status !== 'started') return document;
        return { ...document, lastEventPosition, status: 'concluded' };
      case 'DoetankStopped':
        if (
          document?.ref !== 'doetank' ||
          (document.status !== 'proposed' && document.status !== 'started')
        ) {
          return document;
        }
        return { ...document, lastEventPosition, status: 'stopped' };
      case 'GatheringScheduled': {
        const { kind, title, venue, city, startsAt } = event.data;
        return {
          id,
          lastEventPosition,
          ref: 'gathering',
          kind,
          title,
          venue,
          ...(city !== undefined && { city }),
          startsAt,
        };
      }
      default:
        return document;
    }
  },
};
