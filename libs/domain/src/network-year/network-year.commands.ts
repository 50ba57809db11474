import type {
  CommunitySizeMeasured,
  NetworkResultPublished,
  ProgrammeDescribed,
  YearForewordWritten,
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

export interface WriteForeword {
  type: 'WriteForeword';
  data: YearForewordWritten['data'];
}

export interface DescribeProgramme {
  type: 'DescribeProgramme';
  data: ProgrammeDescribed['data'];
}

export interface PublishNetworkResult {
  type: 'PublishNetworkResult';
  data: NetworkResultPublished['data'];
}

export interface MeasureCommunitySize {
  type: 'MeasureCommunitySize';
  data: CommunitySizeMeasured['data'];
}

/** The editorial commands of a year: what the report tells beside the figures. */
export type NetworkYearEditorialCommand =
  WriteForeword | DescribeProgramme | PublishNetworkResult | MeasureCommunitySize;

export type NetworkYearCommand =
  DefineYearThemes | AdoptTheme | AppointStrategicPartner | AddSupporter | NetworkYearEditorialCommand;
