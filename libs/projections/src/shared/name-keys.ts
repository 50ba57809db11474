import { textWords } from '@app/read-store';

/**
 * The keys a name is found by as someone types it: the name folded (lower case, accents dropped, everything that
 * is not a letter or digit a single space), and each of its tails that starts at a word. "Jan de Boer" gives
 * `jan de boer`, `de boer` and `boer`, so `jan d`, `boe` and `de bo` all find it by one prefix range on one key.
 */
export function nameKeys(name: string | null | undefined): string[] {
  const words = foldWords(name ?? '').slice(0, MAX_WORDS);
  return words.map((_, i) => words.slice(i).join(' ').slice(0, MAX_KEY_LENGTH));
}

/** What a search for `text` looks for: its words folded as {@link nameKeys} folds a name, one space apart. */
export const searchKey = (text: string): string => foldWords(text).join(' ').slice(0, MAX_KEY_LENGTH);

/** The largest string that starts with `prefix` sorts below `prefix + PREFIX_END` (in code-unit order). */
export const PREFIX_END = '\uffff';

const MAX_WORDS = 8;
const MAX_KEY_LENGTH = 200;

/** Folded as full-text search folds words, so a name and a search for it agree. */
const foldWords = textWords;
