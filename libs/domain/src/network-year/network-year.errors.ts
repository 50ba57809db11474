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
} as const satisfies ErrorTable;
