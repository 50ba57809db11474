export interface Theme {
  /** Stable id, unique across years, e.g. `2013-open-overheidsdata`. */
  themeId: string;
  title: string;
  description?: string;
}

export interface YearThemesDefined {
  type: 'YearThemesDefined';
  /** The complete list of themes of the year after this event (a redefinition replaces the list). */
  data: { year: number; themes: Theme[] };
}

/** Recorded in the year's stream when a Doetank adopts one of its themes, so the theme cannot be removed. */
export interface ThemeAdoptedByDoetank {
  type: 'ThemeAdoptedByDoetank';
  data: { year: number; themeId: string; doetankId: string };
}

export interface StrategicPartnerAppointed {
  type: 'StrategicPartnerAppointed';
  data: { year: number; organisation: string; description?: string };
}

export interface SupporterAdded {
  type: 'SupporterAdded';
  data: { year: number; supporterId: string; name: string; affiliation?: string };
}

export type NetworkYearEvent =
  YearThemesDefined | ThemeAdoptedByDoetank | StrategicPartnerAppointed | SupporterAdded;
