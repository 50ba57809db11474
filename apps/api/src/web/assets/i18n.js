/**
 * Every text of the page, in Dutch (the default) and in English. `en` is typed as `nl` has it, so a text missing
 * from either language, or one only in English, fails the type check (`npm run typecheck`). The page's own HTML names
 * its texts by key (`data-text="…"`); the other keys are used by the views.
 */

import { networkEn, networkNl } from './i18n-network.js';
import { problemsEn, problemsNl } from './i18n-problems.js';
import { writeEn, writeNl } from './i18n-write.js';
import { signInEn, signInNl } from './i18n-sign-in.js';

/** @typedef {'nl' | 'en'} Language */

const nl = {
  ...networkNl,
  ...writeNl,
  ...signInNl,
  ...problemsNl,
  tagline: 'Activiteit van het netwerk',
  skip: 'Naar de inhoud',
  historyTable: 'Tabel van de geschiedenis',
  timeline: 'Tijdlijn',
  reports: 'Terugblik',
  filters: 'Filters',
  kind: 'Soort',
  year: 'Jaar',
  doetank: 'Doetank',
  member: 'Lid',
  theme: 'Thema',
  all: 'Alle',
  clear: 'Wis filters',
  loadMore: 'Meer laden',
  loading: 'Laden…',
  empty: 'Geen activiteit gevonden met deze filters.',
  end: 'Dat was alles.',
  failed: 'Laden mislukt: ',
  /** @param {number} n */
  shown: (n) => (n === 1 ? '1 gebeurtenis' : `${n} gebeurtenissen`),
  /** @type {Record<string, string>} */
  kinds: {
    member: 'Leden',
    doetank: 'Doetanks',
    gathering: 'Bijeenkomsten',
    network: 'Netwerk',
    discussion: 'Discussies',
  },
  /** @type {Record<string, string>} */
  kindOne: {
    member: 'Lid',
    doetank: 'Doetank',
    gathering: 'Bijeenkomst',
    network: 'Netwerk',
    discussion: 'Discussie',
  },
  back: '← Terug naar de tijdlijn',
  /** @type {Record<string, string>} */
  stages: { proposed: 'Voorgesteld', started: 'Gestart', concluded: 'Afgerond', stopped: 'Gestopt' },
  problem: 'Probleemstelling',
  proposedAt: 'Voorgesteld op',
  startedAt: 'Gestart op',
  concludedAt: 'Afgerond op',
  stoppedAt: 'Gestopt op',
  coach: 'Coach',
  members: 'Leden',
  client: 'Opdrachtgever',
  results: 'Resultaten',
  lessons: 'Lessen',
  conclusion: 'Conclusie',
  stopReason: 'Reden om te stoppen',
  none: 'Nog geen.',
  doetankTimeline: 'Alle activiteit van deze Doetank in de tijdlijn',
  history: 'Geschiedenis (audit)',
  historyIntro:
    'Elke gebeurtenis van deze Doetank zoals vastgelegd: revisie, soort, het moment waarop het gebeurde (Nederlandse tijd), wie het deed, wat het veranderde en waarom, en de correlatie-id van het verzoek.',
  revision: 'Revisie',
  eventType: 'Gebeurtenis',
  businessTime: 'Bedrijfstijd',
  actor: 'Door',
  correlation: 'Correlatie-id',
  changes: 'Wat veranderde',
  reason: 'Reden',
  correctedTime: 'gecorrigeerd; vastgelegd als',
  someone: 'iemand',
  /** @type {Record<string, string>} */
  fields: {
    status: 'status',
    title: 'titel',
    problemStatement: 'probleemstelling',
    proposedBy: 'voorgesteld door',
    themeId: 'thema',
    client: 'opdrachtgever',
    coachId: 'coach',
    members: 'leden',
    results: 'resultaten',
    lessons: 'lessen',
    conclusion: 'conclusie',
    reason: 'reden',
  },
  notFound: 'Deze Doetank bestaat niet (of nog niet).',
  forgotten: 'vergeten lid',
  system: 'systeem',
  /** @type {Record<string, string>} */
  resultKinds: {
    'business-case': 'Business case',
    film: 'Film',
    report: 'Rapport',
    tool: 'Instrument',
    lesson: 'Les',
  },
  tokenNeeded: 'Deze gegevens zijn niet openbaar. Geef een token om ze te lezen.',
  historyNeedsToken:
    'De geschiedenis (audit) is zichtbaar voor leden, coördinatoren en waarnemers. Geef een token om haar te lezen.',
  tokenLabel: 'Token',
  useToken: 'Gebruiken',
  tokenRejected: 'Dit token wordt niet geaccepteerd.',
};

/** @typedef {typeof nl} Texts */

/** @type {Texts} */
const en = {
  ...networkEn,
  ...writeEn,
  ...signInEn,
  ...problemsEn,
  tagline: "The network's activity",
  skip: 'Skip to content',
  historyTable: 'History table',
  timeline: 'Timeline',
  reports: 'Annual review',
  filters: 'Filters',
  kind: 'Kind',
  year: 'Year',
  doetank: 'Doetank',
  member: 'Member',
  theme: 'Theme',
  all: 'All',
  clear: 'Clear filters',
  loadMore: 'Load more',
  loading: 'Loading…',
  empty: 'No activity found with these filters.',
  end: "That's everything.",
  failed: 'Could not load: ',
  shown: (n) => (n === 1 ? '1 event' : `${n} events`),
  kinds: {
    member: 'Members',
    doetank: 'Doetanks',
    gathering: 'Gatherings',
    network: 'Network',
    discussion: 'Discussions',
  },
  kindOne: {
    member: 'Member',
    doetank: 'Doetank',
    gathering: 'Gathering',
    network: 'Network',
    discussion: 'Discussion',
  },
  back: '← Back to the timeline',
  stages: { proposed: 'Proposed', started: 'Started', concluded: 'Concluded', stopped: 'Stopped' },
  problem: 'Problem statement',
  proposedAt: 'Proposed on',
  startedAt: 'Started on',
  concludedAt: 'Concluded on',
  stoppedAt: 'Stopped on',
  coach: 'Coach',
  members: 'Members',
  client: 'Client',
  results: 'Results',
  lessons: 'Lessons',
  conclusion: 'Conclusion',
  stopReason: 'Why it stopped',
  none: 'None yet.',
  doetankTimeline: "All of this Doetank's activity in the timeline",
  history: 'History (audit)',
  historyIntro:
    'Every event of this Doetank as recorded: revision, type, when it happened (Amsterdam time), who did it, what it changed and why, and the correlation id of the request.',
  revision: 'Revision',
  eventType: 'Event',
  businessTime: 'Business time',
  actor: 'By',
  correlation: 'Correlation id',
  changes: 'What changed',
  reason: 'Reason',
  correctedTime: 'corrected; recorded as',
  someone: 'someone',
  fields: {
    status: 'status',
    title: 'title',
    problemStatement: 'problem statement',
    proposedBy: 'proposed by',
    themeId: 'theme',
    client: 'client',
    coachId: 'coach',
    members: 'members',
    results: 'results',
    lessons: 'lessons',
    conclusion: 'conclusion',
    reason: 'reason',
  },
  notFound: 'This Doetank does not exist (or not yet).',
  forgotten: 'forgotten member',
  system: 'system',
  resultKinds: {
    'business-case': 'Business case',
    film: 'Film',
    report: 'Report',
    tool: 'Tool',
    lesson: 'Lesson',
  },
  tokenNeeded: 'This data is not public. Give a token to read it.',
  historyNeedsToken:
    'The history (audit) is visible to members, coordinators and observers. Give a token to read it.',
  tokenLabel: 'Token',
  useToken: 'Use',
  tokenRejected: 'This token is not accepted.',
};

/** @type {Record<Language, Texts>} */
export const TEXT = { nl, en };

/**
 * The text the page's HTML names by key (`data-text`); empty for a key that names no text, so a typo shows as a
 * blank (which the browser tests look for) rather than as "undefined".
 * @param {Language} lang
 * @param {string | null} key
 */
export function pageText(lang, key) {
  const value = key === null ? undefined : /** @type {Record<string, unknown>} */ (TEXT[lang])[key];
  return typeof value === 'string' ? value : '';
}
