/**
 * Texts written side by side, Dutch and English, where a table is the same in both languages but for its words
 * (the sectors, the rules of a form's field): one entry per key, so neither language can miss one.
 */

/**
 * One language's side of a table of pairs.
 * @param {Record<string, readonly [string, string]>} pairs
 * @param {0 | 1} side 0 for Dutch, 1 for English
 * @returns {Record<string, string>}
 */
export const sideOf = (pairs, side) =>
  Object.fromEntries(Object.entries(pairs).map(([key, words]) => [key, words[side]]));

/**
 * One language's side of a table of texts that take a value.
 * @template {unknown[]} A
 * @param {Record<string, (...args: A) => readonly [string, string]>} pairs
 * @param {0 | 1} side
 * @returns {Record<string, (...args: A) => string>}
 */
export const sideOfTexts = (pairs, side) =>
  Object.fromEntries(Object.entries(pairs).map(([key, words]) => [key, (...args) => words(...args)[side]]));
