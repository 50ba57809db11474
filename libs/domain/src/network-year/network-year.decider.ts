import type { NetworkYearEvent, Theme } from '@app/contracts';
import { FIRST_NETWORK_YEAR, LAST_NETWORK_YEAR } from '@app/contracts/vocabulary';
import { domainError } from '../domain-errors';
import { CommandContextError } from '../shared/command-context-error';
import { assertNever, decider } from '../shared/decider';
import { duplicatesOf, isBlank, nameKey, optionalText } from '../shared/validation';
import { decideEditorial, editorialSubject } from './network-year-editorial.decider';
import type {
  AddSupporter,
  AdoptTheme,
  AppointStrategicPartner,
  DefineYearThemes,
  NetworkYearCommand,
} from './network-year.commands';
import {
  doetanksWithTheme,
  isThemeDefined,
  type NetworkYearState,
  type RecordedNetworkYear,
} from './network-year.state';

/** A network-year stream before anything was recorded for the year. */
export const initialNetworkYearState: NetworkYearState = { status: 'none' };

const emptyYear = (year: number): RecordedNetworkYear => ({
  status: 'recorded',
  year,
  themes: [],
  adoptions: [],
  partners: [],
  supporters: [],
  editorial: {},
});

/** Checks the year and returns the year's state, empty if nothing was recorded yet. */
const requireYear = (command: NetworkYearCommand, state: NetworkYearState): RecordedNetworkYear => {
  const { year } = command.data;
  if (!Number.isInteger(year) || year < FIRST_NETWORK_YEAR || year > LAST_NETWORK_YEAR) {
    throw domainError('NETWORK.YEAR_OUT_OF_RANGE', {
      year,
      first: FIRST_NETWORK_YEAR,
      last: LAST_NETWORK_YEAR,
    });
  }
  if (state.status === 'none') return emptyYear(year);
  if (state.year !== year) {
    throw new CommandContextError(
      command.type,
      `a command for ${year} was decided on the stream of ${state.year}`,
    );
  }
  return state;
};

const requireThemesOfYear = (year: number, themeIds: readonly string[]): void => {
  const foreign = themeIds.filter(
    (themeId) => typeof themeId !== 'string' || !themeId.startsWith(`${year}-`),
  );
  if (foreign.length > 0) {
    throw domainError('NETWORK.THEME_OF_OTHER_YEAR', { year, themeIds: foreign });
  }
};

const sameThemes = (a: readonly Theme[], b: readonly Theme[]): boolean =>
  a.length === b.length &&
  a.every(
    (theme, index) =>
      theme.themeId === b[index].themeId &&
      theme.title === b[index].title &&
      theme.description === b[index].description,
  );

const defineThemes = (command: DefineYearThemes, state: NetworkYearState): NetworkYearEvent[] => {
  const networkYear = requireYear(command, state);
  const { year } = command.data;
  const themeIds = command.data.themes.map((theme) => theme.themeId);
  requireThemesOfYear(year, themeIds);
  const duplicates = duplicatesOf(themeIds);
  if (duplicates.length > 0) {
    throw domainError('NETWORK.DUPLICATE_THEME', { year, themeIds: duplicates });
  }
  const untitled = command.data.themes.filter((theme) => isBlank(theme.title)).map((theme) => theme.themeId);
  if (untitled.length > 0) {
    throw domainError('NETWORK.THEME_TITLE_REQUIRED', { year, themeIds: untitled });
  }
  const themes: Theme[] = command.data.themes.map(({ themeId, title, description }) => {
    const text = optionalText(description);
    return { themeId, title: title.trim(), ...(text !== undefined && { description: text }) };
  });
  const removedInUse = networkYear.themes
    .filter((theme) => !themeIds.includes(theme.themeId))
    .map((theme) => ({ themeId: theme.themeId, doetankIds: doetanksWithTheme(networkYear, theme.themeId) }))
    .filter(({ doetankIds }) => doetankIds.length > 0);
  if (removedInUse.length > 0) throw domainError('NETWORK.THEME_IN_USE', { year, themes: removedInUse });
  // Defining the same list again is a retry, not news: nothing to record.
  if (state.status === 'recorded' && sameThemes(themes, networkYear.themes)) return [];
  return [{ type: 'YearThemesDefined', data: { year, themes } }];
};

const adoptTheme = (command: AdoptTheme, state: NetworkYearState): NetworkYearEvent[] => {
  const networkYear = requireYear(command, state);
  const { year, themeId, doetankId } = command.data;
  requireThemesOfYear(year, [themeId]);
  if (!isThemeDefined(networkYear, themeId)) throw domainError('NETWORK.UNKNOWN_THEME', { year, themeId });
  // The ProposeDoetank handler adopts before it proposes; a retry after a crash in between must succeed.
  if (doetanksWithTheme(networkYear, themeId).includes(doetankId)) return [];
  return [{ type: 'ThemeAdoptedByDoetank', data: { year, themeId, doetankId } }];
};

const appointPartner = (command: AppointStrategicPartner, state: NetworkYearState): NetworkYearEvent[] => {
  const networkYear = requireYear(command, state);
  const { year } = command.data;
  if (isBlank(command.data.organisation)) {
    throw domainError('NETWORK.PARTNER_ORGANISATION_REQUIRED', { year });
  }
  const organisation = command.data.organisation.trim();
  if (networkYear.partners.some((partner) => nameKey(partner.organisation) === nameKey(organisation))) {
    throw domainError('NETWORK.PARTNER_ALREADY_APPOINTED', { year, organisation });
  }
  const description = optionalText(command.data.description);
  return [
    {
      type: 'StrategicPartnerAppointed',
      data: { year, organisation, ...(description !== undefined && { description }) },
    },
  ];
};

const addSupporter = (command: AddSupporter, state: NetworkYearState): NetworkYearEvent[] => {
  const networkYear = requireYear(command, state);
  const { year, supporterId } = command.data;
  if (isBlank(command.data.name)) {
    throw domainError('NETWORK.SUPPORTER_NAME_REQUIRED', { year, supporterId });
  }
  const name = command.data.name.trim();
  if (networkYear.supporters.some((supporter) => supporter.supporterId === supporterId)) {
    throw domainError('NETWORK.DUPLICATE_SUPPORTER', { year, supporterId });
  }
  const sameName = networkYear.supporters.find((supporter) => nameKey(supporter.name) === nameKey(name));
  if (sameName) {
    throw domainError('NETWORK.SUPPORTER_ALREADY_ADDED', { year, name, supporterId: sameName.supporterId });
  }
  const affiliation = optionalText(command.data.affiliation);
  return [
    {
      type: 'SupporterAdded',
      data: { year, supporterId, name, ...(affiliation !== undefined && { affiliation }) },
    },
  ];
};

/** Decides what a command means for a network year's stream (`network-<year>`). */
export const decideNetworkYear = (
  command: NetworkYearCommand,
  state: NetworkYearState,
): NetworkYearEvent[] => {
  switch (command.type) {
    case 'DefineYearThemes':
      return defineThemes(command, state);
    case 'AdoptTheme':
      return adoptTheme(command, state);
    case 'AppointStrategicPartner':
      return appointPartner(command, state);
    case 'AddSupporter':
      return addSupporter(command, state);
    case 'WriteForeword':
    case 'DescribeProgramme':
    case 'PublishNetworkResult':
    case 'MeasureCommunitySize':
      return decideEditorial(command, requireYear(command, state));
    default:
      return assertNever(command);
  }
};

/** Applies a network-year event; the first event of the stream brings the year into being. */
export const evolveNetworkYear = (state: NetworkYearState, event: NetworkYearEvent): NetworkYearState => {
  const year = state.status === 'recorded' ? state : emptyYear(event.data.year);
  switch (event.type) {
    case 'YearThemesDefined':
      return { ...year, themes: event.data.themes };
    case 'ThemeAdoptedByDoetank': {
      const { themeId, doetankId } = event.data;
      return { ...year, adoptions: [...year.adoptions, { themeId, doetankId }] };
    }
    case 'StrategicPartnerAppointed': {
      const { year: _year, ...partner } = event.data;
      return { ...year, partners: [...year.partners, partner] };
    }
    case 'SupporterAdded': {
      const { year: _year, ...supporter } = event.data;
      return { ...year, supporters: [...year.supporters, supporter] };
    }
    case 'YearForewordWritten':
    case 'ProgrammeDescribed':
    case 'NetworkResultPublished':
    case 'CommunitySizeMeasured':
      return { ...year, editorial: { ...year.editorial, [editorialSubject(event)]: event.data } };
    default:
      return assertNever(event);
  }
};

/**
 * The network-year decider: one stream per year (`network-<year>`) for themes, partners and supporters. Unordered:
 * a network year is a register of the year's facts, each recorded on its own and often long after the year: none
 * of them depends on the one recorded before it.
 */
export const networkYearDecider = decider(decideNetworkYear, evolveNetworkYear, initialNetworkYearState, {
  unordered: true,
});
