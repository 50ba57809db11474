import type { DoetankStage } from '@app/contracts/read-models';
import type { ReportLanguage } from './retrospective-report.request.dto';

/** The words of the report's publication parts (cover, stories, look ahead, colophon), per language. */
export interface PublicationText {
  kind: string;
  contents: string;
  /** The column of a chart's values, in the Markdown's table. */
  count: string;
  inProgress: (year: number, until: string | null) => string;
  soFar: string;
  sections: {
    brief: string;
    highlight: string;
    doetanks: string;
    gatherings: string;
    community: string;
    organisation: string;
    ahead: (year: number) => string;
    figures: string;
    colophon: string;
  };
  brief: {
    members: (total: string, joined: string, year: number, inProgress: boolean) => string;
    doetanks: (active: string, concluded: string, stopped: string) => string;
    gatherings: (held: string, visits: string) => string;
  };
  highlight: {
    none: string;
    held: (date: string, place: string, visits: string) => string;
    programme: string;
    announced: (year: number) => string;
    partner: (organisation: string) => string;
    themes: (count: number) => string;
  };
  stages: Record<DoetankStage, string>;
  story: {
    client: string;
    coach: string;
    coachFrom: (organisation: string) => string;
    members: (count: number, shown: string) => string;
    theme: string;
    proposed: (date: string) => string;
    started: (date: string) => string;
    results: string;
    lessons: string;
    concluded: (date: string) => string;
    stopped: (date: string) => string;
    running: string;
    stillRunning: string;
    noResults: string;
    cut: (shown: string, total: string) => string;
  };
  cohorts: {
    caption: (year: number, inProgress: boolean) => string;
    cohort: string;
    proposedIn: (year: number) => string;
    running: string;
  };
  flowCaption: (year: number) => string;
  programmeOf: string;
  gatheringReport: { guests: (count: string) => string; media: string; madeBy: (maker: string) => string };
  ahead: {
    intro: (year: number) => string;
    none: (year: number) => string;
    partner: string;
    themes: string;
    doetanks: string;
    noDoetanks: string;
  };
  /** The parts the coordinators write (foreword, programme, network results, community, reconstruction). */
  editorial: {
    foreword: string;
    programme: (name: string) => string;
    announced: (date: string) => string;
    goals: string;
    consortium: string;
    funder: (organisation: string, scheme?: string) => string;
    networkResults: string;
    madeBy: (makers: string) => string;
    published: (date: string) => string;
    community: (name: string, size: string, approximate: boolean, date: string) => string;
    communityNote: string;
    reconstruction: string;
    /** Before the last of a list of names: "a, b en c". */
    and: string;
  };
  colophon: {
    source: (position: string) => string;
    businessTime: string;
    names: string;
  };
}

const nl: PublicationText = {
  kind: 'Jaarverslag',
  contents: 'Inhoud',
  count: 'Aantal',
  inProgress: (year, until) =>
    `Dit jaar is nog niet voorbij: de cijfers gaan over ${year} tot nu toe` +
    (until === null ? ', en er is nog niets vastgelegd.' : ` (vastgelegd tot en met ${until}).`),
  soFar: 'tot nu toe',
  sections: {
    brief: 'Het jaar in het kort',
    highlight: 'Hoogtepunt van het jaar',
    doetanks: 'De Doetanks',
    gatherings: 'Bijeenkomsten',
    community: 'De gemeenschap',
    organisation: 'Partners en supporters',
    ahead: (year) => `Vooruitblik op ${year}`,
    figures: 'Alle cijfers',
    colophon: 'Colofon',
  },
  brief: {
    members: (total, joined, year, inProgress) =>
      inProgress
        ? `Het netwerk telt ${total} leden; ${joined} kwamen er in ${year} tot nu toe bij.`
        : `Eind ${year} telde het netwerk ${total} leden; ${joined} kwamen er dit jaar bij.`,
    doetanks: (active, concluded, stopped) =>
      `${active} Doetanks waren actief; ${concluded} rondden hun werk af en ${stopped} stopten.`,
    gatherings: (held, visits) => `${held} bijeenkomsten, samen ${visits} bezoeken.`,
  },
  highlight: {
    none: 'Dit jaar is (nog) geen bijeenkomst gehouden.',
    held: (date, place, visits) => `${date}, ${place}: ${visits} bezoekers.`,
    programme: 'Programma',
    announced: (year) => `Aangekondigd voor ${year}`,
    partner: (organisation) => `${organisation} wordt strategisch partner.`,
    themes: (count) => (count === 1 ? 'Eén thema:' : `${count} thema's:`),
  },
  stages: { proposed: 'voorgesteld', started: 'loopt', concluded: 'afgerond', stopped: 'gestopt' },
  story: {
    client: 'Opdrachtgever',
    coach: 'Coach',
    coachFrom: (organisation) => `een coach van ${organisation}`,
    members: (count, shown) => (count === 1 ? '1 lid' : `${shown} leden`),
    theme: 'Thema',
    proposed: (date) => `voorgesteld ${date}`,
    started: (date) => `gestart ${date}`,
    results: 'Resultaten',
    lessons: 'Lessen',
    concluded: (date) => `Afgerond op ${date}`,
    stopped: (date) => `Gestopt op ${date}`,
    running: 'Loopt door na dit jaar.',
    stillRunning: 'Loopt nog.',
    noResults: 'Dit jaar geen resultaten gedeeld.',
    cut: (shown, total) => `De eerste ${shown} van ${total} actieve Doetanks staan hier.`,
  },
  cohorts: {
    caption: (year, inProgress) =>
      `Doetanks per jaar van voorstel: waar ze ${inProgress ? 'nu' : `eind ${year}`} staan`,
    cohort: 'Voorgesteld in',
    proposedIn: (year) => `${year}`,
    running: 'Loopt',
  },
  flowCaption: (year) => `Wat er in ${year} gebeurde (elke stap telt in het jaar waarin hij plaatsvond)`,
  programmeOf: 'Programma',
  gatheringReport: {
    guests: (count) => `Naast de leden kwamen er ${count} gasten.`,
    media: 'Beeld en verslag',
    madeBy: (maker) => `gemaakt door ${maker}`,
  },
  ahead: {
    intro: (year) => `Wat dit jaar voor ${year} werd besloten.`,
    none: (year) => `Voor ${year} is nog niets vastgelegd.`,
    partner: 'Strategisch partner',
    themes: "Thema's",
    doetanks: "Doetanks onder deze thema's",
    noDoetanks: "Nog geen Doetanks onder deze thema's.",
  },
  editorial: {
    foreword: 'Voorwoord',
    programme: (name) => `Slimmernetwerk is onderdeel van het programma ‘${name}’.`,
    announced: (date) => `Aangekondigd op ${date}.`,
    goals: 'Doelen',
    consortium: 'Consortium',
    funder: (organisation, scheme) =>
      scheme ? `Gefinancierd door ${organisation}, via ‘${scheme}’.` : `Gefinancierd door ${organisation}.`,
    networkResults: 'Van het netwerk',
    madeBy: (makers) => `Gemaakt door ${makers}`,
    published: (date) => `verschenen ${date}`,
    community: (name, size, approximate, date) =>
      `${name}: ${approximate ? 'ongeveer ' : ''}${size} leden op ${date}.`,
    communityNote:
      'Dit zijn deelnemers aan de gemeenschap, niet de geregistreerde leden die dit verslag telt.',
    reconstruction:
      'Dit verslag rust op een reconstructie: de feiten van de brondocumenten zijn aangevuld met verzonnen details (namen, uitkomsten, aantallen).',
    and: 'en',
  },
  colophon: {
    source: (position) =>
      `Bron: het gebeurtenissenlogboek van het Slimmernetwerk, tot en met positie ${position}. Elke zin en elk ` +
      'cijfer in dit verslag komt uit de vastgelegde gebeurtenissen.',
    businessTime: 'Cijfers volgen het moment waarop iets gebeurde, niet wanneer het werd vastgelegd.',
    names: 'Namen van leden staan alleen in het verslag voor wie is aangemeld.',
  },
};

const en: PublicationText = {
  kind: 'Annual report',
  contents: 'Contents',
  count: 'Number',
  inProgress: (year, until) =>
    `This year is not over: the figures cover ${year} so far` +
    (until === null ? ', and nothing has been recorded yet.' : ` (recorded up to ${until}).`),
  soFar: 'so far',
  sections: {
    brief: 'The year in brief',
    highlight: 'Highlight of the year',
    doetanks: 'The Doetanks',
    gatherings: 'Gatherings',
    community: 'The community',
    organisation: 'Partners and supporters',
    ahead: (year) => `Looking ahead to ${year}`,
    figures: 'All figures',
    colophon: 'Colophon',
  },
  brief: {
    members: (total, joined, year, inProgress) =>
      inProgress
        ? `The network has ${total} members; ${joined} joined in ${year} so far.`
        : `At the end of ${year} the network had ${total} members; ${joined} joined during the year.`,
    doetanks: (active, concluded, stopped) =>
      `${active} Doetanks were active; ${concluded} concluded their work and ${stopped} stopped.`,
    gatherings: (held, visits) => `${held} gatherings, ${visits} visits in all.`,
  },
  highlight: {
    none: 'No gathering has been held this year (yet).',
    held: (date, place, visits) => `${date}, ${place}: ${visits} attendees.`,
    programme: 'Programme',
    announced: (year) => `Announced for ${year}`,
    partner: (organisation) => `${organisation} becomes strategic partner.`,
    themes: (count) => (count === 1 ? 'One theme:' : `${count} themes:`),
  },
  stages: { proposed: 'proposed', started: 'running', concluded: 'concluded', stopped: 'stopped' },
  story: {
    client: 'Client',
    coach: 'Coach',
    coachFrom: (organisation) => `a coach from ${organisation}`,
    members: (count, shown) => (count === 1 ? '1 member' : `${shown} members`),
    theme: 'Theme',
    proposed: (date) => `proposed ${date}`,
    started: (date) => `started ${date}`,
    results: 'Results',
    lessons: 'Lessons',
    concluded: (date) => `Concluded on ${date}`,
    stopped: (date) => `Stopped on ${date}`,
    running: 'Continues after this year.',
    stillRunning: 'Still running.',
    noResults: 'No results shared this year.',
    cut: (shown, total) => `The first ${shown} of ${total} active Doetanks are shown.`,
  },
  cohorts: {
    caption: (year, inProgress) =>
      `Doetanks by year of proposal: where they ${inProgress ? 'stand now' : `stood at the end of ${year}`}`,
    cohort: 'Proposed in',
    proposedIn: (year) => `${year}`,
    running: 'Running',
  },
  flowCaption: (year) => `What happened in ${year} (each step counts in the year it took place)`,
  programmeOf: 'Programme',
  gatheringReport: {
    guests: (count) => `Besides the members, ${count} guests came.`,
    media: 'Media',
    madeBy: (maker) => `made by ${maker}`,
  },
  ahead: {
    intro: (year) => `What was decided this year for ${year}.`,
    none: (year) => `Nothing has been recorded for ${year} yet.`,
    partner: 'Strategic partner',
    themes: 'Themes',
    doetanks: 'Doetanks under these themes',
    noDoetanks: 'No Doetanks under these themes yet.',
  },
  editorial: {
    foreword: 'Foreword',
    programme: (name) => `Slimmernetwerk is part of the programme ‘${name}’.`,
    announced: (date) => `Announced on ${date}.`,
    goals: 'Goals',
    consortium: 'Consortium',
    funder: (organisation, scheme) =>
      scheme ? `Funded by ${organisation}, through ‘${scheme}’.` : `Funded by ${organisation}.`,
    networkResults: 'From the network',
    madeBy: (makers) => `Made by ${makers}`,
    published: (date) => `published ${date}`,
    community: (name, size, approximate, date) =>
      `${name}: ${approximate ? 'about ' : ''}${size} members on ${date}.`,
    communityNote:
      'These take part in the community; they are not the registered members this report counts.',
    reconstruction:
      'This report rests on a reconstruction: the facts of the founding documents are filled in with invented detail (names, outcomes, numbers).',
    and: 'and',
  },
  colophon: {
    source: (position) =>
      `Source: the Slimmernetwerk's event log, up to and including position ${position}. Every sentence and ` +
      'figure in this report comes from the recorded events.',
    businessTime: 'Figures follow when something happened, not when it was recorded.',
    names: "Members' names appear only in the report for signed-in readers.",
  },
};

export const PUBLICATION_TEXT: Record<ReportLanguage, PublicationText> = { nl, en };
