import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { LIMITS } from '@app/contracts';
import { commandRoutes } from '../routes/api-routes';
import { commandExamples, dateTime, examplePath, type Field } from '../testing/command-examples';
import { CommandRequestDto } from './command-request.dto';

/**
 * Every command's request DTO, validated the way the API's ValidationPipe does (whitelist, forbidNonWhitelisted, no
 * implicit conversion). Each command's example (in its folder, `<command>.example.ts`) gives a valid body and the
 * DTO's fields by kind and which are required; the DTO is the type of the route's `@Body()`. Each kind of field
 * brings its own bad values and its own edge values that must still pass.
 */

const EXAMPLES = [...commandExamples().values()];

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const theme = (n: number) => ({ themeId: `2013-thema-${n}`, title: `Thema ${n}` });
const repeat = (length: number) => 'a'.repeat(length);

/** Values of each kind that must be refused, with the reason in the label. */
const BAD: Record<Field['kind'], (field: Field) => Array<[label: string, value: unknown]>> = {
  text: (field) => [
    ['empty', ''],
    ['blank', '   '],
    ['only tabs and newlines', '\t\n\r'],
    ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['a NUL', 'Gemeente\u0000Utrecht'],
    ['an escape sequence', '\u001b[31mGemeente Utrecht'],
    ['a C1 control', 'Gemeente\u0085Utrecht'],
    ['a lone surrogate', 'Gemeente \ud800Utrecht'],
    ['over-long', repeat((field as { max: number }).max + 1)],
    ['a number', 42],
    ['an array', ['Gemeente Utrecht']],
    ['null', null],
  ],
  id: () => [
    ['not a uuid', 'sanne-de-vries'],
    ['a uuid without dashes', 'b3e1c6a24f0d4c8e9a512d7f3e8c9a10'],
    ['upper case', 'B3E1C6A2-4F0D-4C8E-9A51-2D7F3E8C9A10'],
    ['the nil uuid', '00000000-0000-0000-0000-000000000000'],
    ['empty', ''],
    ['a number', 42],
    ['null', null],
  ],
  email: () => [
    ['no domain', 'sanne.devries'],
    ['no domain after @', 'sanne.devries@'],
    ['a display name', 'Sanne de Vries <sanne.devries@utrecht.nl>'],
    ['over-long', `${repeat(64)}@${`${'b'.repeat(60)}.`.repeat(3)}utrecht.nl`],
    ['blank', '   '],
    ['a right-to-left override', 'sanne\u202e@utrecht.nl'],
    ['a zero-width space', 'san\u200bne@utrecht.nl'],
    // validator.js's isEmail threw on it (a 500) before the lone surrogate was checked first.
    ['a lone surrogate', 'sanne\ud800@utrecht.nl'],
    ['a number', 42],
    ['null', null],
  ],
  url: () => [
    ['no protocol', 'www.slimmernetwerk.nl/doetanks'],
    ['ftp', 'ftp://files.slimmernetwerk.nl/business-case.pdf'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials', 'https://sanne:geheim@www.slimmernetwerk.nl/doetanks'],
    ['no top-level domain', 'http://intranet/doetanks'],
    ['over-long', `https://www.slimmernetwerk.nl/${repeat(LIMITS.url)}`],
    ['blank', '   '],
    ['a number', 42],
    ['null', null],
  ],
  enum: () => [
    ['unknown', 'bank'],
    ['differently cased', 'Gemeente'],
    ['empty', ''],
    ['a number', 1],
    ['null', null],
  ],
  dateTime: () => [
    ['an impossible date', '2013-02-29T10:00:00+01:00'],
    ['a date without a time', '2013-11-21'],
    ['a time without seconds', '2013-11-21T15:00+01:00'],
    ['a time without an offset', '2013-11-21T15:00:00'],
    ['a space for T', '2013-11-21 15:00:00+01:00'],
    ['a week date', '2013-W47'],
    ['an ordinal date', '2013-325'],
    ['the basic format', '20131121T150000Z'],
    ['hour 24', '2013-11-21T24:00:00Z'],
    ['a leap second', '2013-11-21T23:59:60Z'],
    ['a Dutch date', '21-11-2013'],
    ['before the network (the year 1000)', '1000-11-21T15:00:00Z'],
    ['words', 'gisteren'],
    ['epoch milliseconds', 1385042400000],
    ['empty', ''],
    ['null', null],
  ],
  themeId: () => [
    ['no year', 'open-overheidsdata'],
    ['upper case', '2013-Open-Overheidsdata'],
    ['spaces', '2013 open overheidsdata'],
    ['a trailing hyphen', '2013-open-'],
    ['over-long', `2013-${repeat(LIMITS.themeId)}`],
    ['empty', ''],
    ['blank', '   '],
    ['a number', 2013],
    ['null', null],
  ],
  revision: () => [
    ['negative', -1],
    ['a fraction', 1.5],
    ['a numeric string', '2'],
    ['null', null],
  ],
  capacity: () => [
    ['zero', 0],
    ['negative', -10],
    ['a fraction', 99.5],
    ['too large', LIMITS.capacity + 1],
    ['a numeric string', '100'],
    ['null', null],
  ],
  attendees: () => [
    ['a string', uuid(1)],
    ['a duplicate', [uuid(1), uuid(1)]],
    ['a bad id', [uuid(1), 'sanne-de-vries']],
    ['an upper-case id', ['B3E1C6A2-4F0D-4C8E-9A51-2D7F3E8C9A10']],
    ['a number', [42]],
    ['too many', Array.from({ length: LIMITS.attendees + 1 }, (_, i) => uuid(i))],
    ['null', null],
  ],
  themes: () => [
    ['empty', []],
    ['too many', Array.from({ length: LIMITS.themesPerYear + 1 }, (_, i) => theme(i))],
    ['a duplicate theme id', [theme(1), { ...theme(1), title: 'Nog een keer' }]],
    ['a theme without id', [{ title: 'Open overheidsdata' }]],
    ['a theme with a bad id', [{ themeId: 'Open data', title: 'Open overheidsdata' }]],
    ['a theme with a blank title', [{ themeId: '2013-open-overheidsdata', title: '  ' }]],
    ['a theme with an over-long description', [{ ...theme(1), description: repeat(LIMITS.description + 1) }]],
    ['a theme with an unknown field', [{ ...theme(1), doetankIds: [] }]],
    ['a theme that is a string', ['2013-open-overheidsdata']],
    ['an object', theme(1)],
    ['null', null],
  ],
  reportLinks: () => [
    ['a link without url', [{ title: 'Film' }]],
    ['a javascript link', [{ title: 'Film', url: 'javascript:alert(1)' }]],
    ['a link with a blank title', [{ title: '  ', url: 'https://www.kl.nl/' }]],
    ['a link with an unknown field', [{ title: 'Film', url: 'https://www.kl.nl/', views: 3 }]],
    ['too many', Array.from({ length: 21 }, () => ({ title: 'Film', url: 'https://www.kl.nl/' }))],
    ['a string', 'https://www.kl.nl/'],
    ['null', null],
  ],
  quotes: () => [
    ['a quote without speaker', [{ text: 'Mooi.' }]],
    ['a quote with a blank text', [{ text: ' ', speaker: 'Lucas Lombaers' }]],
    ['a quote with an over-long role', [{ text: 'Mooi.', speaker: 'L', role: repeat(LIMITS.name + 1) }]],
    ['too many', Array.from({ length: 21 }, () => ({ text: 'Mooi.', speaker: 'L' }))],
    ['a string', 'Mooi.'],
    ['null', null],
  ],
  credit: () => [
    ['without a name', { role: 'filmmaker' }],
    ['with a blank name', { name: ' ' }],
    ['with an unknown field', { name: 'Robin', email: 'r@example.org' }],
    ['a string', 'Robin de Lange'],
    ['null', null],
  ],
  credits: () => [
    ['empty', []],
    ['a maker without a name', [{ role: 'filmmaker' }]],
    ['too many', Array.from({ length: 21 }, () => ({ name: 'R' }))],
    ['a string', 'Robin de Lange'],
    ['null', null],
  ],
  texts: () => [
    ['a number in it', [42]],
    ['an empty string in it', ['']],
    ['an over-long entry', [repeat(LIMITS.description + 1)]],
    ['too many', Array.from({ length: 21 }, () => 'Doel')],
    ['a string', 'Doel'],
    ['null', null],
  ],
  consortium: () => [
    ['empty', []],
    ['a member without organisation', [{ role: 'penvoerder' }]],
    ['a member with an unknown field', [{ organisation: 'TNO', budget: 1 }]],
    ['a string', 'TNO'],
    ['null', null],
  ],
  funder: () => [
    ['without organisation', { scheme: 'BWOB' }],
    ['with a blank organisation', { organisation: '  ' }],
    ['a string', 'BZK'],
    ['null', null],
  ],
  date: () => [
    ['a time', '2012-12-04T10:00:00Z'],
    ['month 13', '2012-13-01'],
    ['a Dutch date', '4-12-2012'],
    ['a number', 20121204],
    ['null', null],
  ],
  count: () => [
    ['negative', -1],
    ['a fraction', 2.5],
    ['too large', 10_000_001],
    ['a numeric string', '3000'],
    ['null', null],
  ],
  flag: () => [
    ['a string', 'true'],
    ['a number', 1],
    ['null', null],
  ],
};

/** Values at the edge of what is allowed, that must still pass. */
const GOOD: Record<Field['kind'], (field: Field) => Array<[label: string, value: unknown]>> = {
  text: (field) => [
    ['at the maximum length', repeat((field as { max: number }).max)],
    ['one character', 'x'],
    ['with accents and an emoji', 'Één café in Den Haag ☕'],
    ['decomposed accents (stored in NFC)', 'Cafe\u0301 Utrecht'],
    ['an Arabic name in a bidi isolate', 'Gemeente \u2067\u0645\u0631\u064a\u0645\u2069'],
  ],
  id: () => [
    ['a version 7 uuid', '018f3c1e-7b2a-7c4d-8e5f-0a1b2c3d4e5f'],
    ['a version 5 uuid', 'a8f5c2d1-3b4e-5f60-9a7b-8c9d0e1f2a3b'],
  ],
  email: () => [['with a plus and subdomain', 'sanne.de.vries+slimmer@rws.minienm.nl']],
  url: () => [
    ['http', 'http://www.slimmernetwerk.nl/'],
    ['with a query and fragment', 'https://www.slimmernetwerk.nl/zoeken?q=doetank#resultaten'],
  ],
  enum: () => [],
  dateTime: () => [
    ['UTC', '2013-11-21T14:00:00Z'],
    ['with milliseconds', '2013-11-21T14:00:00.123Z'],
    ['a leap day', '2012-02-29T12:00:00+01:00'],
    ['summer time', '2013-06-21T09:00:00+02:00'],
  ],
  themeId: () => [['one word', '2014-burgerkracht']],
  revision: () => [
    ['the first', 0],
    ['a large one', 1_000_000],
  ],
  capacity: () => [
    ['one', 1],
    ['the maximum', LIMITS.capacity],
  ],
  attendees: () => [
    ['empty', []],
    ['the maximum', Array.from({ length: LIMITS.attendees }, (_, i) => uuid(i))],
  ],
  themes: () => [
    ['one theme', [theme(1)]],
    ['the maximum', Array.from({ length: LIMITS.themesPerYear }, (_, i) => theme(i))],
  ],
  reportLinks: () => [
    ['none', []],
    ['without a maker', [{ title: 'Foto’s', url: 'https://www.kl.nl/fotos' }]],
  ],
  quotes: () => [
    ['none', []],
    ['without a role', [{ text: 'Mooi.', speaker: 'Lucas Lombaers' }]],
  ],
  credit: () => [['without a role', { name: 'Jorrit de Jong' }]],
  credits: () => [['two makers', [{ name: 'Robin de Lange', role: 'filmmaker' }, { name: 'Een Ander' }]]],
  texts: () => [['none', []]],
  consortium: () => [['one member with a role', [{ organisation: 'Kennisland', role: 'penvoerder' }]]],
  funder: () => [['without a scheme', { organisation: 'Ministerie van BZK' }]],
  date: () => [['a leap day', '2012-02-29']],
  count: () => [
    ['zero', 0],
    ['the maximum', 10_000_000],
  ],
  flag: () => [
    ['true', true],
    ['false', false],
  ],
};

const check = async (dto: ClassConstructor<object>, body: unknown): Promise<ValidationError[]> =>
  validate(plainToInstance(dto, body) as object, { whitelist: true, forbidNonWhitelisted: true });

const describeErrors = (errors: ValidationError[]): string =>
  errors
    .map((error) => `${error.property}: ${Object.values(error.constraints ?? { nested: '…' }).join('; ')}`)
    .join(' | ');

const bodyOf = (example: (typeof EXAMPLES)[number]): Record<string, unknown> => ({ ...example.body });

describe('Request DTOs', () => {
  it('cover every command, each with its own class', () => {
    const routes = [...commandRoutes().values()];
    expect(EXAMPLES.map((example) => example.command).sort()).toEqual(
      routes.map((route) => route.command.name).sort(),
    );
    for (const route of routes) expect(route.body?.prototype).toBeInstanceOf(CommandRequestDto);
    expect(new Set(routes.map((route) => route.body)).size).toBe(routes.length);
  });

  describe.each(EXAMPLES.map((example) => [example.command, example] as const))('%s', (_command, example) => {
    const { required } = example;
    const dto = example.dto as ClassConstructor<object>;
    const fields: Record<string, Field> = { ...example.fields, occurredAt: dateTime };
    const optional = Object.keys(fields).filter((name) => !required.includes(name));

    it('accepts its example', async () => {
      const errors = await check(dto, bodyOf(example));
      expect(describeErrors(errors)).toBe('');
    });

    it('validates and documents exactly the fields of the table', () => {
      const validated = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(dto, '', true, false)
          .map((metadata) => metadata.propertyName),
      );
      const documented = new Set(
        (
          (Reflect.getMetadata('swagger/apiModelPropertiesArray', dto.prototype) as string[] | undefined) ??
          []
        ).map((name) => name.replace(/^:/, '')),
      );
      expect([...validated].sort()).toEqual(Object.keys(fields).sort());
      expect([...documented].sort()).toEqual(Object.keys(fields).sort());
    });

    it('has an example path whose parameters are all given', () => {
      expect(Object.keys(example.params).sort()).toEqual(
        [...example.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]).sort(),
      );
      expect(examplePath(example)).not.toContain(':');
    });

    it('refuses an unknown field', async () => {
      const errors = await check(dto, { ...bodyOf(example), isCoordinator: true });
      expect(errors.map((error) => error.property)).toEqual(['isCoordinator']);
    });

    if (required.length === 0) {
      it('accepts an empty body', async () => {
        expect(describeErrors(await check(dto, {}))).toBe('');
      });
    } else {
      it('refuses an empty body, naming every required field', async () => {
        const errors = await check(dto, {});
        expect(errors.map((error) => error.property).sort()).toEqual([...required].sort());
      });

      it.each(required.map((name) => [name]))('requires %s', async (name) => {
        const body = bodyOf(example);
        delete body[name];
        const errors = await check(dto, body);
        expect(errors.map((error) => error.property)).toEqual([name]);
      });
    }

    if (optional.length > 0) {
      it.each(optional.map((name) => [name]))('accepts the example without %s', async (name) => {
        const body = bodyOf(example);
        delete body[name];
        expect(describeErrors(await check(dto, body))).toBe('');
      });
    }

    it.each(Object.keys(fields).map((name) => [name]))('refuses bad values of %s', async (name) => {
      const accepted: string[] = [];
      for (const [label, value] of BAD[fields[name].kind](fields[name])) {
        const errors = await check(dto, { ...bodyOf(example), [name]: value });
        if (!errors.some((error) => error.property === name)) accepted.push(label);
      }
      expect(accepted).toEqual([]);
    });

    it.each(Object.keys(fields).map((name) => [name]))('accepts edge values of %s', async (name) => {
      const refused: string[] = [];
      for (const [label, value] of GOOD[fields[name].kind](fields[name])) {
        const errors = await check(dto, { ...bodyOf(example), [name]: value });
        if (errors.length > 0) refused.push(`${label}: ${describeErrors(errors)}`);
      }
      expect(refused).toEqual([]);
    });
  });
});
