import { invalid, notFound, rule, type ErrorTable } from '../shared/domain-error';

type Year = { year: number };

/** Refusals of the network-year decider. */
export const networkYearErrors = {
  'NETWORK.YEAR_OUT_OF_RANGE': invalid(
    (p: Year & { first: number; last: number }) => `Year ${p.year} is not between ${p.first} and ${p.last}`,
  ),
  /** Theme ids start with their year (`2013-open-data`). */
  'NETWORK.THEME_OF_OTHER_YEAR': invalid(
    (p: Year & { themeIds: readonly string[] }) =>
      `Themes belong to one year: the ids of themes of ${p.year} start with "${p.year}-", unlike ${p.themeIds.join(', ')}`,
  ),
  'NETWORK.DUPLICATE_THEME': invalid(
    (p: Year & { themeIds: readonly string[] }) =>
      `Theme ids of ${p.year} must be unique; listed more than once: ${p.themeIds.join(', ')}`,
  ),
  'NETWORK.THEME_TITLE_REQUIRED': invalid(
    (p: Year & { themeIds: readonly string[] }) =>
      `Every theme needs a title; these have none: ${p.themeIds.join(', ')}`,
  ),
  /** A redefinition of the year's themes would remove themes that Doetanks adopted. */
  'NETWORK.THEME_IN_USE': rule(
    (p: Year & { themes: readonly { themeId: string; doetankIds: readonly string[] }[] }) =>
      `Themes of ${p.year} that Doetanks adopted cannot be removed: ${p.themes
        .map(({ themeId, doetankIds }) => `${themeId} (Doetanks ${doetankIds.join(', ')})`)
        .join('; ')}`,
  ),
  /** AdoptTheme with a theme the year does not define. */
  'NETWORK.UNKNOWN_THEME': notFound(
    (p: Year & { themeId: string }) => `Theme ${p.themeId} is not one of the themes of ${p.year}`,
  ),
  'NETWORK.PARTNER_ORGANISATION_REQUIRED': invalid(
    (p: Year) => `A strategic partner of ${p.year} needs an organisation`,
  ),
  'NETWORK.PARTNER_ALREADY_APPOINTED': rule(
    (p: Year & { organisation: string }) => `${p.organisation} is already a strategic partner of ${p.year}`,
  ),
  'NETWORK.SUPPORTER_NAME_REQUIRED': invalid(
    (p: Year & { supporterId: string }) => `Supporter ${p.supporterId} of ${p.year} needs a name`,
  ),
  'NETWORK.DUPLICATE_SUPPORTER': rule(
    (p: Year & { supporterId: string }) => `Supporter ${p.supporterId} of ${p.year} already exists`,
  ),
  /** AddSupporter with the name of someone who already supports the year. */
  'NETWORK.SUPPORTER_ALREADY_ADDED': rule(
    (p: Year & { name: string; supporterId: string }) =>
      `${p.name} already supports ${p.year} (supporter ${p.supporterId})`,
  ),
  /** An editorial command without a text it needs (`field` names it). */
  'NETWORK.TEXT_REQUIRED': invalid((p: Year & { field: string }) => `${p.field} of ${p.year} needs a text`),
  /** A date of an editorial record outside the year of its stream, or not a calendar date. */
  'NETWORK.DATE_OUTSIDE_YEAR': invalid(
    (p: Year & { field: string; date: string }) =>
      `${p.field} must be a date (YYYY-MM-DD) in ${p.year}, not ${JSON.stringify(p.date)}`,
  ),
  'NETWORK.LINK_INVALID': invalid(
    (p: Year & { link: string }) => `The link ${JSON.stringify(p.link)} is not an http(s) URL`,
  ),
  'NETWORK.CONSORTIUM_REQUIRED': invalid(
    (p: Year & { programmeId: string }) => `Programme ${p.programmeId} needs at least one consortium member`,
  ),
  'NETWORK.DUPLICATE_CONSORTIUM_MEMBER': invalid(
    (p: Year & { organisations: readonly string[] }) =>
      `A consortium lists each organisation once; listed more than once: ${p.organisations.join(', ')}`,
  ),
  'NETWORK.MAKER_REQUIRED': invalid(
    (p: Year & { resultId: string }) => `Network result ${p.resultId} needs at least one maker with a name`,
  ),
  /** The result id was used for another result (a different title). */
  'NETWORK.DUPLICATE_RESULT': rule(
    (p: Year & { resultId: string }) => `Network result ${p.resultId} of ${p.year} already exists`,
  ),
  'NETWORK.COMMUNITY_SIZE_INVALID': invalid(
    (p: Year & { size: unknown }) =>
      `A community's size is a whole number of 0 or more, not ${String(p.size)}`,
  ),
} as const satisfies ErrorTable;
