/**
 * The texts of signing in and out with the identity provider (`sign-in.js`), in Dutch and English; `i18n.js`
 * spreads them into every language's texts.
 */

export const signInNl = {
  signIn: 'Aanmelden',
  signOut: 'Afmelden',
  signedIn: 'U bent aangemeld.',
  signInOr: 'Of:',
  signInWithProvider: 'Aanmelden bij uw organisatie',
  signInErrors: {
    notStarted:
      'Aanmelden mislukt: deze aanmelding is niet in dit tabblad begonnen, of te lang geleden. Probeer het opnieuw.',
    state: 'Aanmelden geweigerd: het antwoord hoort niet bij de aanmelding die deze pagina begon.',
    declined: 'Aanmelden afgebroken: u gaf geen toestemming.',
    failed: 'Aanmelden mislukt. Probeer het opnieuw, of geef een token.',
    token: 'Aanmelden mislukt: de identiteitsprovider gaf geen token.',
    idToken: 'Aanmelden geweigerd: het identiteitsbewijs hoort niet bij deze aanmelding.',
  },
};

/** @type {typeof signInNl} */
export const signInEn = {
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedIn: 'You are signed in.',
  signInOr: 'Or:',
  signInWithProvider: 'Sign in with your organisation',
  signInErrors: {
    notStarted: 'Sign-in failed: it was not started in this tab, or too long ago. Please try again.',
    state: 'Sign-in refused: the answer does not belong to the sign-in this page started.',
    declined: 'Sign-in cancelled: you did not give consent.',
    failed: 'Sign-in failed. Try again, or give a token.',
    token: 'Sign-in failed: the identity provider gave no token.',
    idToken: 'Sign-in refused: the identity token does not belong to this sign-in.',
  },
};
