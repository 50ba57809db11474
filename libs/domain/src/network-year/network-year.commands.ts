import type {
  StrategicPartnerAppointed,
  SupporterAdded,
  ThemeAdoptedByDoetank,
  YearThemesDefined,
} from '@app/contracts';

export interface DefineYearThemes {
  type: 'DefineYearThemes';
  data: YearThemesDefined['data'];
}

/** Issued by the ProposeDoetank handler before the Doetank is proposed with a theme. */
export interface AdoptTheme {
  type: 'AdoptTheme';
  data: ThemeAdoptedByDoetank['data'];
}

export interface AppointStrategicPartner {
  type: 'AppointStrategicPartner';
  data: StrategicPartnerAppointed['data'];
}

export interface AddSupporter {
  type: 'AddSupporter';
  data: SupporterAdded['data'];
}

export type NetworkYearCommand = DefineYearThemes | AdoptTheme | AppointStrategicPartner | AddSupporter;
