// Which events of $all belong to this system, as a server-side subscription filter and as the same rule applied on
// the client. Pure.
import { STREAM_CATEGORIES } from '@app/contracts/streams';
import { eventTypeFilter, streamNameFilter, type Filter } from '@eventstore/db-client';

/** Stream-name prefixes of this system's streams: `member-`, `doetank-`, ... (libs/contracts/src/streams.ts). */
export const SYSTEM_STREAM_PREFIXES: readonly string[] = STREAM_CATEGORIES.map((category) => `${category}-`);

export interface EventSelection {
  /** Events of streams whose name starts with one of these. */
  streamPrefixes: readonly string[];
  /** Only these event types (an allow-list), when given. */
  eventTypes?: readonly string[];
}

/** Escapes a literal for a .NET regular expression (the server evaluates filter regexes with System.Text.RegularExpressions). */
export const escapeRegex = (literal: string): string => literal.replace(/[\\^$.*+?()[\]{}|#\s-]/g, '\\$&');

/**
 * The server-side filter of a subscription to $all. The server takes one filter, on stream names or on event types:
 * - with event types: an exact-match regex on the type (a prefix filter would let `MemberJoined` also match
 *   `MemberJoinedDoetank`). System events start with `$`, so they never match our types.
 * - otherwise: a prefix filter on this system's stream names, which excludes system streams (`$...`) and therefore
 *   system events, and other applications' streams sharing the server.
 * The client applies the whole selection again ({@link selects}), so the filter only has to be a superset.
 *
 * `checkpointInterval` is a multiplier of the server's search window (32 events): with 1 the server reports its
 * progress at least every 32 events it skipped, which keeps a sparse filter from looking stalled.
 */
export function subscriptionFilter(selection: EventSelection): Filter {
  if (selection.eventTypes !== undefined) {
    // An empty allow-list matches nothing; `(?!)` is a regex that never matches.
    const alternatives = selection.eventTypes.map(escapeRegex).join('|');
    return eventTypeFilter({
      regex: selection.eventTypes.length === 0 ? '(?!)' : `^(?:${alternatives})$`,
      checkpointInterval: 1,
    });
  }
  return streamNameFilter({ prefixes: [...selection.streamPrefixes], checkpointInterval: 1 });
}

/** The selection as a predicate on one event, for reads (the client's readAll has no server-side filter). */
export function selects(selection: EventSelection): (event: { streamId: string; type: string }) => boolean {
  const types = selection.eventTypes === undefined ? undefined : new Set(selection.eventTypes);
  const prefixes = selection.streamPrefixes;
  return (event) =>
    !event.type.startsWith('$') &&
    prefixes.some((prefix) => event.streamId.startsWith(prefix)) &&
    (types === undefined || types.has(event.type));
}
