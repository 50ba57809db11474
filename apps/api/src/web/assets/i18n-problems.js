/**
 * The page's own words for the API's refusals, in Dutch and English side by side: the rules of a 400's `fields` (a
 * field and the rule it broke) and the domain's refusals by their stable `code` (the API's messages name ids, which
 * the page never shows). `i18n.js` spreads them into every language's texts. A rule or code not named here shows the
 * API's own (English) message.
 */
import { sideOf, sideOfTexts } from './i18n-pairs.js';

/**
 * What a reader who left a field empty is asked to do.
 * @type {Record<'required' | 'chooseMember' | 'chooseMembers' | 'chooseOne', [string, string]>}
 */
const ASKED = {
  required: ['Vul dit veld in.', 'Fill in this field.'],
  chooseMember: ['Kies een lid uit de suggesties.', 'Choose a member from the suggestions.'],
  chooseMembers: ['Kies de leden uit de suggesties.', 'Choose the members from the suggestions.'],
  chooseOne: ['Kies een van de mogelijkheden.', 'Choose one of the options.'],
};

/** @type {[string, string]} */
const INVISIBLE = [
  'Bevat een onzichtbaar teken; typ het adres opnieuw.',
  'Contains an invisible character; type the address again.',
];

/**
 * The rules (class-validator's constraint names, and the API's own), each in both languages. `n` is the number the
 * API's message gives (a length, a limit, a year), '' when it gives none.
 * @type {Record<string, (n: string) => [string, string]>}
 */
const RULES = {
  isNotEmpty: () => ASKED.required,
  isNotBlank: () => [
    'Vul dit veld in; alleen spaties of onzichtbare tekens tellen niet.',
    'Fill in this field; only spaces or invisible characters do not count.',
  ],
  isString: () => ['Vul hier tekst in.', 'Enter text here.'],
  maxLength: (n) =>
    n
      ? [`Te lang: ten hoogste ${n} tekens.`, `Too long: at most ${n} characters.`]
      : ['Te lang.', 'Too long.'],
  isEmail: () => ['Dit is geen geldig e-mailadres.', 'This is not a valid e-mail address.'],
  isUrl: () => [
    'Dit is geen geldige link (begin met http:// of https://).',
    'This is not a valid link (start with http:// or https://).',
  ],
  isIn: () => ASKED.chooseOne,
  isInt: () => ['Vul een heel getal in.', 'Enter a whole number.'],
  min: (n) => (n ? [`Ten minste ${n}.`, `At least ${n}.`] : ['Te klein.', 'Too small.']),
  max: (n) => (n ? [`Ten hoogste ${n}.`, `At most ${n}.`] : ['Te groot.', 'Too large.']),
  arrayMaxSize: (n) => (n ? [`Ten hoogste ${n}.`, `At most ${n}.`] : ['Te veel.', 'Too many.']),
  arrayUnique: () => ['Elk lid maar één keer.', 'Each member only once.'],
  isIso8601: () => ['Geen geldige datum en tijd.', 'Not a valid date and time.'],
  isRFC3339: () => ['Geen geldige datum en tijd.', 'Not a valid date and time.'],
  isNotBeforeTheNetwork: (n) => [
    `Niet vóór 1 januari ${n || '2000'}, het eerste jaar van het netwerk.`,
    `Not before 1 January ${n || '2000'}, the network's first year.`,
  ],
  hasNoControlCharacters: () => [
    'Bevat een stuurteken; typ de tekst opnieuw.',
    'Contains a control character; type the text again.',
  ],
  hasNoLoneSurrogates: () => [
    'Bevat een ongeldig teken; typ de tekst opnieuw.',
    'Contains an invalid character; type the text again.',
  ],
  hasNoBidiControls: () => INVISIBLE,
  hasNoInvisibleCharacters: () => INVISIBLE,
};

/** @typedef {(details: Record<string, any>, date: (iso: string) => string) => [string, string]} RefusalWords */

/** @type {RefusalWords} */
const NOT_ACTIVE = () => ['Dit lid is niet (meer) actief.', 'This member is not active (any more).'];

/**
 * The domain's refusals that the page's forms can meet, by code; `details` are the problem's facts, `date` shows a
 * date in the page's language.
 * @type {Record<string, RefusalWords>}
 */
const REFUSALS = {
  'AUTH.NOT_DOETANK_LEAD': () => [
    'Alleen wie de Doetank voorstelde, de coach of een coördinator mag dit.',
    'Only the proposer, the coach or a coordinator may do this.',
  ],
  'DOETANK.ALREADY_CLOSED': (d) =>
    d.status === 'stopped'
      ? [
          'Deze Doetank is gestopt; er verandert niets meer.',
          'This Doetank was stopped; nothing changes any more.',
        ]
      : [
          'Deze Doetank is afgerond; er verandert niets meer.',
          'This Doetank was concluded; nothing changes any more.',
        ],
  'DOETANK.NOT_STARTED': () => ['Deze Doetank is nog niet gestart.', 'This Doetank has not started yet.'],
  'DOETANK.ALREADY_STARTED': () => ['Deze Doetank is al gestart.', 'This Doetank has already started.'],
  'DOETANK.NO_COACH': () => [
    'Een Doetank start niet zonder coach.',
    'A Doetank does not start without a coach.',
  ],
  'DOETANK.PROPOSER_NOT_ACTIVE': NOT_ACTIVE,
  'DOETANK.COACH_NOT_ACTIVE': NOT_ACTIVE,
  'DOETANK.ACTOR_NOT_ACTIVE': NOT_ACTIVE,
  'DOETANK.COACH_ALREADY_ASSIGNED': () => [
    'Dit lid is al de coach van deze Doetank.',
    'This member already coaches this Doetank.',
  ],
  'GATHERING.CLOSED': () => [
    'Aanmelden kan niet meer: de bijeenkomst is gehouden of afgelast.',
    'Registration has closed: the gathering was held or cancelled.',
  ],
  'GATHERING.ALREADY_HELD': () => ['Deze bijeenkomst is al gehouden.', 'This gathering was already held.'],
  'GATHERING.ALREADY_CANCELLED': () => ['Deze bijeenkomst is afgelast.', 'This gathering was cancelled.'],
  'GATHERING.FULL': (d) => [
    `Deze bijeenkomst is vol (${d.capacity} plaatsen).`,
    `This gathering is full (${d.capacity} places).`,
  ],
  'GATHERING.MEMBER_NOT_ACTIVE': NOT_ACTIVE,
  'GATHERING.ALREADY_REGISTERED': () => ['Dit lid is al aangemeld.', 'This member is already registered.'],
  'GATHERING.NOT_YET_HELD': (d, date) => [
    `De bijeenkomst begint op ${date(d.startsAt)}: pas vanaf die dag is ze gehouden.`,
    `The gathering starts on ${date(d.startsAt)}: it is held from that day on.`,
  ],
  'GATHERING.UNKNOWN_ATTENDEES': () => ['Niet elke aanwezige is een lid.', 'Not every attendee is a member.'],
  'GATHERING.DUPLICATE_ATTENDEES': () => ['Elke aanwezige maar één keer.', 'Each attendee only once.'],
  'MEMBER.EMAIL_IN_USE': () => [
    'Er is al een lid met dit e-mailadres.',
    'A member with this e-mail address exists already.',
  ],
  'CONCURRENCY.CONFLICT': () => [
    'Tegelijk werd hier iets anders vastgelegd; probeer het opnieuw.',
    'Something else was recorded here at the same moment; try again.',
  ],
  'STORE.UNAVAILABLE': () => [
    'Even niet beschikbaar; probeer het zo opnieuw (er wordt niets dubbel vastgelegd).',
    'Not available right now; try again shortly (nothing is recorded twice).',
  ],
};

/**
 * The field a refusal is about, where a form has it: the refusal is shown under it.
 * @type {Record<string, string>}
 */
export const REFUSAL_FIELDS = {
  'DOETANK.PROPOSER_NOT_ACTIVE': 'proposedBy',
  'DOETANK.COACH_NOT_ACTIVE': 'coachId',
  'DOETANK.COACH_ALREADY_ASSIGNED': 'coachId',
  'GATHERING.MEMBER_NOT_ACTIVE': 'memberId',
  'GATHERING.ALREADY_REGISTERED': 'memberId',
  'GATHERING.NOT_YET_HELD': 'occurredAt',
  'GATHERING.UNKNOWN_ATTENDEES': 'attendees',
  'GATHERING.DUPLICATE_ATTENDEES': 'attendees',
  'MEMBER.EMAIL_IN_USE': 'email',
};

/** @param {0 | 1} side */
const problems = (side) => ({
  problems: {
    .../** @type {Record<keyof ASKED, string>} */ (sideOf(ASKED, side)),
    rules: sideOfTexts(RULES, side),
    refusals: sideOfTexts(REFUSALS, side),
  },
});

export const problemsNl = problems(0);
export const problemsEn = problems(1);
