import type {
  RetrospectiveActivityKind,
  RetrospectiveHeadlineFigure,
  RetrospectiveSeal,
} from '@app/contracts/read-models';
import type { GatheringKind, MemberRole, ResultKind, Sector } from '@app/contracts/vocabulary';
import type { ReportLanguage } from './retrospective-report.request.dto';
import { monthNames } from '@app/projections/shared/month-names';

export type { ReportLanguage };

/** Every word of the report, per language. Both languages implement the whole interface, so none can be missed. */
export interface ReportText {
  /** BCP 47 tag for number formatting and `<html lang>`. */
  locale: string;
  /** Before the page number in a PDF's footer. */
  pdfPage: string;
  title: (year: number) => string;
  lede: (year: number) => string;
  nav: { home: string; otherLanguage: string; markdown: string; json: string };
  /** A Doetank's members, in its story's facts. */
  sections: { members: string };
  intro: {
    members: (joined: string, total: string, year: number) => string;
    doetanks: (proposed: string, started: string, concluded: string) => string;
    gatherings: (held: string, attendance: string, firstTimers: string) => string;
  };
  figures: Record<RetrospectiveHeadlineFigure, string>;
  trend: {
    new: string;
    unchanged: string;
    firstYear: string;
    soFar: string;
    /** "ten opzichte van 2011" */
    against: (year: number) => string;
    /** "heel 2011" */
    wholeYear: (year: number) => string;
  };
  allFigures: { caption: string; captionSoFar: string; figure: string; change: string };
  monthsShort: readonly string[];
  monthsLong: readonly string[];
  sectors: Record<Sector, string>;
  roles: Record<MemberRole, string>;
  resultKinds: Record<ResultKind, string>;
  gatheringKinds: Record<GatheringKind, string>;
  activityKinds: Record<RetrospectiveActivityKind, string>;
  funnel: { proposed: string; started: string; concluded: string; stopped: string; active: string };
  charts: {
    memberGrowth: { title: string; description: (year: number, from: string, to: string) => string };
    sectors: { title: (year: number) => string; description: string };
    roles: { title: (year: number) => string; description: string };
    joinedThisYear: (joined: string) => string;
    funnel: { title: string; description: (year: number) => string };
    themes: { title: (year: number) => string; description: string };
    results: { title: string; description: (total: string) => string };
    gatherings: {
      title: string;
      description: string;
      attendance: string;
      firstTimers: string;
      held: (count: number) => string;
    };
    activity: { title: string; description: (year: number) => string };
  };
  /** Column heads of the tables (and of the Markdown's tables in place of charts). */
  tables: {
    gatherings: { caption: string; date: string; title: string; kind: string };
    /** The first column of a chart's table: what each bar is (a sector, a role), or the month. */
    group: string;
    month: string;
  };
  partners: {
    partners: string;
    supporters: string;
    discussions: (started: string, closed: string) => string;
  };
  empty: { gatherings: string; partners: string; supporters: string };
  /** The colophon's line on the event store's seal the report rests on (plain text: no markup). */
  seal: (seal: RetrospectiveSeal | null) => string;
}

const GATHERING_KINDS_BOTH: Record<GatheringKind, string> = {
  cafe: 'Café',
  'grand-cafe': 'Grand Café',
  masterclass: 'Masterclass',
};

const nl: ReportText = {
  locale: 'nl-NL',
  pdfPage: 'Pagina',
  title: (year) => `Terugblik ${year}`,
  lede: (year) =>
    `Wat het Slimmernetwerk in ${year} deed: wie erbij kwam, welke Doetanks aan de slag gingen, waar we elkaar ` +
    'ontmoetten en wat we deelden.',
  nav: { home: '← Tijdlijn', otherLanguage: 'English', markdown: 'Markdown', json: 'JSON' },
  sections: { members: 'Leden' },
  intro: {
    members: (joined, total, year) =>
      `In ${year} kwamen er ${joined} leden bij; eind ${year} telde het netwerk ${total} actieve leden.`,
    doetanks: (proposed, started, concluded) =>
      `${proposed} Doetanks voorgesteld, ${started} gestart en ${concluded} afgerond.`,
    gatherings: (held, attendance, firstTimers) =>
      `${held} bijeenkomsten met samen ${attendance} bezoeken; ${firstTimers} mensen kwamen voor het eerst.`,
  },
  figures: {
    membersJoined: 'Nieuwe leden',
    membersLeft: 'Vertrokken leden',
    membersTotalAtYearEnd: 'Leden eind van het jaar',
    doetanksProposed: 'Doetanks voorgesteld',
    doetanksStarted: 'Doetanks gestart',
    doetanksConcluded: 'Doetanks afgerond',
    doetanksStopped: 'Doetanks gestopt',
    doetanksActiveAtYearEnd: 'Actieve Doetanks eind van het jaar',
    results: 'Gedeelde resultaten',
    lessons: 'Lessen',
    gatheringsHeld: 'Bijeenkomsten',
    gatheringAttendance: 'Bezoeken',
    firstTimeAttendees: 'Nieuwe bezoekers',
    discussionsStarted: 'Discussies gestart',
    partners: 'Strategische partners',
    supporters: 'Supporters',
    events: 'Gebeurtenissen',
  },
  trend: {
    new: 'nieuw',
    unchanged: 'gelijk',
    firstYear: 'eerste jaar',
    soFar: 'tot nu toe',
    against: (year) => `t.o.v. ${year}`,
    wholeYear: (year) => `heel ${year}`,
  },
  allFigures: {
    caption: 'Alle cijfers, vergeleken met het jaar ervoor',
    captionSoFar: 'Alle cijfers tot nu toe; het jaar ervoor staat ernaast, zonder vergelijking',
    figure: 'Cijfer',
    change: 'Verandering',
  },
  monthsShort: monthNames('nl-NL', 'short'),
  monthsLong: monthNames('nl-NL', 'long'),
  sectors: {
    rijk: 'Rijk',
    provincie: 'Provincie',
    gemeente: 'Gemeente',
    waterschap: 'Waterschap',
    politie: 'Politie',
    uitvoeringsorganisatie: 'Uitvoeringsorganisatie',
    overig: 'Overig',
  },
  roles: { professional: 'Professional', manager: 'Manager', administrator: 'Bestuurder' },
  resultKinds: {
    'business-case': 'Business case',
    film: 'Film',
    report: 'Rapport',
    tool: 'Instrument',
    lesson: 'Les',
  },
  gatheringKinds: GATHERING_KINDS_BOTH,
  activityKinds: {
    member: 'leden',
    doetank: 'Doetanks',
    gathering: 'bijeenkomsten',
    network: 'netwerk',
    discussion: 'discussies',
  },
  funnel: {
    proposed: 'Voorgesteld',
    started: 'Gestart',
    concluded: 'Afgerond',
    stopped: 'Gestopt',
    active: 'Actief eind jaar',
  },
  charts: {
    memberGrowth: {
      title: 'Ledengroei per maand',
      description: (year, from, to) =>
        `Actieve leden aan het eind van elke maand van ${year}: van ${from} eind januari tot ${to} eind december.`,
    },
    sectors: {
      title: (year) => `Leden per sector, eind ${year}`,
      description:
        'Actieve leden per sector aan het eind van het jaar, met het aantal nieuwe leden dit jaar.',
    },
    roles: {
      title: (year) => `Leden per rol, eind ${year}`,
      description: 'Actieve leden per rol aan het eind van het jaar, met het aantal nieuwe leden dit jaar.',
    },
    joinedThisYear: (joined) => `${joined} nieuw`,
    funnel: {
      title: 'De Doetank-trechter',
      description: (year) =>
        `Doetanks die in ${year} werden voorgesteld, gestart, afgerond of gestopt, en de Doetanks die eind ${year} ` +
        'nog liepen.',
    },
    themes: {
      title: (year) => `Doetanks per thema ${year}`,
      description: 'Voorgestelde Doetanks per thema van het jaar.',
    },
    results: {
      title: 'Gedeelde resultaten per soort',
      description: (total) => `${total} resultaten gedeeld, per soort.`,
    },
    gatherings: {
      title: 'Bijeenkomsten: bezoekers en nieuwe bezoekers',
      description: 'Per soort bijeenkomst het aantal bezoekers en het aantal mensen dat voor het eerst kwam.',
      attendance: 'Bezoekers',
      firstTimers: 'Voor het eerst',
      held: (count) => (count === 1 ? '1 bijeenkomst' : `${count} bijeenkomsten`),
    },
    activity: {
      title: 'Activiteit per maand',
      description: (year) => `Vastgelegde gebeurtenissen per maand van ${year}.`,
    },
  },
  tables: {
    gatherings: { caption: 'Gehouden bijeenkomsten', date: 'Datum', title: 'Bijeenkomst', kind: 'Soort' },
    group: 'Groep',
    month: 'Maand',
  },
  partners: {
    partners: 'Strategische partners',
    supporters: 'Supporters',
    discussions: (started, closed) => `Online groep: ${started} discussies gestart, ${closed} afgesloten.`,
  },
  empty: {
    gatherings: 'Dit jaar zijn geen bijeenkomsten gehouden.',
    partners: 'Geen strategische partner voor dit jaar.',
    supporters: 'Geen supporters voor dit jaar.',
  },
  seal: (seal) =>
    seal === null
      ? 'Het gebeurtenissenlogboek had nog geen zegel toen dit verslag werd opgesteld.'
      : `Gebaseerd op zegel ${seal.revision} van het gebeurtenissenlogboek (${seal.sealedAt}): ${seal.events} ` +
        `gebeurtenissen in ${seal.streams} stromen tot en met positie ${seal.position}, Merkle-wortel ` +
        `${seal.root}. Controleer met npm run audit:verify.`,
};

const en: ReportText = {
  locale: 'en-GB',
  pdfPage: 'Page',
  title: (year) => `${year} in review`,
  lede: (year) =>
    `What the Slimmernetwerk did in ${year}: who joined, which Doetanks got to work, where we met and what we ` +
    'shared.',
  nav: { home: '← Timeline', otherLanguage: 'Nederlands', markdown: 'Markdown', json: 'JSON' },
  sections: { members: 'Members' },
  intro: {
    members: (joined, total, year) =>
      `${joined} members joined in ${year}; at the end of ${year} the network had ${total} active members.`,
    doetanks: (proposed, started, concluded) =>
      `${proposed} Doetanks proposed, ${started} started and ${concluded} concluded.`,
    gatherings: (held, attendance, firstTimers) =>
      `${held} gatherings with ${attendance} visits in all; ${firstTimers} people came for the first time.`,
  },
  figures: {
    membersJoined: 'New members',
    membersLeft: 'Members who left',
    membersTotalAtYearEnd: 'Members at year end',
    doetanksProposed: 'Doetanks proposed',
    doetanksStarted: 'Doetanks started',
    doetanksConcluded: 'Doetanks concluded',
    doetanksStopped: 'Doetanks stopped',
    doetanksActiveAtYearEnd: 'Active Doetanks at year end',
    results: 'Results shared',
    lessons: 'Lessons',
    gatheringsHeld: 'Gatherings',
    gatheringAttendance: 'Visits',
    firstTimeAttendees: 'First-time attendees',
    discussionsStarted: 'Discussions started',
    partners: 'Strategic partners',
    supporters: 'Supporters',
    events: 'Events',
  },
  trend: {
    new: 'new',
    unchanged: 'unchanged',
    firstYear: 'first year',
    soFar: 'so far',
    against: (year) => `vs. ${year}`,
    wholeYear: (year) => `all of ${year}`,
  },
  allFigures: {
    caption: 'All figures, compared with the year before',
    captionSoFar: 'All figures so far; the year before is beside them, not compared',
    figure: 'Figure',
    change: 'Change',
  },
  monthsShort: monthNames('en', 'short'),
  monthsLong: monthNames('en', 'long'),
  sectors: {
    rijk: 'Central government',
    provincie: 'Province',
    gemeente: 'Municipality',
    waterschap: 'Water authority',
    politie: 'Police',
    uitvoeringsorganisatie: 'Executive agency',
    overig: 'Other',
  },
  roles: { professional: 'Professional', manager: 'Manager', administrator: 'Administrator' },
  resultKinds: {
    'business-case': 'Business case',
    film: 'Film',
    report: 'Report',
    tool: 'Tool',
    lesson: 'Lesson',
  },
  gatheringKinds: GATHERING_KINDS_BOTH,
  activityKinds: {
    member: 'members',
    doetank: 'Doetanks',
    gathering: 'gatherings',
    network: 'network',
    discussion: 'discussions',
  },
  funnel: {
    proposed: 'Proposed',
    started: 'Started',
    concluded: 'Concluded',
    stopped: 'Stopped',
    active: 'Active at year end',
  },
  charts: {
    memberGrowth: {
      title: 'Member growth per month',
      description: (year, from, to) =>
        `Active members at the end of each month of ${year}: from ${from} at the end of January to ${to} at the ` +
        'end of December.',
    },
    sectors: {
      title: (year) => `Members by sector, end of ${year}`,
      description: 'Active members per sector at the end of the year, with the members who joined this year.',
    },
    roles: {
      title: (year) => `Members by role, end of ${year}`,
      description: 'Active members per role at the end of the year, with the members who joined this year.',
    },
    joinedThisYear: (joined) => `${joined} new`,
    funnel: {
      title: 'The Doetank funnel',
      description: (year) =>
        `Doetanks proposed, started, concluded or stopped in ${year}, and the Doetanks still running at the end ` +
        `of ${year}.`,
    },
    themes: {
      title: (year) => `Doetanks per theme, ${year}`,
      description: "Doetanks proposed under each of the year's themes.",
    },
    results: {
      title: 'Results shared by kind',
      description: (total) => `${total} results shared, by kind.`,
    },
    gatherings: {
      title: 'Gatherings: attendance and first-time attendees',
      description: 'Per kind of gathering, the attendees and the people who came for the first time.',
      attendance: 'Attendance',
      firstTimers: 'First time',
      held: (count) => (count === 1 ? '1 gathering' : `${count} gatherings`),
    },
    activity: {
      title: 'Activity per month',
      description: (year) => `Events recorded per month of ${year}.`,
    },
  },
  tables: {
    gatherings: { caption: 'Gatherings held', date: 'Date', title: 'Gathering', kind: 'Kind' },
    group: 'Group',
    month: 'Month',
  },
  partners: {
    partners: 'Strategic partners',
    supporters: 'Supporters',
    discussions: (started, closed) => `Online group: ${started} discussions started, ${closed} closed.`,
  },
  empty: {
    gatherings: 'No gatherings were held this year.',
    partners: 'No strategic partner for this year.',
    supporters: 'No supporters for this year.',
  },
  seal: (seal) =>
    seal === null
      ? 'The event log had no seal yet when this report was made.'
      : `Rests on seal ${seal.revision} of the event log (${seal.sealedAt}): ${seal.events} events in ` +
        `${seal.streams} streams up to position ${seal.position}, Merkle root ${seal.root}. Check it with ` +
        'npm run audit:verify.',
};

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = { nl, en };
