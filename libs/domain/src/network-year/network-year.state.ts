import type { NetworkYearEditorialEvent, Theme } from '@app/contracts';

/** A Doetank that adopted one of the year's themes. */
export interface ThemeAdoption {
  themeId: string;
  doetankId: string;
}

export interface StrategicPartner {
  organisation: string;
  description?: string;
}

export interface Supporter {
  supporterId: string;
  name: string;
  affiliation?: string;
}

/**
 * A network year (stream `network-<year>`): `none` until anything was recorded for it. A year has no lifecycle,
 * so `recorded` is its only other status.
 */
export type NetworkYearState =
  | { status: 'none' }
  | {
      status: 'recorded';
      year: number;
      themes: readonly Theme[];
      adoptions: readonly ThemeAdoption[];
      partners: readonly StrategicPartner[];
      supporters: readonly Supporter[];
      /** The last editorial event per subject (`foreword`, `programme:<id>`, `result:<id>`, `community:<name>:<date>`). */
      editorial: Readonly<Record<string, NetworkYearEditorialEvent['data']>>;
    };

export type RecordedNetworkYear = Extract<NetworkYearState, { status: 'recorded' }>;

/** Whether the year defines the theme (handlers fill `context.themeDefined` with it). */
export const isThemeDefined = (state: NetworkYearState, themeId: string): boolean =>
  state.status === 'recorded' && state.themes.some((theme) => theme.themeId === themeId);

/** The Doetanks that adopted a theme of this year. */
export const doetanksWithTheme = (state: NetworkYearState, themeId: string): string[] =>
  state.status === 'recorded'
    ? state.adoptions.filter((adoption) => adoption.themeId === themeId).map((adoption) => adoption.doetankId)
    : [];
