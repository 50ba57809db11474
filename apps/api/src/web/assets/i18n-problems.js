/**
 * The page's own words for the API's validation refusals (a 400's `fields`: a field and the rule it broke), in
 * Dutch and English; `i18n.js` spreads them into every language's texts. A rule not named here shows the API's
 * own (English) message. `n` is the number the API's message gives (a length, a limit), '' when it gives none.
 */

/** @typedef {(n: string) => string} RuleText */

export const problemsNl = {
  problems: {
    required: 'Vul dit veld in.',
    chooseMember: 'Kies een lid uit de suggesties.',
    chooseMembers: 'Kies de leden uit de suggesties.',
    chooseOne: 'Kies een van de mogelijkheden.',
    /** @type {Record<string, RuleText>} */
    rules: {
      isNotEmpty: () => 'Vul dit veld in.',
      isNotBlank: () => 'Vul dit veld in; alleen spaties of onzichtbare tekens tellen niet.',
      isString: () => 'Vul hier tekst in.',
      maxLength: (n) => (n ? `Te lang: ten hoogste ${n} tekens.` : 'Te lang.'),
      isEmail: () => 'Dit is geen geldig e-mailadres.',
      isUrl: () => 'Dit is geen geldige link (begin met http:// of https://).',
      isIn: () => 'Kies een van de mogelijkheden.',
      isInt: () => 'Vul een heel getal in.',
      min: (n) => (n ? `Ten minste ${n}.` : 'Te klein.'),
      max: (n) => (n ? `Ten hoogste ${n}.` : 'Te groot.'),
      arrayMaxSize: (n) => (n ? `Ten hoogste ${n}.` : 'Te veel.'),
      arrayUnique: () => 'Elk lid maar één keer.',
      isIso8601: () => 'Geen geldige datum en tijd.',
      isRFC3339: () => 'Geen geldige datum en tijd.',
      isNotBeforeTheNetwork: (n) => `Niet vóór 1 januari ${n || '2000'}, het eerste jaar van het netwerk.`,
      hasNoControlCharacters: () => 'Bevat een stuurteken; typ de tekst opnieuw.',
      hasNoLoneSurrogates: () => 'Bevat een ongeldig teken; typ de tekst opnieuw.',
      hasNoBidiControls: () => 'Bevat een onzichtbaar teken; typ het adres opnieuw.',
      hasNoInvisibleCharacters: () => 'Bevat een onzichtbaar teken; typ het adres opnieuw.',
    },
  },
};

/** @type {typeof problemsNl} */
export const problemsEn = {
  problems: {
    required: 'Fill in this field.',
    chooseMember: 'Choose a member from the suggestions.',
    chooseMembers: 'Choose the members from the suggestions.',
    chooseOne: 'Choose one of the options.',
    rules: {
      isNotEmpty: () => 'Fill in this field.',
      isNotBlank: () => 'Fill in this field; only spaces or invisible characters do not count.',
      isString: () => 'Enter text here.',
      maxLength: (n) => (n ? `Too long: at most ${n} characters.` : 'Too long.'),
      isEmail: () => 'This is not a valid e-mail address.',
      isUrl: () => 'This is not a valid link (start with http:// or https://).',
      isIn: () => 'Choose one of the options.',
      isInt: () => 'Enter a whole number.',
      min: (n) => (n ? `At least ${n}.` : 'Too small.'),
      max: (n) => (n ? `At most ${n}.` : 'Too large.'),
      arrayMaxSize: (n) => (n ? `At most ${n}.` : 'Too many.'),
      arrayUnique: () => 'Each member only once.',
      isIso8601: () => 'Not a valid date and time.',
      isRFC3339: () => 'Not a valid date and time.',
      isNotBeforeTheNetwork: (n) => `Not before 1 January ${n || '2000'}, the network's first year.`,
      hasNoControlCharacters: () => 'Contains a control character; type the text again.',
      hasNoLoneSurrogates: () => 'Contains an invalid character; type the text again.',
      hasNoBidiControls: () => 'Contains an invisible character; type the address again.',
      hasNoInvisibleCharacters: () => 'Contains an invisible character; type the address again.',
    },
  },
};
