import type { NetworkYearEvent, Theme } from '@app/contracts';
import { CommandContextError } from '../shared/command-context-error';
import { deciderSpec } from '../testing';
import type { NetworkYearCommand } from './network-year.commands';
import { networkYearDecider } from './network-year.decider';
import { doetanksWithTheme, isThemeDefined } from './network-year.state';

const spec = deciderSpec(networkYearDecider);
let sequence = 0;

/** Each test gets its own year (and so its own stream) and its own Doetank ids. */
const aYear = () => {
  sequence += 1;
  const year = 2012 + (sequence % 80);
  const theme = (slug: string, title = `Thema ${slug}`): Theme => ({ themeId: `${year}-${slug}`, title });
  const themes = [theme('open-data'), theme('minder-regels'), theme('burgerkracht')];
  const doetankA = `doetank-a-${sequence}`;
  const doetankB = `doetank-b-${sequence}`;

  const defined = (list: Theme[] = themes): NetworkYearEvent => ({
    type: 'YearThemesDefined',
    data: { year, themes: list },
  });
  const adopted = (themeId: string, doetankId: string): NetworkYearEvent => ({
    type: 'ThemeAdoptedByDoetank',
    data: { year, themeId, doetankId },
  });
  const command = {
    define: (list: Theme[] = themes, forYear = year): NetworkYearCommand => ({
      type: 'DefineYearThemes',
      data: { year: forYear, themes: list },
    }),
    adopt: (themeId: string, doetankId: string): NetworkYearCommand => ({
      type: 'AdoptTheme',
      data: { year, themeId, doetankId },
    }),
    appoint: (organisation = 'KING', description?: string): NetworkYearCommand => ({
      type: 'AppointStrategicPartner',
      data: { year, organisation, ...(description !== undefined && { description }) },
    }),
    addSupporter: (supporterId: string, name: string, affiliation?: string): NetworkYearCommand => ({
      type: 'AddSupporter',
      data: { year, supporterId, name, ...(affiliation !== undefined && { affiliation }) },
    }),
  };
  return { year, theme, themes, doetankA, doetankB, defined, adopted, command };
};

describe('Network year', () => {
  describe('defining the themes of the year', () => {
    it('records the themes of a new year', () => {
      const y = aYear();
      const state = spec.given([]).when(y.command.define()).then([y.defined()]);
      expect(isThemeDefined(state, y.themes[0].themeId)).toBe(true);
    });

    it.each([1999, 2101, 2013.5])('refuses the year %p', (year) => {
      spec
        .given([])
        .when({ type: 'DefineYearThemes', data: { year, themes: [] } })
        .thenThrows('NETWORK.YEAR_OUT_OF_RANGE');
    });

    it('refuses a theme of another year', () => {
      const y = aYear();
      const error = spec
        .given([])
        .when(y.command.define([...y.themes, { themeId: `${y.year - 1}-oud`, title: 'Oud' }]))
        .thenThrows('NETWORK.THEME_OF_OTHER_YEAR');
      expect(error.params).toEqual({ year: y.year, themeIds: [`${y.year - 1}-oud`] });
    });

    it('refuses a theme id listed twice', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.define([y.theme('open-data'), y.theme('open-data', 'Open data, nogmaals')]))
        .thenThrows('NETWORK.DUPLICATE_THEME');
    });

    it('refuses a theme without a title', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.define([y.theme('leeg', ' ')]))
        .thenThrows('NETWORK.THEME_TITLE_REQUIRED');
    });

    it('replaces the list, removing themes no Doetank adopted', () => {
      const y = aYear();
      const smaller = [y.themes[0]];
      const state = spec
        .given([y.defined()])
        .when(y.command.define(smaller))
        .then([y.defined(smaller)]);
      expect(isThemeDefined(state, y.themes[1].themeId)).toBe(false);
    });

    it('keeps an adopted theme when it is in the new list, even renamed', () => {
      const y = aYear();
      const renamed = [y.theme('open-data', 'Open overheidsdata')];
      spec
        .given([y.defined(), y.adopted(y.themes[0].themeId, y.doetankA)])
        .when(y.command.define(renamed))
        .then([y.defined(renamed)]);
    });

    it('refuses to remove a theme that Doetanks adopted, naming them', () => {
      const y = aYear();
      const error = spec
        .given([
          y.defined(),
          y.adopted(y.themes[1].themeId, y.doetankA),
          y.adopted(y.themes[1].themeId, y.doetankB),
        ])
        .when(y.command.define([y.themes[0]]))
        .thenThrows('NETWORK.THEME_IN_USE');
      expect(error.params).toEqual({
        year: y.year,
        themes: [{ themeId: y.themes[1].themeId, doetankIds: [y.doetankA, y.doetankB] }],
      });
      expect(error.message).toContain(y.doetankA);
    });

    it('records nothing when the same list is defined again', () => {
      const y = aYear();
      spec.given([y.defined()]).when(y.command.define()).then([]);
    });

    it('does not decide a command for another year on this stream', () => {
      const y = aYear();
      const state = networkYearDecider.evolve(networkYearDecider.initialState, y.defined());
      expect(() => networkYearDecider.decide(y.command.define([], y.year + 1), state)).toThrow(
        CommandContextError,
      );
    });
  });

  describe('adopting a theme', () => {
    it('records that a Doetank adopted a theme of the year', () => {
      const y = aYear();
      const state = spec
        .given([y.defined()])
        .when(y.command.adopt(y.themes[0].themeId, y.doetankA))
        .then([y.adopted(y.themes[0].themeId, y.doetankA)]);
      expect(doetanksWithTheme(state, y.themes[0].themeId)).toEqual([y.doetankA]);
    });

    it('records nothing when the same Doetank adopts it again', () => {
      const y = aYear();
      spec
        .given([y.defined(), y.adopted(y.themes[0].themeId, y.doetankA)])
        .when(y.command.adopt(y.themes[0].themeId, y.doetankA))
        .then([]);
    });

    it('lets a second Doetank adopt the same theme', () => {
      const y = aYear();
      spec
        .given([y.defined(), y.adopted(y.themes[0].themeId, y.doetankA)])
        .when(y.command.adopt(y.themes[0].themeId, y.doetankB))
        .then([y.adopted(y.themes[0].themeId, y.doetankB)]);
    });

    it('refuses a theme the year does not define', () => {
      const y = aYear();
      const error = spec
        .given([y.defined()])
        .when(y.command.adopt(`${y.year}-onbekend`, y.doetankA))
        .thenThrows('NETWORK.UNKNOWN_THEME');
      expect(error.category).toBe('not-found');
    });

    it('refuses a theme before any theme was defined', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.adopt(y.themes[0].themeId, y.doetankA))
        .thenThrows('NETWORK.UNKNOWN_THEME');
    });

    it('refuses a theme of another year', () => {
      const y = aYear();
      spec
        .given([y.defined()])
        .when(y.command.adopt(`${y.year + 1}-open-data`, y.doetankA))
        .thenThrows('NETWORK.THEME_OF_OTHER_YEAR');
    });
  });

  describe('appointing a strategic partner', () => {
    it('records the partner of the year', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.appoint('KING', 'Kwaliteitsinstituut Nederlandse Gemeenten'))
        .then([
          {
            type: 'StrategicPartnerAppointed',
            data: {
              year: y.year,
              organisation: 'KING',
              description: 'Kwaliteitsinstituut Nederlandse Gemeenten',
            },
          },
        ]);
    });

    it('refuses a partner without an organisation', () => {
      const y = aYear();
      spec.given([]).when(y.command.appoint('  ')).thenThrows('NETWORK.PARTNER_ORGANISATION_REQUIRED');
    });

    it('refuses the same organisation twice in one year, whatever its spelling', () => {
      const y = aYear();
      spec
        .given([{ type: 'StrategicPartnerAppointed', data: { year: y.year, organisation: 'KING' } }])
        .when(y.command.appoint(' king '))
        .thenThrows('NETWORK.PARTNER_ALREADY_APPOINTED');
    });
  });

  describe('adding a supporter', () => {
    const supporterAdded = (year: number, supporterId: string, name: string): NetworkYearEvent => ({
      type: 'SupporterAdded',
      data: { year, supporterId, name },
    });

    it('records a supporter of the year', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.addSupporter('supporter-1', 'Jan Jansen', 'Ministerie van BZK'))
        .then([
          {
            type: 'SupporterAdded',
            data: {
              year: y.year,
              supporterId: 'supporter-1',
              name: 'Jan Jansen',
              affiliation: 'Ministerie van BZK',
            },
          },
        ]);
    });

    it('refuses a supporter without a name', () => {
      const y = aYear();
      spec
        .given([])
        .when(y.command.addSupporter('supporter-1', ''))
        .thenThrows('NETWORK.SUPPORTER_NAME_REQUIRED');
    });

    it('refuses a supporter id that is already used', () => {
      const y = aYear();
      spec
        .given([supporterAdded(y.year, 'supporter-1', 'Jan Jansen')])
        .when(y.command.addSupporter('supporter-1', 'Piet Pietersen'))
        .thenThrows('NETWORK.DUPLICATE_SUPPORTER');
    });

    it('refuses the same name twice', () => {
      const y = aYear();
      const error = spec
        .given([supporterAdded(y.year, 'supporter-1', 'Jan Jansen')])
        .when(y.command.addSupporter('supporter-2', 'jan  jansen'))
        .thenThrows('NETWORK.SUPPORTER_ALREADY_ADDED');
      expect(error.params).toMatchObject({ supporterId: 'supporter-1' });
    });
  });
});
