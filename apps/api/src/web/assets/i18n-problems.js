/**
 * The page's own words for the API's validation refusals (a 400's `fields`: a field and the rule it broke), in
 * Dutch and English side by side; `i18n.js` spreads them into every language's texts. A rule not named here shows
 * the API's own (English) message. `n` is the number the API's message gives (a length, a limit, a year), '' when
 * it gives none.
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
 * The rules (class-validator's constraint names, and the API's own), each in both languages.
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

/** @param {0 | 1} side */
const problems = (side) => ({
  problems: {
    .../** @type {Record<keyof ASKED, string>} */ (sideOf(ASKED, side)),
    rules: sideOfTexts(RULES, side),
  },
});

export const problemsNl = problems(0);
export const problemsEn = problems(1);
