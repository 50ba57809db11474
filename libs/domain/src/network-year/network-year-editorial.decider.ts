import type { Credit, NetworkYearEditorialEvent } from '@app/contracts';
import { domainError } from '../domain-errors';
import { assertNever } from '../shared/decider';
import { duplicatesOf, isBlank, isHttpUrl, nameKey, optionalText } from '../shared/validation';
import type {
  DescribeProgramme,
  MeasureCommunitySize,
  NetworkYearEditorialCommand,
  PublishNetworkResult,
  WriteForeword,
} from './network-year.commands';
import type { RecordedNetworkYear } from './network-year.state';

/**
 * The editorial commands of a network year (foreword, programme, network results, community size): what the report
 * tells beside the figures. Each record has a subject key; recording the same content again is a retry and records
 * nothing, recording new content replaces what the report shows (a foreword or programme rewritten, a count
 * corrected), except a result id, which names one result for good.
 */

const text = (year: number, field: string, value: unknown): string => {
  if (isBlank(value)) throw domainError('NETWORK.TEXT_REQUIRED', { year, field });
  return (value as string).trim();
};

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const dateInYear = (year: number, field: string, date: unknown): string => {
  const match = typeof date === 'string' ? CALENDAR_DATE.exec(date) : null;
  if (!match || Number(match[1]) !== year) {
    throw domainError('NETWORK.DATE_OUTSIDE_YEAR', { year, field, date: String(date) });
  }
  return date as string;
};

const link = (year: number, value: string | undefined): { link?: string } => {
  const url = optionalText(value);
  if (url === undefined) return {};
  if (!isHttpUrl(url)) throw domainError('NETWORK.LINK_INVALID', { year, link: url });
  return { link: url };
};

const credit = (year: number, field: string, value: Credit): Credit => {
  const role = optionalText(value?.role);
  return { name: text(year, field, value?.name), ...(role !== undefined && { role }) };
};

// Canonical JSON: the records are built field by field in a fixed order, so equal content serialises equally.
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const foreword = ({ data }: WriteForeword): NetworkYearEditorialEvent => {
  const { year } = data;
  return {
    type: 'YearForewordWritten',
    data: {
      year,
      text: text(year, 'The foreword', data.text),
      signedBy: credit(year, 'The signature', data.signedBy),
    },
  };
};

const programme = ({ data }: DescribeProgramme): NetworkYearEditorialEvent => {
  const { year, programmeId } = data;
  const consortium = (data.consortium ?? []).map((member) => {
    const role = optionalText(member?.role);
    return {
      organisation: text(year, 'A consortium member', member?.organisation),
      ...(role !== undefined && { role }),
    };
  });
  if (consortium.length === 0) throw domainError('NETWORK.CONSORTIUM_REQUIRED', { year, programmeId });
  const repeated = duplicatesOf(consortium.map((member) => nameKey(member.organisation)));
  if (repeated.length > 0)
    throw domainError('NETWORK.DUPLICATE_CONSORTIUM_MEMBER', { year, organisations: repeated });
  const scheme = optionalText(data.funder?.scheme);
  return {
    type: 'ProgrammeDescribed',
    data: {
      year,
      programmeId,
      name: text(year, "The programme's name", data.name),
      goals: (data.goals ?? []).map((goal) => text(year, 'A goal', goal)),
      consortium,
      funder: {
        organisation: text(year, 'The funder', data.funder?.organisation),
        ...(scheme !== undefined && { scheme }),
      },
      announcedOn: dateInYear(year, 'announcedOn', data.announcedOn),
      ...(data.reconstruction === true && { reconstruction: true }),
    },
  };
};

const result = ({ data }: PublishNetworkResult): NetworkYearEditorialEvent => {
  const { year, resultId, kind } = data;
  const makers = (data.makers ?? []).map((maker) => credit(year, 'A maker', maker));
  if (makers.length === 0) throw domainError('NETWORK.MAKER_REQUIRED', { year, resultId });
  const description = optionalText(data.description);
  return {
    type: 'NetworkResultPublished',
    data: {
      year,
      resultId,
      title: text(year, "The result's title", data.title),
      kind,
      ...(description !== undefined && { description }),
      ...link(year, data.link),
      makers,
      publishedOn: dateInYear(year, 'publishedOn', data.publishedOn),
    },
  };
};

const communitySize = ({ data }: MeasureCommunitySize): NetworkYearEditorialEvent => {
  const { year, size } = data;
  if (!Number.isSafeInteger(size) || size < 0)
    throw domainError('NETWORK.COMMUNITY_SIZE_INVALID', { year, size });
  return {
    type: 'CommunitySizeMeasured',
    data: {
      year,
      community: text(year, "The community's name", data.community),
      size,
      approximate: data.approximate === true,
      measuredOn: dateInYear(year, 'measuredOn', data.measuredOn),
      ...link(year, data.link),
    },
  };
};

/** The subject an editorial record is about: a later record of the same subject replaces it. */
export const editorialSubject = (event: NetworkYearEditorialEvent): string => {
  switch (event.type) {
    case 'YearForewordWritten':
      return 'foreword';
    case 'ProgrammeDescribed':
      return `programme:${event.data.programmeId}`;
    case 'NetworkResultPublished':
      return `result:${event.data.resultId}`;
    case 'CommunitySizeMeasured':
      return `community:${nameKey(event.data.community)}:${event.data.measuredOn}`;
    default:
      return assertNever(event);
  }
};

const recordOf = (command: NetworkYearEditorialCommand): NetworkYearEditorialEvent => {
  switch (command.type) {
    case 'WriteForeword':
      return foreword(command);
    case 'DescribeProgramme':
      return programme(command);
    case 'PublishNetworkResult':
      return result(command);
    case 'MeasureCommunitySize':
      return communitySize(command);
    default:
      return assertNever(command);
  }
};

/** Decides an editorial command on the year's stream (the year itself was checked by the caller). */
export const decideEditorial = (
  command: NetworkYearEditorialCommand,
  networkYear: RecordedNetworkYear,
): NetworkYearEditorialEvent[] => {
  const event = recordOf(command);
  const subject = editorialSubject(event);
  const before = networkYear.editorial[subject];
  if (before !== undefined && same(before, event.data)) return [];
  if (event.type === 'NetworkResultPublished' && before !== undefined) {
    throw domainError('NETWORK.DUPLICATE_RESULT', { year: event.data.year, resultId: event.data.resultId });
  }
  return [event];
};
