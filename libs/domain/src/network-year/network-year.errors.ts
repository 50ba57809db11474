import { InvalidCommandError, ReferenceNotFoundError, RuleViolationError } from '../shared/domain-error';

/** Stable codes of network-year refusals. */
export const NetworkYearErrorCode = {
  YEAR_OUT_OF_RANGE: 'NETWORK.YEAR_OUT_OF_RANGE',
  THEME_OF_OTHER_YEAR: 'NETWORK.THEME_OF_OTHER_YEAR',
  DUPLICATE_THEME: 'NETWORK.DUPLICATE_THEME',
  THEME_TITLE_REQUIRED: 'NETWORK.THEME_TITLE_REQUIRED',
  THEME_IN_USE: 'NETWORK.THEME_IN_USE',
  UNKNOWN_THEME: 'NETWORK.UNKNOWN_THEME',
  PARTNER_ORGANISATION_REQUIRED: 'NETWORK.PARTNER_ORGANISATION_REQUIRED',
  PARTNER_ALREADY_APPOINTED: 'NETWORK.PARTNER_ALREADY_APPOINTED',
  SUPPORTER_NAME_REQUIRED: 'NETWORK.SUPPORTER_NAME_REQUIRED',
  DUPLICATE_SUPPORTER: 'NETWORK.DUPLICATE_SUPPORTER',
  SUPPORTER_ALREADY_ADDED: 'NETWORK.SUPPORTER_ALREADY_ADDED',
} as const;

type Code = typeof NetworkYearErrorCode;
export type InvalidNetworkYearCommandCode =
  | Code['YEAR_OUT_OF_RANGE']
  | Code['THEME_OF_OTHER_YEAR']
  | Code['DUPLICATE_THEME']
  | Code['THEME_TITLE_REQUIRED']
  | Code['PARTNER_ORGANISATION_REQUIRED']
  | Code['SUPPORTER_NAME_REQUIRED'];

/** A network-year command with input only the domain can judge (year, theme ids and titles, names). */
export class InvalidNetworkYearCommandError extends InvalidCommandError {
  declare readonly code: InvalidNetworkYearCommandCode;
  constructor(code: InvalidNetworkYearCommandCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** A redefinition of the year's themes would remove themes that Doetanks adopted. */
export class ThemeInUseError extends RuleViolationError {
  declare readonly code: Code['THEME_IN_USE'];
  constructor(year: number, inUse: readonly { themeId: string; doetankIds: readonly string[] }[]) {
    super(
      NetworkYearErrorCode.THEME_IN_USE,
      `Themes of ${year} that Doetanks adopted cannot be removed: ${inUse
        .map(({ themeId, doetankIds }) => `${themeId} (Doetanks ${doetankIds.join(', ')})`)
        .join('; ')}`,
      { year, themes: inUse.map(({ themeId, doetankIds }) => ({ themeId, doetankIds: [...doetankIds] })) },
    );
  }
}

/** AdoptTheme with a theme the year does not define. */
export class UnknownThemeError extends ReferenceNotFoundError {
  declare readonly code: Code['UNKNOWN_THEME'];
  constructor(year: number, themeId: string) {
    super(NetworkYearErrorCode.UNKNOWN_THEME, `Theme ${themeId} is not one of the themes of ${year}`, {
      year,
      themeId,
    });
  }
}

/** The organisation is already the year's strategic partner. */
export class PartnerAlreadyAppointedError extends RuleViolationError {
  declare readonly code: Code['PARTNER_ALREADY_APPOINTED'];
  constructor(year: number, organisation: string) {
    super(
      NetworkYearErrorCode.PARTNER_ALREADY_APPOINTED,
      `${organisation} is already a strategic partner of ${year}`,
      { year, organisation },
    );
  }
}

/** AddSupporter with a supporter id the year already used. */
export class DuplicateSupporterError extends RuleViolationError {
  declare readonly code: Code['DUPLICATE_SUPPORTER'];
  constructor(year: number, supporterId: string) {
    super(NetworkYearErrorCode.DUPLICATE_SUPPORTER, `Supporter ${supporterId} of ${year} already exists`, {
      year,
      supporterId,
    });
  }
}

/** AddSupporter with the name of someone who already supports the year. */
export class SupporterAlreadyAddedError extends RuleViolationError {
  declare readonly code: Code['SUPPORTER_ALREADY_ADDED'];
  constructor(year: number, name: string, existingSupporterId: string) {
    super(
      NetworkYearErrorCode.SUPPORTER_ALREADY_ADDED,
      `${name} already supports ${year} (supporter ${existingSupporterId})`,
      { year, name, supporterId: existingSupporterId },
    );
  }
}
