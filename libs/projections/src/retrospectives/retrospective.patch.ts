/**
 * Copy-on-write by construction. The documents of this projection are evolved event by event, and an event changes
 * a few counters of a document whose other parts the next document shares with it (the runner keeps the previous
 * document, and a new year starts from one shared, frozen empty year). So an evolve must never write into what it
 * is given. Copying the parts an event may change before changing them in place would need a list of those parts
 * per event type, kept in step with the handlers by hand. Instead each handler sees its document as
 * {@link Frozen} and returns a {@link Patch}: the parts it changes, as new values. The compiler refuses an
 * assignment, `push` or `+=` anywhere in a frozen document, so a handler can only build new values, and the one
 * spread that applies a patch (`{ ...document, ...patch }`) shares every part the patch does not name. Nothing is
 * copied that does not change.
 */

/** A document as handlers see it: read-only at every depth (arrays included), so it can only be copied, not changed. */
export type Frozen<T> = T extends readonly (infer E)[]
  ? readonly Frozen<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/** The parts `P` of document `D` an event changes, each a new value; a part not named is shared unchanged. */
export type Patch<D, P extends keyof D> = { readonly [K in P]?: Frozen<D[K]> };

/** The patch of an event that changes no part (an activity-only event, a start of a Doetank already started, ...). */
export const NO_CHANGE = Object.freeze({});

/** `record` with `by` added to the count under `key`, as a new record. */
export const bump = <K extends string>(
  record: { readonly [P in K]: number },
  key: K,
  by = 1,
): { readonly [P in K]: number } => ({ ...record, [key]: record[key] + by }) as { readonly [P in K]: number };

/** `record` with one count moved from `from` to `to` (nothing moves when they are the same), as a new record. */
export const shift = <K extends string>(
  record: { readonly [P in K]: number },
  from: K,
  to: K,
): { readonly [P in K]: number } => bump(bump(record, from, -1), to);

/** `list` with `by` added to the number at `index`, as a new list. */
export const bumpAt = (list: readonly number[], index: number, by = 1): readonly number[] =>
  list.with(index, list[index] + by);

/** `record` with the entry under `key` replaced by `change(entry)`, as a new record. */
export const updated = <K extends string, V>(
  record: { readonly [P in K]: V },
  key: K,
  change: (value: V) => V,
): { readonly [P in K]: V } => ({ ...record, [key]: change(record[key]) }) as { readonly [P in K]: V };

/** `list` with its first entry matching `where` replaced by `change(entry)`, or `list` itself if none matches. */
export const updatedWhere = <T>(
  list: readonly T[],
  where: (entry: T) => boolean,
  change: (entry: T) => T,
): readonly T[] => {
  const index = list.findIndex(where);
  return index < 0 ? list : list.with(index, change(list[index]));
};
