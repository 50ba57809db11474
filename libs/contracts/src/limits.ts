/**
 * Size limits of what the HTTP API accepts. The DTOs validate against them and document them in OpenAPI; a client
 * or a form can import them to check input before sending it.
 */
export const LIMITS = {
  /** Person names, venue, city, speaker, contact name, supporter name and affiliation. */
  name: 200,
  /** Titles of Doetanks, results, gatherings, programme items, themes and discussions. */
  title: 200,
  organisation: 200,
  /** Problem statements, lessons and conclusions. */
  longText: 5000,
  /** Descriptions of themes and strategic partnerships. */
  description: 2000,
  /** Reasons for leaving, forgetting, stopping or cancelling. */
  reason: 1000,
  url: 2000,
  /**
   * class-validator's `IsEmail` already refuses addresses over 254 characters (the SMTP path limit), so that is the
   * real limit; documenting 320 (64 + 1 + 255) would promise something the validator never accepts.
   */
  email: 254,
  themeId: 100,
  /** Largest gathering capacity (and so far beyond a Grand Café of about 100 people). */
  capacity: 100_000,
  attendees: 10_000,
  themesPerYear: 20,
} as const;
