/**
 * The texts of the forms that record something (the "Vastleggen" view and a Doetank's actions), in Dutch and
 * English; `i18n.js` spreads them into every language's texts.
 */

import { sideOf } from './i18n-pairs.js';

/**
 * The values a form offers to choose from, Dutch and English side by side.
 * @type {Record<'sectors' | 'roles' | 'gatheringKinds', Record<string, [string, string]>>}
 */
const CHOICES = {
  sectors: {
    rijk: ['Rijk', 'Central government'],
    provincie: ['Provincie', 'Province'],
    gemeente: ['Gemeente', 'Municipality'],
    waterschap: ['Waterschap', 'Water board'],
    politie: ['Politie', 'Police'],
    uitvoeringsorganisatie: ['Uitvoeringsorganisatie', 'Executive agency'],
    overig: ['Overig', 'Other'],
  },
  roles: {
    professional: ['Professional', 'Professional'],
    manager: ['Manager', 'Manager'],
    administrator: ['Bestuurder', 'Executive'],
  },
  gatheringKinds: {
    cafe: ['Café', 'Café'],
    'grand-cafe': ['Grand Café', 'Grand Café'],
    masterclass: ['Masterclass', 'Masterclass'],
  },
};

/** @param {0 | 1} side */
const choices = (side) => ({
  sectors: sideOf(CHOICES.sectors, side),
  roles: sideOf(CHOICES.roles, side),
  gatheringKinds: sideOf(CHOICES.gatheringKinds, side),
});

export const writeNl = {
  recordNav: 'Vastleggen',
  requiredHint: 'Velden met * zijn verplicht.',
  sending: 'Versturen…',
  recorded: 'Vastgelegd.',
  notAllowed: 'Dit mag met dit token niet:',
  write: {
    record: 'Vastleggen',
    recordIntro: 'Leg vast wat er in het netwerk gebeurt. Elk formulier stuurt één opdracht naar de API.',
    /** @param {string} title */
    recordedOn: (title) => `Vastgelegd. ${title} is bijgewerkt.`,
    joinNetwork: 'Lid inschrijven',
    name: 'Naam',
    email: 'E-mailadres',
    organisation: 'Organisatie',
    sector: 'Sector',
    role: 'Rol',
    proposeDoetank: 'Doetank voorstellen',
    title: 'Titel',
    problemStatement: 'Probleemstelling',
    proposedBy: 'Voorgesteld door',
    themeId: 'Thema (bijvoorbeeld 2013-sociaal-domein)',
    assignCoach: 'Coach toewijzen',
    coach: 'Coach',
    reason: 'Reden',
    secureClient: 'Opdrachtgever vastleggen',
    clientOrganisation: 'Organisatie van de opdrachtgever',
    contactName: 'Contactpersoon',
    start: 'Doetank starten',
    shareResult: 'Resultaat delen',
    resultKind: 'Soort resultaat',
    link: 'Link (http of https)',
    sharedBy: 'Gedeeld door',
    recordLesson: 'Les vastleggen',
    lesson: 'Les',
    recordedBy: 'Vastgelegd door',
    conclude: 'Doetank afronden',
    conclusion: 'Conclusie',
    scheduleGathering: 'Bijeenkomst plannen',
    gatheringKind: 'Soort bijeenkomst',
    startsAt: 'Begint op',
    venue: 'Locatie',
    city: 'Plaats',
    capacity: 'Aantal plaatsen',
    registerForGathering: 'Aanmelden voor een bijeenkomst',
    gathering: 'Bijeenkomst',
    member: 'Lid',
    recordHeld: 'Bijeenkomst gehouden',
    attendees: 'Aanwezigen',
    heldAt: 'Gehouden op (leeg: nu)',
    membersHint: 'Typ een naam en kies een suggestie; herhaal voor iedereen die er was.',
    chosen: 'Gekozen',
    /** @param {string} name */
    removeMember: (name) => `${name} verwijderen`,
    onTimeline: 'Bekijk het op de tijdlijn',
    ...choices(0),
    tokenNeeded: 'Vastleggen kan met een token van een coördinator of lid.',
  },
};

/** @type {typeof writeNl} */
export const writeEn = {
  recordNav: 'Record',
  requiredHint: 'Fields marked * are required.',
  sending: 'Sending…',
  recorded: 'Recorded.',
  notAllowed: 'This token may not do this:',
  write: {
    record: 'Record',
    recordIntro: 'Record what happens in the network. Each form sends one command to the API.',
    recordedOn: (title) => `Recorded. ${title} is up to date.`,
    joinNetwork: 'Register a member',
    name: 'Name',
    email: 'E-mail address',
    organisation: 'Organisation',
    sector: 'Sector',
    role: 'Role',
    proposeDoetank: 'Propose a Doetank',
    title: 'Title',
    problemStatement: 'Problem statement',
    proposedBy: 'Proposed by',
    themeId: 'Theme (for example 2013-sociaal-domein)',
    assignCoach: 'Assign a coach',
    coach: 'Coach',
    reason: 'Reason',
    secureClient: 'Record the client',
    clientOrganisation: 'Client organisation',
    contactName: 'Contact person',
    start: 'Start the Doetank',
    shareResult: 'Share a result',
    resultKind: 'Kind of result',
    link: 'Link (http or https)',
    sharedBy: 'Shared by',
    recordLesson: 'Record a lesson',
    lesson: 'Lesson',
    recordedBy: 'Recorded by',
    conclude: 'Conclude the Doetank',
    conclusion: 'Conclusion',
    scheduleGathering: 'Schedule a gathering',
    gatheringKind: 'Kind of gathering',
    startsAt: 'Starts at',
    venue: 'Venue',
    city: 'City',
    capacity: 'Places',
    registerForGathering: 'Register for a gathering',
    gathering: 'Gathering',
    member: 'Member',
    recordHeld: 'Gathering held',
    attendees: 'Attendees',
    heldAt: 'Held at (empty: now)',
    membersHint: 'Type a name and choose a suggestion; again for everyone who was there.',
    chosen: 'Chosen',
    removeMember: (name) => `Remove ${name}`,
    onTimeline: 'See it on the timeline',
    ...choices(1),
    tokenNeeded: 'Recording needs a token of a coordinator or member.',
  },
};
