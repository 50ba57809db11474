import type { Theme } from '@app/contracts';

export interface DefineYearThemes {
  type: 'DefineYearThemes';
  data: { year: number; themes: Theme[] };
}

/** Issued by the ProposeDoetank handler before the Doetank is proposed with a theme. */
export interface AdoptTheme {
  type: 'AdoptTheme';
  data: { year: number; themeId: string; doetankId: string };
}

export interface AppointStrategicPartner {
  type: 'AppointStrategicPartner';
  data: { year: number; organisation: string; description?: string };
}

export interface AddSupporter {
  type: 'AddSupporter';
  data: { year: number; supporterId: string; name: string; affiliation?: string };
}

export type NetworkYearCommand = DefineYearThemes | AdoptTheme | AppointStrategicPartner | AddSupporter;
