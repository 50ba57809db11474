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

/** Someone who signs or makes something for the network, as they want to be named (not necessarily a member). */
export interface Credit {
  name: string;
  /** Their role or position, e.g. "coördinator Slimmernetwerk" or "filmmaker". */
  role?: string;
}

/** The foreword of a year's report; a later foreword replaces the earlier one. */
export interface YearForewordWritten {
  type: 'YearForewordWritten';
  data: { year: number; text: string; signedBy: Credit };
}

/** An organisation of the consortium that carries the programme. */
export interface ConsortiumMember {
  organisation: string;
  role?: string;
}

/**
 * The programme the network is part of (its name, goals, consortium and funder), recorded on the stream of the
 * year it was announced; a later description of the same programme replaces the earlier one.
 */
export interface ProgrammeDescribed {
  type: 'ProgrammeDescribed';
  data: {
    year: number;
    programmeId: string;
    name: string;
    goals: string[];
    consortium: ConsortiumMember[];
    /** Who pays, and through which scheme (e.g. "Beter Werken in het Openbaar Bestuur"). */
    funder: { organisation: string; scheme?: string };
    /** Business date of the announcement (`YYYY-MM-DD`). */
    announcedOn: string;
    /** True when the record is a reconstruction with invented detail (the demo year), so readers are told. */
    reconstruction?: boolean;
  };
}

/** A result of the network as a whole (not of a Doetank), such as a film, with the people who made it. */
export interface NetworkResultPublished {
  type: 'NetworkResultPublished';
  data: {
    year: number;
    resultId: string;
    title: string;
    kind: 'film' | 'publication' | 'website' | 'other';
    description?: string;
    link?: string;
    makers: Credit[];
    /** Business date it was published or first shown (`YYYY-MM-DD`). */
    publishedOn: string;
  };
}

/** The size of a community around the network (e.g. its LinkedIn group) on a day: distinct from registered members. */
export interface CommunitySizeMeasured {
  type: 'CommunitySizeMeasured';
  data: {
    year: number;
    /** The community's name, e.g. "LinkedIn-groep Slimmernetwerk". */
    community: string;
    size: number;
    /** True when the size is approximate ("about 3,000"). */
    approximate: boolean;
    /** Business date of the count (`YYYY-MM-DD`). */
    measuredOn: string;
    link?: string;
  };
}

/** The editorial events of a network year: what the report tells beside the figures, not activity in the network. */
export type NetworkYearEditorialEvent =
  YearForewordWritten | ProgrammeDescribed | NetworkResultPublished | CommunitySizeMeasured;

export type NetworkYearEvent =
  | YearThemesDefined
  | ThemeAdoptedByDoetank
  | StrategicPartnerAppointed
  | SupporterAdded
  | NetworkYearEditorialEvent;
