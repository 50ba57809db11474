import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { AddProgrammeItemRequestDto } from '../gatherings/commands/add-programme-item/add-programme-item.request.dto';
import { AddSupporterRequestDto } from '../network-years/commands/add-supporter/add-supporter.request.dto';
import { AppointStrategicPartnerRequestDto } from '../network-years/commands/appoint-strategic-partner/appoint-strategic-partner.request.dto';
import { AssignCoachRequestDto } from '../doetanks/commands/assign-coach/assign-coach.request.dto';
import { CancelGatheringRequestDto } from '../gatherings/commands/cancel-gathering/cancel-gathering.request.dto';
import { CancelRegistrationRequestDto } from '../gatherings/commands/cancel-registration/cancel-registration.request.dto';
import { ChangeAffiliationRequestDto } from '../members/commands/change-affiliation/change-affiliation.request.dto';
import { CloseDiscussionRequestDto } from '../discussions/commands/close-discussion/close-discussion.request.dto';
import { CommandRequestDto } from './command-request.dto';
import { ConcludeDoetankRequestDto } from '../doetanks/commands/conclude-doetank/conclude-doetank.request.dto';
import { DefineYearThemesRequestDto } from '../network-years/commands/define-year-themes/define-year-themes.request.dto';
import { ForgetMemberRequestDto } from '../members/commands/forget-member/forget-member.request.dto';
import { JoinDoetankRequestDto } from '../doetanks/commands/join-doetank/join-doetank.request.dto';
import { JoinNetworkRequestDto } from '../members/commands/join-network/join-network.request.dto';
import { LeaveDoetankRequestDto } from '../doetanks/commands/leave-doetank/leave-doetank.request.dto';
import { LeaveNetworkRequestDto } from '../members/commands/leave-network/leave-network.request.dto';
import { ProposeDoetankRequestDto } from '../doetanks/commands/propose-doetank/propose-doetank.request.dto';
import { RecordGatheringHeldRequestDto } from '../gatherings/commands/record-gathering-held/record-gathering-held.request.dto';
import { RecordLessonRequestDto } from '../doetanks/commands/record-lesson/record-lesson.request.dto';
import { RegisterForGatheringRequestDto } from '../gatherings/commands/register-for-gathering/register-for-gathering.request.dto';
import { ScheduleGatheringRequestDto } from '../gatherings/commands/schedule-gathering/schedule-gathering.request.dto';
import { SecureClientRequestDto } from '../doetanks/commands/secure-client/secure-client.request.dto';
import { ShareResultRequestDto } from '../doetanks/commands/share-result/share-result.request.dto';
import { SharpenProblemStatementRequestDto } from '../doetanks/commands/sharpen-problem-statement/sharpen-problem-statement.request.dto';
import { StartDiscussionRequestDto } from '../discussions/commands/start-discussion/start-discussion.request.dto';
import { StartDoetankRequestDto } from '../doetanks/commands/start-doetank/start-doetank.request.dto';
import { StopDoetankRequestDto } from '../doetanks/commands/stop-doetank/stop-doetank.request.dto';
import { LIMITS } from '@app/contracts';
import { commandRoutes } from '../routes/api-routes';
import { COMMAND_NAMES, examplePath, REQUEST_EXAMPLES, type CommandName } from '../testing/request-examples';

/**
 * Every request DTO, validated the way the API's ValidationPipe does (whitelist, forbidNonWhitelisted, no implicit
 * conversion). One table entry per DTO: its fields by kind and which are required; the valid body comes from the
 * shared examples. Each kind of field brings its own bad values and its own edge values that must still pass.
 */

type Field =
  | { kind: 'text'; max: number }
  | { kind: 'id' | 'email' | 'url' | 'enum' | 'dateTime' | 'themeId' | 'capacity' | 'attendees' | 'themes' };

const text = (max: number): Field => ({ kind: 'text', max });
const id: Field = { kind: 'id' };
const email: Field = { kind: 'email' };
const url: Field = { kind: 'url' };
const oneOf: Field = { kind: 'enum' };
const dateTime: Field = { kind: 'dateTime' };
const themeId: Field = { kind: 'themeId' };

interface Case {
  dto: ClassConstructor<object>;
  /** Every field the DTO accepts besides the shared `occurredAt`. */
  fields: Record<string, Field>;
  required: readonly string[];
}

const CASES: Record<CommandName, Case> = {
  JoinNetwork: {
    dto: JoinNetworkRequestDto,
    fields: { memberId: id, name: text(200), email, organisation: text(200), sector: oneOf, role: oneOf },
    required: ['name', 'email', 'organisation', 'sector', 'role'],
  },
  ChangeAffiliation: {
    dto: ChangeAffiliationRequestDto,
    fields: { organisation: text(200), sector: oneOf, role: oneOf },
    required: ['organisation', 'sector', 'role'],
  },
  LeaveNetwork: { dto: LeaveNetworkRequestDto, fields: { reason: text(1000) }, required: [] },
  ForgetMember: { dto: ForgetMemberRequestDto, fields: { reason: text(1000) }, required: ['reason'] },

  ProposeDoetank: {
    dto: ProposeDoetankRequestDto,
    fields: { doetankId: id, title: text(200), problemStatement: text(5000), proposedBy: id, themeId },
    required: ['title', 'problemStatement', 'proposedBy'],
  },
  SharpenProblemStatement: {
    dto: SharpenProblemStatementRequestDto,
    fields: { problemStatement: text(5000), sharpenedBy: id },
    required: ['problemStatement', 'sharpenedBy'],
  },
  AssignCoach: { dto: AssignCoachRequestDto, fields: { coachId: id }, required: ['coachId'] },
  SecureClient: {
    dto: SecureClientRequestDto,
    fields: { organisation: text(200), contactName: text(200) },
    required: ['organisation'],
  },
  StartDoetank: { dto: StartDoetankRequestDto, fields: {}, required: [] },
  JoinDoetank: { dto: JoinDoetankRequestDto, fields: { memberId: id }, required: ['memberId'] },
  LeaveDoetank: { dto: LeaveDoetankRequestDto, fields: {}, required: [] },
  ShareResult: {
    dto: ShareResultRequestDto,
    fields: { resultId: id, kind: oneOf, title: text(200), link: url, sharedBy: id },
    required: ['kind', 'title', 'sharedBy'],
  },
  RecordLesson: {
    dto: RecordLessonRequestDto,
    fields: { lessonId: id, lesson: text(5000), recordedBy: id },
    required: ['lesson', 'recordedBy'],
  },
  ConcludeDoetank: { dto: ConcludeDoetankRequestDto, fields: { conclusion: text(5000) }, required: [] },
  StopDoetank: { dto: StopDoetankRequestDto, fields: { reason: text(1000) }, required: ['reason'] },

  ScheduleGathering: {
    dto: ScheduleGatheringRequestDto,
    fields: {
      gatheringId: id,
      kind: oneOf,
      title: text(200),
      startsAt: dateTime,
      venue: text(200),
      city: text(200),
      capacity: { kind: 'capacity' },
    },
    required: ['kind', 'title', 'startsAt', 'venue', 'capacity'],
  },
  RegisterForGathering: {
    dto: RegisterForGatheringRequestDto,
    fields: { memberId: id },
    required: ['memberId'],
  },
  CancelRegistration: { dto: CancelRegistrationRequestDto, fields: {}, required: [] },
  AddProgrammeItem: {
    dto: AddProgrammeItemRequestDto,
    fields: { itemId: id, title: text(200), speaker: text(200), doetankId: id },
    required: ['title'],
  },
  RecordGatheringHeld: {
    dto: RecordGatheringHeldRequestDto,
    fields: { attendees: { kind: 'attendees' } },
    required: ['attendees'],
  },
  CancelGathering: {
    dto: CancelGatheringRequestDto,
    fields: { reason: text(1000) },
    required: ['reason'],
  },

  DefineYearThemes: {
    dto: DefineYearThemesRequestDto,
    fields: { themes: { kind: 'themes' } },
    required: ['themes'],
  },
  AppointStrategicPartner: {
    dto: AppointStrategicPartnerRequestDto,
    fields: { organisation: text(200), description: text(2000) },
    required: ['organisation'],
  },
  AddSupporter: {
    dto: AddSupporterRequestDto,
    fields: { supporterId: id, name: text(200), affiliation: text(200) },
    required: ['name'],
  },

  StartDiscussion: {
    dto: StartDiscussionRequestDto,
    fields: { discussionId: id, title: text(200), link: url, startedBy: id, themeId, doetankId: id },
    required: ['title', 'link', 'startedBy'],
  },
  CloseDiscussion: { dto: CloseDiscussionRequestDto, fields: {}, required: [] },
};

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
const theme = (n: number) => ({ themeId: `2013-thema-${n}`, title: `Thema ${n}` });
const repeat = (length: number) => 'a'.repeat(length);

/** Values of each kind that must be refused, with the reason in the label. */
const BAD: Record<Field['kind'], (field: Field) => Array<[label: string, value: unknown]>> = {
  text: (field) => [
    ['empty', ''],
    ['blank', '   '],
    ['only tabs and newlines', '\t\n\r'],
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
};

/** Values at the edge of what is allowed, that must still pass. */
const GOOD: Record<Field['kind'], (field: Field) => Array<[label: string, value: unknown]>> = {
  text: (field) => [
    ['at the maximum length', repeat((field as { max: number }).max)],
    ['one character', 'x'],
    ['with accents and an emoji', 'Één café in Den Haag ☕'],
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
};

const check = async (dto: ClassConstructor<object>, body: unknown): Promise<ValidationError[]> =>
  validate(plainToInstance(dto, body) as object, { whitelist: true, forbidNonWhitelisted: true });

const describeErrors = (errors: ValidationError[]): string =>
  errors
    .map((error) => `${error.property}: ${Object.values(error.constraints ?? { nested: '…' }).join('; ')}`)
    .join(' | ');

const bodyOf = (command: CommandName): Record<string, unknown> => ({ ...REQUEST_EXAMPLES[command].body });

describe('Request DTOs', () => {
  it('cover every command, each with its own class', () => {
    const bodies = [...commandRoutes()].map(([name, route]) => [name, route.body] as const);
    expect(Object.keys(CASES).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(Object.keys(CASES).sort()).toEqual(bodies.map(([name]) => name).sort());
    for (const [name, body] of bodies) {
      expect({ name, dto: body }).toEqual({ name, dto: CASES[name as CommandName].dto });
      expect(body?.prototype).toBeInstanceOf(CommandRequestDto);
    }
    expect(new Set(bodies.map(([, body]) => body)).size).toBe(bodies.length);
  });

  describe.each(COMMAND_NAMES)('%s', (command) => {
    const { dto, required } = CASES[command];
    const fields: Record<string, Field> = { ...CASES[command].fields, occurredAt: dateTime };
    const optional = Object.keys(fields).filter((name) => !required.includes(name));
    const example = REQUEST_EXAMPLES[command];

    it('accepts its example', async () => {
      const errors = await check(dto, bodyOf(command));
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
      const errors = await check(dto, { ...bodyOf(command), isCoordinator: true });
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
        const body = bodyOf(command);
        delete body[name];
        const errors = await check(dto, body);
        expect(errors.map((error) => error.property)).toEqual([name]);
      });
    }

    if (optional.length > 0) {
      it.each(optional.map((name) => [name]))('accepts the example without %s', async (name) => {
        const body = bodyOf(command);
        delete body[name];
        expect(describeErrors(await check(dto, body))).toBe('');
      });
    }

    it.each(Object.keys(fields).map((name) => [name]))('refuses bad values of %s', async (name) => {
      const accepted: string[] = [];
      for (const [label, value] of BAD[fields[name].kind](fields[name])) {
        const errors = await check(dto, { ...bodyOf(command), [name]: value });
        if (!errors.some((error) => error.property === name)) accepted.push(label);
      }
      expect(accepted).toEqual([]);
    });

    it.each(Object.keys(fields).map((name) => [name]))('accepts edge values of %s', async (name) => {
      const refused: string[] = [];
      for (const [label, value] of GOOD[fields[name].kind](fields[name])) {
        const errors = await check(dto, { ...bodyOf(command), [name]: value });
        if (errors.length > 0) refused.push(`${label}: ${describeErrors(errors)}`);
      }
      expect(refused).toEqual([]);
    });
  });
});
