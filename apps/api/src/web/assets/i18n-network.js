/**
 * The texts of the front page, the timeline's further filters and the Doetank list, in Dutch and English. They
 * are part of every language's texts (`i18n.js` spreads them in), so `t()` and `data-text` find them as any other.
 */

import { sideOf } from './i18n-pairs.js';

/**
 * The event types the timeline's filter offers, Dutch and English side by side.
 * @type {Record<string, [string, string]>}
 */
const EVENT_TYPES = {
  MemberJoined: ['Lid aangesloten', 'Member joined'],
  MemberLeft: ['Lid vertrokken', 'Member left'],
  MemberAffiliationChanged: ['Nieuwe organisatie', 'New organisation'],
  MemberForgotten: ['Lid vergeten', 'Member forgotten'],
  DoetankProposed: ['Doetank voorgesteld', 'Doetank proposed'],
  ProblemStatementSharpened: ['Probleemstelling aangescherpt', 'Problem sharpened'],
  CoachAssigned: ['Coach toegewezen', 'Coach assigned'],
  ClientSecured: ['Opdrachtgever gevonden', 'Client secured'],
  DoetankStarted: ['Doetank gestart', 'Doetank started'],
  MemberJoinedDoetank: ['Lid in een Doetank', 'Member joined a Doetank'],
  MemberLeftDoetank: ['Lid uit een Doetank', 'Member left a Doetank'],
  ResultShared: ['Resultaat gedeeld', 'Result shared'],
  LessonRecorded: ['Les vastgelegd', 'Lesson recorded'],
  DoetankConcluded: ['Doetank afgerond', 'Doetank concluded'],
  DoetankStopped: ['Doetank gestopt', 'Doetank stopped'],
  GatheringScheduled: ['Bijeenkomst gepland', 'Gathering scheduled'],
  ProgrammeItemAdded: ['Programma-onderdeel', 'Programme item'],
  ParticipantRegistered: ['Aanmelding', 'Registration'],
  RegistrationCancelled: ['Aanmelding ingetrokken', 'Registration cancelled'],
  GatheringHeld: ['Bijeenkomst gehouden', 'Gathering held'],
  GatheringCancelled: ['Bijeenkomst afgelast', 'Gathering cancelled'],
  YearThemesDefined: ['Thema’s van het jaar', 'Themes of the year'],
  StrategicPartnerAppointed: ['Strategisch partner', 'Strategic partner'],
  SupporterAdded: ['Supporter', 'Supporter'],
  DiscussionStarted: ['Discussie gestart', 'Discussion started'],
  DiscussionClosed: ['Discussie gesloten', 'Discussion closed'],
};

export const networkNl = {
  home: 'Het netwerk',
  homeIntro: 'Wat er gebeurt in Slimmernetwerk: Doetanks, bijeenkomsten, resultaten en thema’s.',
  homeLink: 'Overzicht',
  highlights: 'Hoogtepunten',
  allHighlights: 'Alle hoogtepunten in de tijdlijn',
  /** @param {number} year */
  glance: (year) => `${year} in één oogopslag`,
  newMembers: 'Nieuwe leden',
  /** @param {number} n @param {string} week */
  joinedInWeek: (n, week) => `${n === 1 ? '1 nieuw lid' : `${n} nieuwe leden`} in de week van ${week}`,
  allNewMembers: 'Alle nieuwe leden in de tijdlijn',
  wholeTimeline: 'De hele tijdlijn',
  doetanksList: 'Alle Doetanks',
  doetanksNav: 'Doetanks',
  doetanksTable: 'Tabel van alle Doetanks',
  aMember: 'een lid',
  /** @param {number} n */
  memberCount: (n) => `${n} leden`,
  coachHistory: 'Coaches',
  stage: 'Fase',
  /** @param {number} n */
  shownDoetanks: (n) => (n === 1 ? '1 Doetank' : `${n} Doetanks`),
  resultCount: 'Resultaten',
  noCoach: 'nog geen',
  reportOf: 'Terugblik',
  reconstruction:
    'Deze gegevens zijn een reconstructie: de feiten van de brondocumenten zijn aangevuld met verzonnen details (namen, uitkomsten, aantallen).',
  /** @type {Record<string, string>} */
  figures: {
    totalAtYearEnd: 'leden eind van het jaar',
    joined: 'nieuwe leden',
    started: 'Doetanks gestart',
    concluded: 'Doetanks afgerond',
    results: 'resultaten gedeeld',
    held: 'bijeenkomsten gehouden',
    attendance: 'deelnames',
    themes: 'thema’s',
  },
  eventTypeFilter: 'Gebeurtenis',
  exportLabel: 'Deze selectie als bestand:',
  memberHint: 'Typ een naam',
  doetankHint: 'Typ een titel',
  searchWords: 'Zoek in de tijdlijn',
  searchHint: 'Woorden uit de beschrijving, in het Nederlands of Engels',
  from: 'Van',
  to: 'Tot en met',
  order: 'Volgorde',
  newestFirst: 'Nieuwste eerst',
  oldestFirst: 'Oudste eerst',
  /** @param {number} n */
  newEntries: (n) =>
    n === 1
      ? 'Er is 1 nieuwe gebeurtenis sinds deze lijst werd gelezen.'
      : `Er zijn ${n} nieuwe gebeurtenissen sinds deze lijst werd gelezen.`,
  newestFirstLink: 'Toon de nieuwste eerst',
  /** @param {number} shown @param {number} total */
  shownOf: (shown, total) => `${shown} van ${total === 1 ? '1 gebeurtenis' : `${total} gebeurtenissen`}`,
  eventTypes: sideOf(EVENT_TYPES, 0),
};

/** @type {typeof networkNl} */
export const networkEn = {
  home: 'The network',
  homeIntro: 'What happens in Slimmernetwerk: Doetanks, gatherings, results and themes.',
  homeLink: 'Overview',
  highlights: 'Highlights',
  allHighlights: 'All highlights in the timeline',
  glance: (year) => `${year} at a glance`,
  newMembers: 'New members',
  joinedInWeek: (n, week) => `${n === 1 ? '1 new member' : `${n} new members`} in the week of ${week}`,
  allNewMembers: 'All new members in the timeline',
  wholeTimeline: 'The whole timeline',
  doetanksList: 'All Doetanks',
  doetanksNav: 'Doetanks',
  doetanksTable: 'Table of all Doetanks',
  aMember: 'a member',
  memberCount: (n) => `${n} members`,
  coachHistory: 'Coaches',
  stage: 'Stage',
  shownDoetanks: (n) => (n === 1 ? '1 Doetank' : `${n} Doetanks`),
  resultCount: 'Results',
  noCoach: 'none yet',
  reportOf: 'Annual review',
  reconstruction:
    'These records are a reconstruction: the facts of the founding documents are filled in with invented detail (names, outcomes, numbers).',
  figures: {
    totalAtYearEnd: 'members at year end',
    joined: 'new members',
    started: 'Doetanks started',
    concluded: 'Doetanks concluded',
    results: 'results shared',
    held: 'gatherings held',
    attendance: 'attendances',
    themes: 'themes',
  },
  eventTypeFilter: 'Event',
  exportLabel: 'This selection as a file:',
  memberHint: 'Type a name',
  doetankHint: 'Type a title',
  searchWords: 'Search the timeline',
  searchHint: 'Words of the description, in English or Dutch',
  from: 'From',
  to: 'Up to',
  order: 'Order',
  newestFirst: 'Newest first',
  oldestFirst: 'Oldest first',
  newEntries: (n) =>
    n === 1
      ? 'There is 1 new event since this list was read.'
      : `There are ${n} new events since this list was read.`,
  newestFirstLink: 'Show the newest first',
  shownOf: (shown, total) => `${shown} of ${total === 1 ? '1 event' : `${total} events`}`,
  eventTypes: sideOf(EVENT_TYPES, 1),
};
