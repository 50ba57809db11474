/** Small immutable list operations for id lists in read-model documents: they never change their input. */

/** The list with `id` appended, unless it is already there. */
export const withId = (ids: readonly string[], id: string): string[] =>
  ids.includes(id) ? [...ids] : [...ids, id];

/** The list without `id`. */
export const withoutId = (ids: readonly string[], id: string): string[] =>
  ids.filter((other) => other !== id);

/** The union of the lists, in first-seen order, without duplicates. */
export const unionOf = (...lists: readonly (readonly string[])[]): string[] => [...new Set(lists.flat())];

/** Replaces the entry with the same key, or appends it: a redefined entry never appears twice. */
export const upsertBy = <T, K extends keyof T>(list: readonly T[], key: K, entry: T): T[] =>
  list.some((other) => other[key] === entry[key])
    ? list.map((other) => (other[key] === entry[key] ? entry : other))
    : [...list, entry];
