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
import type { Recording } from '../shared/decider';

export type DefineYearThemes = Recording<'DefineYearThemes', YearThemesDefined>;

/** Issued by the ProposeDoetank handler before the Doetank is proposed with a theme. */
export type AdoptTheme = Recording<'AdoptTheme', ThemeAdoptedByDoetank>;

export type AppointStrategicPartner = Recording<'AppointStrategicPartner', StrategicPartnerAppointed>;

export type AddSupporter = Recording<'AddSupporter', SupporterAdded>;

export type WriteForeword = Recording<'WriteForeword', YearForewordWritten>;

export type DescribeProgramme = Recording<'DescribeProgramme', ProgrammeDescribed>;

export type PublishNetworkResult = Recording<'PublishNetworkResult', NetworkResultPublished>;

export type MeasureCommunitySize = Recording<'MeasureCommunitySize', CommunitySizeMeasured>;

/** The editorial commands of a year: what the report tells beside the figures. */
export type NetworkYearEditorialCommand =
  WriteForeword | DescribeProgramme | PublishNetworkResult | MeasureCommunitySize;

export type NetworkYearCommand =
  DefineYearThemes | AdoptTheme | AppointStrategicPartner | AddSupporter | NetworkYearEditorialCommand;
