import type { GatheringKind, MemberRole, ResultKind, Sector } from '@app/contracts/vocabulary';

/**
 * What the demo year is made of: the network's organisations, made-up people, its Doetanks, gatherings, themes and
 * discussions. Facts (dates, places, numbers, themes, organisations) follow two public sources: the press release
 * of 13 December 2011 that announced the programme, and the report of the Grand Café of 22 November 2012 (see
 * docs/import.md). The texts are this project's own; every person is made up, except the three members of the
 * committee of supporters that the press release names in their public roles.
 */

/** A local time in the Netherlands: year, month (1-12), day, hour, minute. */
export type When = readonly [number, number, number, number, number];

// --- organisations ----------------------------------------------------------------------------------------------

/** Name and the made-up mail domain of its people (`<slug>.example.nl`). */
export type Organisation = readonly [name: string, slug: string];

export const ORGANISATIONS: Record<Sector, readonly Organisation[]> = {
  rijk: [
    ['Ministerie van BZK', 'minbzk'],
    ['Ministerie van Financiën', 'minfin'],
    ['Ministerie van VWS', 'minvws'],
    ['Ministerie van Infrastructuur en Milieu', 'minienm'],
    ['Ministerie van Veiligheid en Justitie', 'minvenj'],
    ['Ministerie van SZW', 'minszw'],
    ['Ministerie van OCW', 'minocw'],
    ['Ministerie van EL&I', 'mineleni'],
    ['Inspectie SZW', 'inspectieszw'],
    ['Algemene Rekenkamer', 'rekenkamer'],
  ],
  provincie: [
    ['Provincie Overijssel', 'overijssel'],
    ['Provincie Gelderland', 'gelderland'],
    ['Provincie Utrecht', 'provincie-utrecht'],
    ['Provincie Noord-Holland', 'noord-holland'],
    ['Provincie Zuid-Holland', 'zuid-holland'],
    ['Provincie Noord-Brabant', 'brabant'],
    ['Provincie Fryslân', 'fryslan'],
    ['Provincie Groningen', 'provincie-groningen'],
    ['Provincie Drenthe', 'drenthe'],
    ['Provincie Flevoland', 'flevoland'],
    ['Provincie Zeeland', 'zeeland'],
    ['Provincie Limburg', 'limburg'],
  ],
  gemeente: [
    ['Gemeente Amsterdam', 'amsterdam'],
    ['Gemeente Rotterdam', 'rotterdam'],
    ['Gemeente Den Haag', 'denhaag'],
    ['Gemeente Utrecht', 'utrecht'],
    ['Gemeente Eindhoven', 'eindhoven'],
    ['Gemeente Tilburg', 'tilburg'],
    ['Gemeente Groningen', 'groningen'],
    ['Gemeente Almere', 'almere'],
    ['Gemeente Breda', 'breda'],
    ['Gemeente Nijmegen', 'nijmegen'],
    ['Gemeente Enschede', 'enschede'],
    ['Gemeente Apeldoorn', 'apeldoorn'],
    ['Gemeente Haarlem', 'haarlem'],
    ['Gemeente Arnhem', 'arnhem'],
    ['Gemeente Zaanstad', 'zaanstad'],
    ['Gemeente Amersfoort', 'amersfoort'],
    ['Gemeente Zwolle', 'zwolle'],
    ['Gemeente Leiden', 'leiden'],
    ['Gemeente Deventer', 'deventer'],
    ['Gemeente Delft', 'delft'],
    ['Gemeente Alkmaar', 'alkmaar'],
    ['Gemeente Heerlen', 'heerlen'],
    ['Gemeente Venlo', 'venlo'],
    ['Gemeente Leeuwarden', 'leeuwarden'],
    ['Gemeente Hengelo', 'hengelo'],
    ['Gemeente Ede', 'ede'],
    ['Gemeente Dordrecht', 'dordrecht'],
    ['Gemeente Zoetermeer', 'zoetermeer'],
    ["Gemeente 's-Hertogenbosch", 'shertogenbosch'],
    ['Gemeente Maastricht', 'maastricht'],
    ['Gemeente Emmen', 'emmen'],
    ['Gemeente Hoorn', 'hoorn'],
    ['Gemeente Schiedam', 'schiedam'],
    ['Gemeente Lelystad', 'lelystad'],
    ['Gemeente Helmond', 'helmond'],
    ['Gemeente Gouda', 'gouda'],
    ['Gemeente Zeist', 'zeist'],
    ['Gemeente Woerden', 'woerden'],
    ['Gemeente Houten', 'houten'],
    ['Gemeente Lochem', 'lochem'],
  ],
  waterschap: [
    ['Waterschap Rivierenland', 'rivierenland'],
    ['Hoogheemraadschap De Stichtse Rijnlanden', 'hdsr'],
    ['Waterschap Vallei en Eem', 'valleieneem'],
    ['Hoogheemraadschap Hollands Noorderkwartier', 'hhnk'],
    ['Waterschap Groot Salland', 'grootsalland'],
    ['Waterschap Regge en Dinkel', 'reggeendinkel'],
    ['Wetterskip Fryslân', 'wetterskip'],
    ['Waterschap Brabantse Delta', 'brabantsedelta'],
    ['Waterschap Aa en Maas', 'aaenmaas'],
    ['Hoogheemraadschap van Rijnland', 'rijnland'],
  ],
  politie: [
    ['Politie Utrecht', 'politie-utrecht'],
    ['Politie Amsterdam-Amstelland', 'politie-amsterdam'],
    ['Politie Haaglanden', 'politie-haaglanden'],
    ['Politie Rotterdam-Rijnmond', 'politie-rotterdam'],
    ['Politie Twente', 'politie-twente'],
    ['Politie Brabant-Noord', 'politie-brabantnoord'],
    ['Politie Limburg-Zuid', 'politie-limburgzuid'],
    ['Politie Gelderland-Midden', 'politie-gelderlandmidden'],
    ['Politieacademie', 'politieacademie'],
  ],
  uitvoeringsorganisatie: [
    ['UWV', 'uwv'],
    ['Sociale Verzekeringsbank', 'svb'],
    ['Belastingdienst', 'belastingdienst'],
    ['Rijkswaterstaat', 'rws'],
    ['DUO', 'duo'],
    ['IND', 'ind'],
    ['CJIB', 'cjib'],
    ['Kadaster', 'kadaster'],
    ['RDW', 'rdw'],
    ['Dienst Justitiële Inrichtingen', 'dji'],
    ['Logius', 'logius'],
  ],
  overig: [
    ['Kennisland', 'kennisland'],
    ['Kafkabrigade', 'kafkabrigade'],
    ['TNO', 'tno'],
    ['KING', 'king'],
    ['VNG', 'vng'],
    ['Hogeschool Utrecht', 'hu'],
    ['Erasmus Universiteit Rotterdam', 'eur'],
    ['Universiteit Twente', 'utwente'],
    ['Nederlandse School voor Openbaar Bestuur', 'nsob'],
    ['A+O fonds Gemeenten', 'aeno'],
    ['Movisie', 'movisie'],
    ['Zelfstandig adviseur', 'zzp'],
  ],
};

/** Share of each sector among the members who join (the network's centre of gravity is the municipality). */
export const SECTOR_WEIGHTS: Record<Sector, number> = {
  gemeente: 40,
  rijk: 17,
  uitvoeringsorganisatie: 13,
  overig: 12,
  provincie: 8,
  politie: 6,
  waterschap: 4,
};

/** Share of each role, per sector (administrators are aldermen, deputies, water board members, directors). */
export const ROLE_WEIGHTS: Record<Sector, Record<MemberRole, number>> = {
  gemeente: { professional: 68, manager: 22, administrator: 10 },
  rijk: { professional: 70, manager: 25, administrator: 5 },
  uitvoeringsorganisatie: { professional: 72, manager: 25, administrator: 3 },
  overig: { professional: 80, manager: 15, administrator: 5 },
  provincie: { professional: 66, manager: 22, administrator: 12 },
  politie: { professional: 75, manager: 22, administrator: 3 },
  waterschap: { professional: 65, manager: 20, administrator: 15 },
};

// --- made-up people ---------------------------------------------------------------------------------------------

// prettier-ignore
export const FIRST_NAMES = [
  'Sanne', 'Pieter', 'Fatima', 'Joost', 'Anna', 'Mohamed', 'Eva', 'Bram', 'Lotte', 'Youssef', 'Iris', 'Daan',
  'Marloes', 'Jeroen', 'Esther', 'Martijn', 'Linda', 'Sander', 'Mirjam', 'Erik', 'Karin', 'Bas', 'Ingrid',
  'Wouter', 'Nicole', 'Hans', 'Petra', 'Marco', 'Saskia', 'Rob', 'Annemieke', 'Thijs', 'Femke', 'Koen',
  'Judith', 'Ruud', 'Hanneke', 'Dennis', 'Ellen', 'Arjen', 'Marieke', 'Remco', 'Yvonne', 'Gerard', 'Anouk',
  'Niels', 'Monique', 'Frank', 'Carla', 'Stefan', 'Nadia', 'Ahmed', 'Samira', 'Emre', 'Ayşe', 'Kevin', 'Priya',
  'Ricardo', 'Naima', 'Hüseyin', 'Wilma', 'Gert-Jan', 'Marjolein', 'Jasper', 'Roos', 'Tim', 'Lieke',
  'Jan-Willem', 'Floor', 'Maarten', 'Inge', 'Tom', 'Chantal', 'Vincent', 'Janneke', 'Paul', 'Rianne', 'Hatice',
  'Dirk', 'Mariska', 'Edwin', 'Sophie', 'Rachid', 'Loes', 'Ivo', 'Manon', 'Jorien', 'Willemijn', 'Otto',
  'Merel',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'van der Linden', 'Kok', 'Jacobs', 'de Haan', 'Vermeulen', 'van den Heuvel',
  'van der Veen', 'van den Broek', 'de Bruijn', 'de Jong', 'Schouten', 'Willems', 'Hoekstra', 'van Dijk',
  'Koster', 'Prins', 'Huisman', 'Postma', 'Kuipers', 'Verhoeven', 'Kramer', 'van Beek', 'Timmermans',
  'El Amrani', 'Yilmaz', 'Öztürk', 'Bouzid', 'Benali', 'Kaya', 'Ramdin', 'Baldew', 'Sardjoe', 'Nguyen',
  'Wijaya', 'Tahiri', 'Aydın', 'Haddou', 'Doğan', 'Pinas', 'Veenstra', 'Koopman', 'Scholten', 'van Wijk',
  'Molenaar', 'Hermans', 'Wolters', 'Lammers', 'Kuijpers', 'Evers', 'Hofman', 'Martens', 'Groen', 'Sanders',
  'Janssens', 'van Vliet', 'Zwart', 'Bosman', 'Blom', 'van Rijn', 'Mertens', 'Terpstra', 'Wouters',
] as const;

/**
 * People with a part in the story, by key. All made up. `joined` is when they joined the network; the consortium's
 * people (coordinator, coaches) were there from the start of the old network.
 */
export interface PersonSpec {
  name: string;
  organisation: Organisation;
  sector: Sector;
  role: MemberRole;
  joined: When;
}

export const PEOPLE = {
  coordinator: {
    name: 'Maartje Hoekstra',
    organisation: ['Kennisland', 'kennisland'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 1, 10, 9, 15],
  },
  coachKl1: {
    name: 'Jelle Zwart',
    organisation: ['Kennisland', 'kennisland'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 1, 11, 10, 5],
  },
  coachKl2: {
    name: 'Noor van Rijn',
    organisation: ['Kennisland', 'kennisland'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 1, 24, 14, 30],
  },
  coachKafka1: {
    name: 'Ruben Terpstra',
    organisation: ['Kafkabrigade', 'kafkabrigade'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 1, 12, 11, 0],
  },
  coachKafka2: {
    name: 'Hester Blom',
    organisation: ['Kafkabrigade', 'kafkabrigade'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 2, 2, 9, 40],
  },
  coachTno1: {
    name: 'Gijs Mertens',
    organisation: ['TNO', 'tno'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 1, 18, 13, 20],
  },
  coachTno2: {
    name: 'Laura Bosman',
    organisation: ['TNO', 'tno'],
    sector: 'overig',
    role: 'professional',
    joined: [2011, 3, 7, 16, 10],
  },
  kingSpeaker: {
    name: 'Wim Wouters',
    organisation: ['KING', 'king'],
    sector: 'overig',
    role: 'manager',
    joined: [2012, 10, 30, 10, 0],
  },
} as const satisfies Record<string, PersonSpec>;

export type PersonKey = keyof typeof PEOPLE;
export type CoachKey = Extract<PersonKey, `coach${string}`>;

// --- the network years: supporters, the strategic partner, the themes for 2013 ------------------------------------

/**
 * The committee of supporters as the press release of 13 December 2011 names it ("onder andere"): public figures in
 * their public roles, recorded for the programme's first year (2012) on the day of the press release.
 */
export const SUPPORTERS = {
  year: 2012,
  on: [2011, 12, 13, 10, 0] as When,
  list: [
    { key: 'roel-in-t-veld', name: "Roel in 't Veld", affiliation: 'Universiteit Tilburg' },
    { key: 'henk-volberda', name: 'Henk Volberda', affiliation: 'INSCOPE: research for innovation' },
    { key: 'lucas-lombaers', name: 'Lucas Lombaers', affiliation: 'Ministerie van BZK' },
  ],
} as const;

/**
 * KING, the new strategic partner that introduced itself at the Grand Café of 22 November 2012. The partnership is
 * for the coming year, like the themes that the same Grand Café set out: network year 2013, agreed before the
 * Grand Café so that KING could present itself there.
 */
export const STRATEGIC_PARTNER = {
  year: 2013,
  on: [2012, 11, 6, 11, 0] as When,
  organisation: 'KING (Kwaliteitsinstituut Nederlandse Gemeenten)',
  description:
    'KING verbindt de Doetanks met de gemeenten: het brengt vragen van gemeenten naar het netwerk en zorgt dat ' +
    'wat Doetanks opleveren bij alle gemeenten terechtkomt.',
} as const;

/**
 * The programme as the press release of 13 December 2011 announced it: its name, consortium and funder are the
 * release's; the goals are this project's summary of it. Marked as a reconstruction, so the report and the web page
 * say that the demo year fills the founding documents in with invented detail.
 */
export const PROGRAMME = {
  year: 2011,
  key: 'innoveren-door-professionals',
  on: [2011, 12, 13, 10, 0] as When,
  announcedOn: '2011-12-13',
  name: 'Innoveren door professionals, versterking en groei Slimmernetwerk',
  goals: [
    'Professionals in het openbaar bestuur vernieuwen zelf hun werk, in Doetanks met een opdrachtgever en een coach',
    'Het Slimmernetwerk versterken en laten groeien als plek waar zij elkaar vinden',
  ],
  consortium: ['Kennisland', 'Kafkabrigade', 'TNO'],
  funder: {
    organisation: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    scheme: 'Beter Werken in het Openbaar Bestuur',
  },
} as const;

/** The Grand Café's film (the report of 4 December 2012): a result of the network, by its maker. */
export const NETWORK_FILM = {
  year: 2012,
  key: 'film-innoveren-door-professionals',
  on: [2012, 11, 22, 21, 0] as When,
  title: 'Innoveren door professionals',
  description:
    'De film over vernieuwers in het openbaar bestuur, vertoond op het Grand Café van 22 november 2012.',
  makers: [{ name: 'Robin de Lange', role: 'filmmaker' }],
  publishedOn: '2012-11-22',
} as const;

/** The LinkedIn group, "about 3,000" in the Grand Café's report of 4 December 2012: not the registered members. */
export const LINKEDIN_GROUP = {
  year: 2012,
  on: [2012, 12, 4, 12, 0] as When,
  community: 'LinkedIn-groep Slimmernetwerk',
  size: 3000,
  measuredOn: '2012-12-04',
} as const;

/** The foreword of 2012: this project's own text, signed by the demo's coordinator. */
export const FOREWORD_2012 = {
  year: 2012,
  on: [2012, 12, 20, 10, 0] as When,
  text:
    'In 2012 werd het Slimmernetwerk een programma: professionals uit het hele openbaar bestuur begonnen Doetanks, ' +
    'vonden elkaar op Cafés en vierden op het Grand Café in de Beurs van Berlage wat zij samen vernieuwden.\n\n' +
    'Dit verslag vertelt wat zij deden, en kijkt vooruit naar 2013, met KING als strategisch partner en vijf thema’s.',
  role: 'coördinator Slimmernetwerk',
} as const;

/** The five themes for 2013, set out at the Grand Café and recorded a week later. */
export const THEMES_2013 = {
  year: 2013,
  on: [2012, 11, 29, 10, 30] as When,
  themes: [
    {
      themeId: '2013-lerende-overheid',
      title: 'Visies voor de lerende overheid',
      description: 'Hoe leert een overheidsorganisatie van wat haar professionals dagelijks ontdekken?',
    },
    {
      themeId: '2013-mobiliteit-vanuit-veiligheid',
      title: 'Mobiliteit vanuit veiligheid',
      description: 'Ambtenaren die durven te bewegen, omdat ze weten waar ze op kunnen terugvallen.',
    },
    {
      themeId: '2013-open-overheidsdata',
      title: 'Openstellen van overheidsdata',
      description:
        'Gegevens van de overheid vrij beschikbaar, en professionals die er zelf mee aan de slag gaan.',
    },
    {
      themeId: '2013-staat-van-de-gemeente',
      title: 'De staat van de gemeente in kaart',
      description:
        'Een eerlijk beeld van hoe een gemeente ervoor staat, gemaakt met de mensen die er werken.',
    },
    {
      themeId: '2013-gemeente-zonder-huis',
      title: 'De gemeente zonder huis',
      description:
        'Wat blijft er van de gemeente over als het gemeentehuis niet meer de plek is waar het werk gebeurt?',
    },
  ],
} as const;

export type ThemeId2013 = (typeof THEMES_2013.themes)[number]['themeId'];

// --- Doetanks ---------------------------------------------------------------------------------------------------

/** Who of a Doetank acts: its proposer, its (current) coach, or one of the members who joined. */
export type DoetankActor = 'proposer' | 'coach' | 'member';

export interface DoetankSpec {
  key: string;
  title: string;
  problemStatement: string;
  themeId?: ThemeId2013;
  proposer: { sector: Sector; organisation: Organisation; role?: MemberRole };
  proposedOn: When;
  coach?: { coach: CoachKey; on: When };
  /** A second coach taking over. */
  coachChange?: { coach: CoachKey; on: When };
  client?: { organisation: string; contactName?: string; on: When };
  sharpen?: { by: DoetankActor; problemStatement: string; on: When };
  startedOn?: When;
  /** Members joining, spread between two moments, preferably from these sectors. */
  members?: { count: number; from: When; to: When; sectors: readonly Sector[] };
  /** One of the members leaves again. */
  memberLeaves?: When;
  results?: readonly { kind: ResultKind; title: string; file?: string; on: When; by: DoetankActor }[];
  lessons?: readonly { lesson: string; on: When; by: DoetankActor }[];
  concluded?: { on: When; conclusion: string };
  stopped?: { on: When; reason: string };
}

export const DOETANKS: readonly DoetankSpec[] = [
  {
    key: 'jongeren-tussen-wal-en-schip',
    title: 'Jongeren tussen wal en schip',
    problemStatement:
      'Op hun achttiende verjaardag vallen jongeren met schulden, zonder diploma en met een zorgvraag uit de ' +
      'jeugdzorg, en de volwassenenzorg vangt hen niet op. Elke instantie doet haar deel goed, maar niemand ziet ' +
      'de jongere als geheel. Waar gaat het mis, en wie kan dat doorbreken?',
    proposer: { sector: 'gemeente', organisation: ['Gemeente Zaanstad', 'zaanstad'] },
    proposedOn: [2011, 2, 14, 10, 30],
    coach: { coach: 'coachKafka1', on: [2011, 2, 28, 9, 0] },
    client: {
      organisation: 'Gemeente Zaanstad, sector Maatschappelijke Ontwikkeling',
      contactName: 'Ria Schuitemaker',
      on: [2011, 3, 9, 14, 0],
    },
    startedOn: [2011, 3, 21, 9, 30],
    members: {
      count: 6,
      from: [2011, 3, 22, 9, 0],
      to: [2011, 5, 20, 17, 0],
      sectors: ['gemeente', 'uitvoeringsorganisatie'],
    },
    results: [
      {
        kind: 'report',
        title: 'Casusanalyse: negen loketten voor één jongere',
        file: 'casusanalyse.pdf',
        on: [2011, 6, 30, 16, 0],
        by: 'coach',
      },
      {
        kind: 'business-case',
        title: 'Businesscase: één regisseur per jongere',
        file: 'businesscase-regisseur.pdf',
        on: [2011, 10, 20, 11, 0],
        by: 'member',
      },
    ],
    lessons: [
      {
        lesson:
          'De regels bleken zelden het probleem: de meeste knelpunten zaten in gewoonten die niemand meer ' +
          'ter discussie stelde. Eén casus van begin tot eind volgen maakte dat voor iedereen zichtbaar.',
        on: [2011, 11, 15, 10, 0],
        by: 'coach',
      },
    ],
    concluded: {
      on: [2011, 11, 28, 15, 0],
      conclusion: 'Zaanstad werkt vanaf januari met één regisseur voor jongeren die achttien worden.',
    },
  },
  {
    key: 'een-loket-voor-ondernemers',
    title: 'Eén loket voor ondernemers',
    problemStatement:
      'Wie in Tilburg een terras wil openen, krijgt te maken met vier afdelingen en twee vergunningen, en vertelt ' +
      'zijn verhaal vier keer. Kan de gemeente de ondernemer één aanspreekpunt geven zonder de regels te veranderen?',
    proposer: { sector: 'gemeente', organisation: ['Gemeente Tilburg', 'tilburg'] },
    proposedOn: [2011, 9, 5, 11, 0],
    coach: { coach: 'coachTno1', on: [2011, 9, 19, 10, 0] },
    client: {
      organisation: 'Gemeente Tilburg, afdeling Economische Zaken',
      contactName: 'Henri Verbunt',
      on: [2011, 10, 3, 15, 30],
    },
    sharpen: {
      by: 'coach',
      problemStatement:
        'Niet het aantal vergunningen, maar de volgorde waarin afdelingen ze behandelen laat ondernemers wachten. ' +
        'Kunnen vier afdelingen één aanvraag tegelijk en met één contactpersoon behandelen?',
      on: [2011, 11, 14, 10, 0],
    },
    startedOn: [2011, 10, 17, 9, 0],
    members: { count: 5, from: [2011, 10, 18, 9, 0], to: [2012, 1, 31, 17, 0], sectors: ['gemeente'] },
    results: [
      {
        kind: 'tool',
        title: 'Vergunningenwijzer voor horecaondernemers',
        file: 'vergunningenwijzer.html',
        on: [2012, 3, 15, 14, 0],
        by: 'member',
      },
      {
        kind: 'business-case',
        title: 'Businesscase: één contactpersoon per ondernemer',
        file: 'businesscase-contactpersoon.pdf',
        on: [2012, 5, 10, 11, 0],
        by: 'proposer',
      },
    ],
    lessons: [
      {
        lesson:
          'Laat een ondernemer zijn aanvraag hardop doorlopen met alle afdelingen aan tafel: in één ochtend ' +
          'werd duidelijk waar weken wachttijd vandaan kwamen.',
        on: [2012, 4, 2, 16, 0],
        by: 'proposer',
      },
    ],
    concluded: {
      on: [2012, 6, 25, 15, 0],
      conclusion:
        'Tilburg behandelt horeca-aanvragen sinds juni met één contactpersoon; de doorlooptijd halveerde.',
    },
  },
  {
    key: 'de-wijkagent-als-netwerker',
    title: 'De wijkagent als netwerker',
    problemStatement:
      'Wijkagenten die via sociale media met hun wijk praten, horen eerder wat er speelt. Maar het korps weet ' +
      'niet goed wat een wijkagent wel en niet mag delen, en dus houden de meesten het bij een enkel bericht. ' +
      'Wat heeft een wijkagent nodig om dit goed te doen?',
    proposer: { sector: 'politie', organisation: ['Politie Utrecht', 'politie-utrecht'] },
    proposedOn: [2011, 11, 7, 13, 0],
    coach: { coach: 'coachKl1', on: [2011, 11, 21, 10, 0] },
    client: {
      organisation: 'Politie Utrecht, district Utrecht-Stad',
      contactName: 'Bert Klaassen',
      on: [2012, 1, 9, 9, 30],
    },
    startedOn: [2012, 1, 16, 9, 0],
    members: {
      count: 7,
      from: [2012, 1, 17, 9, 0],
      to: [2012, 3, 30, 17, 0],
      sectors: ['politie', 'gemeente'],
    },
    results: [
      {
        kind: 'tool',
        title: 'Handreiking sociale media voor wijkagenten',
        file: 'handreiking-sociale-media.pdf',
        on: [2012, 7, 12, 10, 0],
        by: 'proposer',
      },
      {
        kind: 'report',
        title: 'Tien wijkagenten online: wat het opleverde',
        file: 'tien-wijkagenten.pdf',
        on: [2012, 9, 6, 15, 0],
        by: 'coach',
      },
    ],
    lessons: [
      {
        lesson:
          'Vertrouwen van de leiding werkte beter dan een protocol: agenten die wisten dat een fout niet meteen ' +
          'werd afgestraft, deelden meer en vaker.',
        on: [2012, 6, 20, 11, 0],
        by: 'member',
      },
    ],
    concluded: {
      on: [2012, 10, 1, 16, 0],
      conclusion:
        'De handreiking wordt in de nieuwe Nationale Politie meegenomen in de opleiding van wijkagenten.',
    },
  },
  {
    key: 'vernieuwers-in-beeld',
    title: 'Vernieuwers op de werkvloer in beeld',
    problemStatement:
      "Wat professionals zelf verbeteren, blijft vaak onzichtbaar voor bestuurders en collega's: wie iets slims " +
      'bedenkt, vertelt het hooguit bij de koffieautomaat. Hoe maken we zichtbaar wat vernieuwing van onderop ' +
      'oplevert, zodat anderen het durven na te doen?',
    proposer: { sector: 'rijk', organisation: ['Ministerie van BZK', 'minbzk'] },
    proposedOn: [2012, 3, 12, 10, 0],
    coach: { coach: 'coachKl2', on: [2012, 3, 19, 9, 0] },
    client: {
      organisation: 'Ministerie van BZK, programma Beter Werken in het Openbaar Bestuur',
      contactName: 'Karel Hoogendoorn',
      on: [2012, 4, 2, 11, 0],
    },
    startedOn: [2012, 4, 10, 9, 30],
    members: {
      count: 6,
      from: [2012, 4, 11, 9, 0],
      to: [2012, 6, 15, 17, 0],
      sectors: ['rijk', 'gemeente', 'overig'],
    },
    results: [
      {
        kind: 'report',
        title: 'Twaalf portretten van vernieuwers op de werkvloer',
        file: 'twaalf-portretten.pdf',
        on: [2012, 9, 14, 14, 0],
        by: 'coach',
      },
    ],
    lessons: [
      {
        lesson:
          'Een gesprek op de werkplek opent deuren: professionals die op papier niets bijzonders vonden aan hun ' +
          'werk, vertelden tussen hun eigen collega’s precies wat zij anders deden en waarom.',
        on: [2012, 10, 4, 10, 0],
        by: 'member',
      },
    ],
    concluded: {
      on: [2012, 12, 12, 15, 0],
      conclusion:
        'De twaalf portretten zijn gebundeld en gaan naar de deelnemende organisaties; het ministerie gebruikt ' +
        'ze om nieuwe Doetanks op gang te helpen.',
    },
  },
  {
    key: 'ruimte-in-de-bijstand',
    title: 'Ruimte in de regels van de bijstand',
    problemStatement:
      'Consulenten in Enschede besteden meer tijd aan controleren dan aan helpen. Wat gebeurt er als zij de ' +
      'ruimte krijgen om per persoon te bepalen wat nodig is, binnen de wet maar buiten de gewoonten?',
    proposer: { sector: 'gemeente', organisation: ['Gemeente Enschede', 'enschede'] },
    proposedOn: [2012, 4, 16, 14, 0],
    coach: { coach: 'coachKafka2', on: [2012, 4, 23, 10, 0] },
    coachChange: { coach: 'coachKafka1', on: [2012, 9, 3, 9, 0] },
    client: {
      organisation: 'Gemeente Enschede, dienst Werk en Inkomen',
      contactName: 'Gerda Nijhuis',
      on: [2012, 5, 7, 13, 0],
    },
    startedOn: [2012, 5, 14, 9, 0],
    members: {
      count: 8,
      from: [2012, 5, 15, 9, 0],
      to: [2012, 8, 31, 17, 0],
      sectors: ['gemeente', 'uitvoeringsorganisatie'],
    },
    memberLeaves: [2012, 10, 1, 9, 0],
    results: [
      {
        kind: 'report',
        title: 'Tussenrapportage: zes maanden maatwerk in de bijstand',
        file: 'tussenrapportage-maatwerk.pdf',
        on: [2012, 10, 25, 11, 0],
        by: 'coach',
      },
    ],
    lessons: [
      {
        lesson:
          'Consulenten gebruikten de ruimte pas toen hun teamleider het voordeed. Ruimte geven is iets anders ' +
          'dan ruimte nemen.',
        on: [2012, 8, 16, 10, 0],
        by: 'coach',
      },
      {
        lesson:
          'Klanten merkten het verschil eerder dan de cijfers: minder bezwaarschriften binnen drie maanden.',
        on: [2012, 11, 29, 14, 0],
        by: 'member',
      },
    ],
  },
  {
    key: 'zelf-de-sloot-beheren',
    title: 'Zelf de sloot beheren',
    problemStatement:
      'Bewoners in een nieuwbouwwijk willen het maaien en schoonhouden van de sloten in hun buurt zelf doen, maar ' +
      'het waterschap weet niet hoe het dat veilig en verantwoord kan overlaten. Hoe maken we daar een afspraak over?',
    proposer: { sector: 'waterschap', organisation: ['Waterschap Groot Salland', 'grootsalland'] },
    proposedOn: [2012, 2, 20, 10, 0],
    coach: { coach: 'coachTno2', on: [2012, 3, 5, 9, 0] },
    client: {
      organisation: 'Waterschap Groot Salland, afdeling Beheer',
      contactName: 'Jan Willem Brinkman',
      on: [2012, 4, 2, 14, 0],
    },
    startedOn: [2012, 4, 23, 9, 0],
    members: {
      count: 4,
      from: [2012, 4, 24, 9, 0],
      to: [2012, 6, 29, 17, 0],
      sectors: ['waterschap', 'gemeente'],
    },
    lessons: [
      {
        lesson:
          'Zonder een bestuurder die het risico wil dragen, blijft burgerinitiatief in het waterbeheer bij ' +
          'goede bedoelingen.',
        on: [2012, 8, 28, 11, 0],
        by: 'coach',
      },
    ],
    stopped: {
      on: [2012, 9, 10, 16, 0],
      reason:
        'Na een bestuurlijke herschikking kreeg de opdrachtgever een andere portefeuille, en niemand nam de ' +
        'opdracht over. Zonder opdrachtgever kon de Doetank niet verder.',
    },
  },
  {
    key: 'samen-inspecteren',
    title: 'Samen inspecteren',
    problemStatement:
      'Een bedrijf krijgt in één jaar tot zes inspecteurs van verschillende diensten over de vloer, die elk ' +
      'dezelfde vragen stellen. Kunnen inspecties hun bezoeken op elkaar afstemmen en gegevens delen?',
    proposer: { sector: 'rijk', organisation: ['Inspectie SZW', 'inspectieszw'] },
    proposedOn: [2012, 5, 21, 11, 0],
    coach: { coach: 'coachTno1', on: [2012, 6, 4, 9, 0] },
    client: { organisation: 'Inspectie SZW', contactName: 'Anton Verschuren', on: [2012, 6, 11, 10, 0] },
    sharpen: {
      by: 'proposer',
      problemStatement:
        'Inspecties willen wel samenwerken, maar niemand plant over de grenzen van de eigen dienst heen. Kan een ' +
        'gedeelde inspectiekalender voor één regio laten zien wat samen plannen oplevert?',
      on: [2012, 7, 2, 14, 0],
    },
    startedOn: [2012, 6, 18, 9, 0],
    members: {
      count: 6,
      from: [2012, 6, 19, 9, 0],
      to: [2012, 9, 28, 17, 0],
      sectors: ['rijk', 'gemeente', 'uitvoeringsorganisatie'],
    },
    results: [
      {
        kind: 'tool',
        title: 'Gedeelde inspectiekalender voor de regio Twente (prototype)',
        file: 'inspectiekalender',
        on: [2012, 11, 15, 10, 0],
        by: 'member',
      },
    ],
  },
  {
    key: 'minder-vergaderen-meer-doen',
    title: 'Minder vergaderen, meer doen',
    problemStatement:
      'Beleidsmedewerkers van de provincie besteden meer dan de helft van hun week aan overleg. Welke ' +
      'vergaderingen kunnen weg, en wat doen we met de tijd die vrijkomt?',
    proposer: { sector: 'provincie', organisation: ['Provincie Overijssel', 'overijssel'] },
    proposedOn: [2012, 8, 20, 10, 0],
    coach: { coach: 'coachKl1', on: [2012, 8, 27, 9, 0] },
    client: {
      organisation: 'Provincie Overijssel',
      contactName: 'Marian Oude Veldhuis',
      on: [2012, 8, 30, 14, 0],
    },
    startedOn: [2012, 9, 3, 9, 0],
    members: { count: 5, from: [2012, 9, 4, 9, 0], to: [2012, 10, 31, 17, 0], sectors: ['provincie'] },
    results: [
      {
        kind: 'lesson',
        title: 'Een week zonder vaste overleggen: wat we merkten',
        file: 'week-zonder-overleg.pdf',
        on: [2012, 11, 12, 10, 0],
        by: 'proposer',
      },
    ],
    lessons: [
      {
        lesson: 'Bijna niemand miste de geschrapte overleggen; wel de koffie die erbij hoorde.',
        on: [2012, 11, 12, 11, 0],
        by: 'coach',
      },
    ],
  },
  {
    key: 'open-data-voor-de-buurt',
    title: 'Open data voor de buurt',
    problemStatement:
      'De gemeente verzamelt veel gegevens over wijken, maar bewoners en buurtwerkers kunnen er niet bij. Welke ' +
      'gegevens kunnen open, en wat gaan wijkteams er zelf mee doen?',
    themeId: '2013-open-overheidsdata',
    proposer: { sector: 'gemeente', organisation: ['Gemeente Enschede', 'enschede'] },
    proposedOn: [2012, 12, 4, 10, 0],
    coach: { coach: 'coachKl2', on: [2012, 12, 7, 9, 0] },
    client: {
      organisation: 'Gemeente Enschede, team Wijkontwikkeling',
      contactName: 'Erik Wessels',
      on: [2012, 12, 10, 14, 0],
    },
    startedOn: [2012, 12, 17, 9, 0],
    members: {
      count: 4,
      from: [2012, 12, 17, 10, 0],
      to: [2012, 12, 21, 17, 0],
      sectors: ['gemeente', 'overig'],
    },
  },
  {
    key: 'het-kantoor-voorbij',
    title: 'Het kantoor voorbij',
    problemStatement:
      'Het gemeentehuis staat halfleeg terwijl medewerkers steeds vaker bij inwoners, thuis of onderweg werken. ' +
      "Wat betekent dat voor de organisatie, en hoe houden collega's elkaar vast zonder vaste plek?",
    themeId: '2013-gemeente-zonder-huis',
    proposer: { sector: 'gemeente', organisation: ['Gemeente Zaanstad', 'zaanstad'], role: 'manager' },
    proposedOn: [2012, 12, 6, 11, 0],
    coach: { coach: 'coachTno2', on: [2012, 12, 13, 10, 0] },
  },
  {
    key: 'van-vaste-plek-naar-vaste-waarde',
    title: 'Van vaste plek naar vaste waarde',
    problemStatement:
      'Ambtenaren die van functie willen wisselen, durven hun vaste aanstelling niet op te geven. Hoe kunnen ' +
      'organisaties mobiliteit veilig maken, zodat mensen bewegen omdat ze willen en niet omdat ze moeten?',
    themeId: '2013-mobiliteit-vanuit-veiligheid',
    proposer: { sector: 'rijk', organisation: ['Ministerie van BZK', 'minbzk'] },
    proposedOn: [2012, 12, 10, 14, 0],
  },
];

// --- gatherings -------------------------------------------------------------------------------------------------

export interface ProgrammeItemSpec {
  title: string;
  /** A speaker as text; `doetank:` and `person:` keys name who speaks for a Doetank or which person speaks. */
  speaker?: string | { person: PersonKey } | { doetankProposer: string };
  /** Key of a Doetank this item spotlights. */
  doetank?: string;
}

export interface GatheringSpec {
  key: string;
  kind: GatheringKind;
  title: string;
  startsAt: When;
  venue: string;
  city: string;
  capacity: number;
  scheduledOn: When;
  /** Registrations, cancellations of registrations, no-shows among those still registered, walk-ins. */
  registrations: number;
  cancellations: number;
  noShows: number;
  walkIns: number;
  programme: readonly ProgrammeItemSpec[];
  cancelled?: { on: When; reason: string };
  /** Its report (`RecordGatheringReport`), written after it was held. */
  report?: {
    on: When;
    summary: string;
    links: { title: string; url: string; maker?: string }[];
    quotes: { text: string; speaker: string; role?: string }[];
  };
}

/** The Masterclass series of 2012: one group of managers and administrators, three afternoons. */
export const MASTERCLASS_COHORT = 24;

export const GRAND_CAFE_KEY = 'grand-cafe-2012';

export const GATHERINGS: readonly GatheringSpec[] = [
  {
    key: 'cafe-2011-03',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: Kafka te lijf',
    startsAt: [2011, 3, 24, 16, 0],
    venue: 'Stadskantoor',
    city: 'Utrecht',
    capacity: 60,
    scheduledOn: [2011, 2, 21, 10, 0],
    registrations: 44,
    cancellations: 4,
    noShows: 6,
    walkIns: 3,
    programme: [
      {
        title: 'Waar loopt een jongere vast? Eerste bevindingen',
        doetank: 'jongeren-tussen-wal-en-schip',
        speaker: { doetankProposer: 'jongeren-tussen-wal-en-schip' },
      },
      { title: 'Gesprek: regels die niemand meer begrijpt', speaker: { person: 'coachKafka1' } },
    ],
  },
  {
    key: 'cafe-2011-06',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: slimmer werken tussen organisaties',
    startsAt: [2011, 6, 16, 16, 0],
    venue: 'Ministerie van BZK',
    city: 'Den Haag',
    capacity: 70,
    scheduledOn: [2011, 5, 16, 10, 0],
    registrations: 52,
    cancellations: 5,
    noShows: 7,
    walkIns: 4,
    programme: [
      { title: 'Wat het netwerk in een half jaar deed', speaker: { person: 'coordinator' } },
      { title: 'Rondetafels: een probleem uit je eigen werk', speaker: { person: 'coachTno1' } },
    ],
  },
  {
    key: 'cafe-2011-10',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: de professional aan het stuur',
    startsAt: [2011, 10, 13, 16, 0],
    venue: 'Provinciehuis Overijssel',
    city: 'Zwolle',
    capacity: 60,
    scheduledOn: [2011, 9, 12, 10, 0],
    registrations: 41,
    cancellations: 3,
    noShows: 5,
    walkIns: 2,
    programme: [
      {
        title: 'Businesscase: één regisseur per jongere',
        doetank: 'jongeren-tussen-wal-en-schip',
        speaker: { doetankProposer: 'jongeren-tussen-wal-en-schip' },
      },
      {
        title: 'Pitch: één loket voor ondernemers',
        doetank: 'een-loket-voor-ondernemers',
        speaker: { doetankProposer: 'een-loket-voor-ondernemers' },
      },
    ],
  },
  {
    key: 'cafe-2012-02',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: het nieuwe programma',
    startsAt: [2012, 2, 9, 16, 0],
    venue: 'Gemeentehuis Zaanstad',
    city: 'Zaandam',
    capacity: 70,
    scheduledOn: [2012, 1, 9, 10, 0],
    registrations: 48,
    cancellations: 2,
    noShows: 0,
    walkIns: 0,
    programme: [
      { title: 'Innoveren door professionals: het programma voor 2012', speaker: { person: 'coordinator' } },
    ],
    cancelled: {
      on: [2012, 2, 7, 12, 0],
      reason:
        'Afgelast vanwege de strenge vorst en gladheid; de onderwerpen schuiven door naar het Café van maart.',
    },
  },
  {
    key: 'cafe-2012-03',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: innoveren door professionals',
    startsAt: [2012, 3, 29, 16, 0],
    venue: 'Stadhuis Enschede',
    city: 'Enschede',
    capacity: 80,
    scheduledOn: [2012, 2, 13, 10, 0],
    registrations: 64,
    cancellations: 5,
    noShows: 8,
    walkIns: 4,
    programme: [
      { title: 'Innoveren door professionals: het programma voor 2012', speaker: { person: 'coordinator' } },
      {
        title: 'Vergunningenwijzer: de eerste resultaten',
        doetank: 'een-loket-voor-ondernemers',
        speaker: { doetankProposer: 'een-loket-voor-ondernemers' },
      },
      {
        title: 'Pitch: de wijkagent als netwerker',
        doetank: 'de-wijkagent-als-netwerker',
        speaker: { doetankProposer: 'de-wijkagent-als-netwerker' },
      },
    ],
  },
  {
    key: 'cafe-2012-05',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: ruimte voor de uitvoering',
    startsAt: [2012, 5, 24, 16, 0],
    venue: 'Stadhuis Rotterdam',
    city: 'Rotterdam',
    capacity: 80,
    scheduledOn: [2012, 4, 16, 10, 0],
    registrations: 69,
    cancellations: 6,
    noShows: 9,
    walkIns: 5,
    programme: [
      {
        title: 'Pitch: ruimte in de regels van de bijstand',
        doetank: 'ruimte-in-de-bijstand',
        speaker: { doetankProposer: 'ruimte-in-de-bijstand' },
      },
      { title: 'Rondetafels: waar houdt de regel je tegen?', speaker: { person: 'coachKafka2' } },
    ],
  },
  {
    key: 'cafe-2012-06',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: samenwerken over de grenzen',
    startsAt: [2012, 6, 28, 16, 0],
    venue: 'Gemeentehuis Zaanstad',
    city: 'Zaandam',
    capacity: 80,
    scheduledOn: [2012, 5, 21, 10, 0],
    registrations: 66,
    cancellations: 4,
    noShows: 10,
    walkIns: 3,
    programme: [
      {
        title: 'Pitch: samen inspecteren',
        doetank: 'samen-inspecteren',
        speaker: { doetankProposer: 'samen-inspecteren' },
      },
      {
        title: 'Eén contactpersoon per ondernemer: hoe Tilburg het deed',
        doetank: 'een-loket-voor-ondernemers',
        speaker: { doetankProposer: 'een-loket-voor-ondernemers' },
      },
    ],
  },
  {
    key: 'cafe-2012-09',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: vernieuwers in beeld',
    startsAt: [2012, 9, 27, 16, 0],
    venue: 'Ministerie van BZK',
    city: 'Den Haag',
    capacity: 90,
    scheduledOn: [2012, 8, 20, 10, 0],
    registrations: 78,
    cancellations: 6,
    noShows: 11,
    walkIns: 4,
    programme: [
      {
        title: 'Twaalf portretten van vernieuwers',
        doetank: 'vernieuwers-in-beeld',
        speaker: { person: 'coachKl2' },
      },
      {
        title: 'Pitch: minder vergaderen, meer doen',
        doetank: 'minder-vergaderen-meer-doen',
        speaker: { doetankProposer: 'minder-vergaderen-meer-doen' },
      },
    ],
  },
  {
    key: 'cafe-2012-10',
    kind: 'cafe',
    title: 'Slimmernetwerk Café: de wijkagent online',
    startsAt: [2012, 10, 18, 16, 0],
    venue: 'Politieacademie',
    city: 'Apeldoorn',
    capacity: 70,
    scheduledOn: [2012, 9, 10, 10, 0],
    registrations: 55,
    cancellations: 4,
    noShows: 7,
    walkIns: 2,
    programme: [
      {
        title: 'Tien wijkagenten online: wat het opleverde',
        doetank: 'de-wijkagent-als-netwerker',
        speaker: { doetankProposer: 'de-wijkagent-als-netwerker' },
      },
    ],
  },
  {
    key: 'cafe-2012-12',
    kind: 'cafe',
    title: "Slimmernetwerk Café: op weg naar vijf thema's",
    startsAt: [2012, 12, 13, 16, 0],
    venue: 'Kennisland',
    city: 'Amsterdam',
    capacity: 60,
    scheduledOn: [2012, 11, 26, 10, 0],
    registrations: 51,
    cancellations: 3,
    noShows: 6,
    walkIns: 3,
    programme: [
      { title: "De vijf thema's voor 2013", speaker: { person: 'coordinator' } },
      {
        title: 'Pitch: open data voor de buurt',
        doetank: 'open-data-voor-de-buurt',
        speaker: { doetankProposer: 'open-data-voor-de-buurt' },
      },
      {
        title: 'Pitch: het kantoor voorbij',
        doetank: 'het-kantoor-voorbij',
        speaker: { doetankProposer: 'het-kantoor-voorbij' },
      },
    ],
  },
  {
    key: 'masterclass-2012-1',
    kind: 'masterclass',
    title: 'Masterclass Leidinggeven aan vernieuwing van onderop (1/3): ruimte geven',
    startsAt: [2012, 9, 13, 13, 30],
    venue: 'Kennisland',
    city: 'Amsterdam',
    capacity: 25,
    scheduledOn: [2012, 6, 18, 10, 0],
    registrations: MASTERCLASS_COHORT,
    cancellations: 0,
    noShows: 2,
    walkIns: 0,
    programme: [{ title: 'Waarom de werkvloer met de oplossing komt', speaker: { person: 'coachKl1' } }],
  },
  {
    key: 'masterclass-2012-2',
    kind: 'masterclass',
    title: 'Masterclass Leidinggeven aan vernieuwing van onderop (2/3): risico durven dragen',
    startsAt: [2012, 10, 11, 13, 30],
    venue: 'Kennisland',
    city: 'Amsterdam',
    capacity: 25,
    scheduledOn: [2012, 6, 18, 10, 5],
    registrations: MASTERCLASS_COHORT,
    cancellations: 1,
    noShows: 3,
    walkIns: 0,
    programme: [
      {
        title: 'Casus: ruimte in de regels van de bijstand',
        doetank: 'ruimte-in-de-bijstand',
        speaker: { person: 'coachKafka2' },
      },
    ],
  },
  {
    key: 'masterclass-2012-3',
    kind: 'masterclass',
    title: 'Masterclass Leidinggeven aan vernieuwing van onderop (3/3): de leidinggevende als coach',
    startsAt: [2012, 11, 8, 13, 30],
    venue: 'Kennisland',
    city: 'Amsterdam',
    capacity: 25,
    scheduledOn: [2012, 6, 18, 10, 10],
    registrations: MASTERCLASS_COHORT,
    cancellations: 1,
    noShows: 2,
    walkIns: 0,
    programme: [
      { title: 'Van baas naar coach: ervaringen uit de Doetanks', speaker: { person: 'coachTno1' } },
    ],
  },
  {
    key: GRAND_CAFE_KEY,
    kind: 'grand-cafe',
    title: 'Slimmernetwerk Grand Café 2012',
    startsAt: [2012, 11, 22, 15, 0],
    venue: 'Beurs van Berlage',
    city: 'Amsterdam',
    capacity: 120,
    scheduledOn: [2012, 9, 17, 10, 0],
    registrations: 117,
    cancellations: 9,
    noShows: 11,
    walkIns: 4,
    programme: [
      { title: 'Opening: een jaar innoveren door professionals', speaker: { person: 'coordinator' } },
      {
        title: 'Een reis met ambitie: het Slimmernetwerk en het ministerie',
        speaker: 'Lucas Lombaers (Ministerie van BZK)',
      },
      // The film is the network's (NETWORK_FILM), made with filmmaker Robin de Lange for the Grand Café.
      { title: "Vertoning van de film 'Innoveren door professionals', gemaakt met filmmaker Robin de Lange" },
      {
        title: 'In het zonnetje: twaalf portretten van vernieuwers',
        doetank: 'vernieuwers-in-beeld',
        speaker: { person: 'coachKl2' },
      },
      {
        title: 'In het zonnetje: de wijkagent als netwerker',
        doetank: 'de-wijkagent-als-netwerker',
        speaker: { doetankProposer: 'de-wijkagent-als-netwerker' },
      },
      {
        title: 'In het zonnetje: één loket voor ondernemers',
        doetank: 'een-loket-voor-ondernemers',
        speaker: { doetankProposer: 'een-loket-voor-ondernemers' },
      },
      {
        title: 'In het zonnetje: ruimte in de regels van de bijstand',
        doetank: 'ruimte-in-de-bijstand',
        speaker: { doetankProposer: 'ruimte-in-de-bijstand' },
      },
      { title: 'KING stelt zich voor als nieuwe strategisch partner', speaker: { person: 'kingSpeaker' } },
      { title: "Werksessie: ambities en vijf thema's voor 2013", speaker: { person: 'coachKl1' } },
      {
        title: 'Hoe rust een leidinggevende zich toe voor vernieuwing van onderop?',
        speaker: { person: 'coachTno2' },
      },
    ],
    // The facts of the Kennisland report of 4 December 2012 (the seed document), told in the project's own words;
    // the quote is the one that report prints, with the speaker's role as it gives it.
    report: {
      on: [2012, 12, 4, 10, 0],
      summary:
        'Aan het eind van het eerste jaar van het Slimmernetwerk nieuwe stijl kwamen zo’n honderd vernieuwers ' +
        'samen in de Beurs van Berlage. Het programma was vol: Doetanks werden in het zonnetje gezet, resultaten ' +
        'gedeeld, en KING stelde zich voor als de nieuwe strategisch partner. Vooral ging het om het jaar dat komt: ' +
        'welke grote vraagstukken pakt het netwerk op met het openbaar bestuur, waarom kan juist de werkvloer met ' +
        'nieuwe oplossingen komen, en hoe rust een leidinggevende zich toe voor vernieuwing van onderop?\n\n' +
        "Vijf thema's voor 2013 kwamen op tafel: visies voor de lerende overheid, mobiliteit vanuit veiligheid, " +
        'het openstellen van overheidsdata, de staat van de gemeente in kaart, en de gemeente zonder huis. Daar ' +
        'moeten de nieuwe Doetanks uit voortkomen.',
      links: [
        {
          title: 'Verslag op de website van Kennisland',
          url: 'https://www.kl.nl/nieuws/loskomen-van-de-tekentafel-op-het-slimmernetwerk-grandcafe/',
        },
        {
          title: "Film 'Innoveren door professionals' (te zien bij het verslag)",
          url: 'https://www.kl.nl/nieuws/loskomen-van-de-tekentafel-op-het-slimmernetwerk-grandcafe/',
          maker: 'filmmaker Robin de Lange, met het Slimmernetwerk',
        },
      ],
      quotes: [
        {
          text:
            'Een reis waarvan we het exacte eindpunt nog niet weten, maar waarin we met ambitie, enthousiasme en ' +
            'een professionele houding op pad moeten.',
          speaker: 'Lucas Lombaers',
          role: 'directeur Arbeidszaken Publieke Sector, ministerie van Binnenlandse Zaken',
        },
      ],
    },
  },
];

// --- the online group -------------------------------------------------------------------------------------------

/**
 * Discussions in the online group. The network keeps a title and a link, never the text. Those with a date are tied
 * to a moment (a Doetank, a theme, the Grand Café); the others get a moment somewhere in the two years.
 */
export interface DiscussionSpec {
  title: string;
  on?: When;
  themeId?: ThemeId2013;
  /** Key of the Doetank it is about. */
  doetank?: string;
}

export const DISCUSSIONS: readonly DiscussionSpec[] = [
  { title: 'Wie heeft ervaring met zaakgericht werken in een kleine gemeente?' },
  { title: 'Hoeveel regels zijn er eigenlijk nodig voor een kapvergunning?' },
  { title: 'Het Nieuwe Werken: meer vrijheid of meer controle?' },
  { title: 'Wat levert een Kafka-analyse op als niemand de uitkomst wil horen?' },
  { title: 'Samenwerken met een andere gemeente zonder fusie: tips?' },
  { title: 'Hoe overtuig je je leidinggevende van een experiment?' },
  { title: 'Minder formulieren bij de Wmo: wie deed het al?' },
  { title: 'Twitterende ambtenaren: mag dat van jullie organisatie?', on: [2011, 5, 11, 21, 5] },
  { title: 'Hoe meet je of een vernieuwing iets oplevert?' },
  { title: 'Klantreizen in de publieke sector: wie heeft een goed voorbeeld?' },
  { title: 'Waarom lukt het delen van gegevens tussen diensten zo moeizaam?' },
  { title: 'Leren van fouten: hoe doen jullie dat in je team?' },
  { title: 'Wat als de burger zelf het dossier beheert?' },
  { title: 'Intervisie voor beleidsmedewerkers: ervaringen?' },
  {
    title: 'Eén inspectiebezoek in plaats van zes: wie zit er al aan tafel?',
    on: [2012, 7, 5, 19, 50],
    doetank: 'samen-inspecteren',
  },
  { title: 'Zijn zelfsturende teams iets voor de overheid?' },
  { title: 'De keukentafel als loket: werkt dat?' },
  { title: 'Hoe houd je een pilot levend na de pilotfase?' },
  { title: 'Bezuinigen en vernieuwen tegelijk: kan dat?' },
  { title: 'Welke app zou je als ambtenaar morgen willen hebben?' },
  { title: 'Open data: wie gebruikt de gegevens van zijn gemeente al?' },
  { title: 'Hoe betrek je uitvoerders bij nieuw beleid, vóór het klaar is?' },
  { title: 'Vergaderen kan korter: wie heeft een goede methode?' },
  { title: 'Wat hebben waterschappen en gemeenten elkaar te bieden?' },
  {
    title: 'De wijkagent op Twitter: wat leverde het op?',
    on: [2012, 9, 10, 21, 0],
    doetank: 'de-wijkagent-als-netwerker',
  },
  { title: 'Professionele ruimte: wat betekent dat voor jou?' },
  { title: 'Hoe krijg je bestuurders mee in een experiment zonder garantie?' },
  { title: 'Verandert de decentralisatie van de jeugdzorg het werk van de gemeente?' },
  { title: 'Wie heeft een businesscase voor een vernieuwing gemaakt en wil hem delen?' },
  { title: 'Flexplekken en thuiswerken: wat doet dat met een team?' },
  { title: 'Wat kan de overheid leren van start-ups?' },
  {
    title: 'Een loket voor ondernemers: hoe ver zijn jullie?',
    on: [2011, 12, 1, 20, 15],
    doetank: 'een-loket-voor-ondernemers',
  },
  { title: 'Klachten als bron van verbetering: wie doet er iets mee?' },
  { title: 'Hoe zorg je dat een goed idee niet in de lijn blijft steken?' },
  { title: 'Sociale media in crisissituaties: ervaringen van gemeenten?' },
  { title: 'De rol van de leidinggevende bij innovatie van onderop' },
  { title: 'Mobiliteit tussen overheden: wie is overgestapt en waarom?' },
  { title: 'Is er iemand die met design thinking werkt in de uitvoering?' },
  {
    title: 'Van dossier naar gesprek: ervaringen met de bijstand',
    on: [2012, 6, 12, 20, 30],
    doetank: 'ruimte-in-de-bijstand',
  },
  { title: 'Waarom zijn verantwoordingsrapportages zo dik?' },
  { title: 'Hoe deel je kennis tussen provincies zonder een nieuw platform?' },
  {
    title: 'Wat vinden jullie van het idee van een gemeente zonder gemeentehuis?',
    on: [2012, 12, 11, 20, 0],
    themeId: '2013-gemeente-zonder-huis',
    doetank: 'het-kantoor-voorbij',
  },
  { title: 'Burgerinitiatieven en aansprakelijkheid: wie weet raad?' },
  {
    title: 'De staat van je gemeente in één overzicht: bestaat dat?',
    on: [2012, 12, 5, 21, 20],
    themeId: '2013-staat-van-de-gemeente',
  },
  { title: 'Welke Doetank zouden jullie in 2013 willen starten?', on: [2012, 12, 20, 10, 0] },
  { title: 'Inspiratie gezocht voor een teamdag over vernieuwing' },
  { title: 'Werken met ervaringsdeskundigen: tips en valkuilen' },
  { title: 'Regelarme zones: hoe hebben jullie dat aangepakt?' },
  { title: 'Hoe houden we het netwerk levendig tussen de Cafés door?' },
  {
    title: 'Een lerende overheid: wat is daarvoor nodig?',
    on: [2012, 12, 3, 20, 10],
    themeId: '2013-lerende-overheid',
  },
  { title: 'Samen met de woningcorporatie achter de voordeur: ervaringen?' },
  { title: 'Hoe ga je om met weerstand tegen een vernieuwing in je team?' },
  { title: 'Wie heeft ervaring met crowdsourcing bij beleid?' },
  { title: 'Thuiswerken bij de politie: kan dat?' },
  {
    title: 'Hoe laat je zien wat je project oplevert, zonder budget?',
    on: [2012, 5, 22, 21, 40],
    doetank: 'vernieuwers-in-beeld',
  },
  { title: 'Vernieuwen in een krimpregio: wat werkt daar?' },
  { title: 'Digitaal vergaderen: wie doet het al echt?' },
  {
    title: 'Welke data zou jouw gemeente als eerste moeten openstellen?',
    on: [2012, 12, 18, 21, 15],
    themeId: '2013-open-overheidsdata',
    doetank: 'open-data-voor-de-buurt',
  },
  { title: 'Het Grand Café: wat nemen jullie mee naar 2013?', on: [2012, 11, 23, 9, 45] },
  {
    title: 'Ervaringen gezocht met een mobiliteitsbank voor ambtenaren',
    on: [2012, 12, 14, 9, 30],
    themeId: '2013-mobiliteit-vanuit-veiligheid',
  },
  { title: 'Tips voor een goede probleemstelling voor een Doetank' },
  { title: 'Kan een ambtenaar ondernemend zijn?' },
  { title: 'Hoe leg je verantwoording af over een experiment dat mislukte?' },
  { title: 'Wie wil meedenken over een Doetank over jonge mantelzorgers?' },
];
