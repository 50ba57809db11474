import { DOMAIN_ERRORS, domainError, isDomainError, type DomainErrorCode } from './domain-errors';
import { discussionErrors } from './discussion/discussion.errors';
import { doetankErrors } from './doetank/doetank.errors';
import { gatheringErrors } from './gathering/gathering.errors';
import { memberErrors } from './member/member.errors';
import { networkYearErrors } from './network-year/network-year.errors';
import { businessTimeErrors } from './shared/business-time.errors';
import { DomainError, type DomainErrorCategory } from './shared/domain-error';

/**
 * The codes and their categories are a public contract: the API answers each category with one HTTP status
 * (invalid 400, not-found 404, not-allowed 403, rule 409) and clients act on the codes. This list is that contract
 * written down; a code that moves to another category, or disappears, fails here.
 */
const CONTRACT: Record<DomainErrorCategory, DomainErrorCode[]> = {
  invalid: [
    'BUSINESS_TIME.REASON_REQUIRED',
    'BUSINESS_TIME.INVALID_TIME',
    'MEMBER.NAME_REQUIRED',
    'MEMBER.EMAIL_INVALID',
    'MEMBER.ORGANISATION_REQUIRED',
    'MEMBER.UNKNOWN_SECTOR',
    'MEMBER.UNKNOWN_ROLE',
    'MEMBER.REASON_REQUIRED',
    'DOETANK.TITLE_REQUIRED',
    'DOETANK.PROBLEM_STATEMENT_REQUIRED',
    'DOETANK.CLIENT_ORGANISATION_REQUIRED',
    'DOETANK.UNKNOWN_RESULT_KIND',
    'DOETANK.RESULT_TITLE_REQUIRED',
    'DOETANK.INVALID_LINK',
    'DOETANK.LESSON_REQUIRED',
    'DOETANK.REASON_REQUIRED',
    'GATHERING.UNKNOWN_KIND',
    'GATHERING.TITLE_REQUIRED',
    'GATHERING.VENUE_REQUIRED',
    'GATHERING.INVALID_CAPACITY',
    'GATHERING.INVALID_TIME',
    'GATHERING.PROGRAMME_TITLE_REQUIRED',
    'GATHERING.DUPLICATE_ATTENDEES',
    'GATHERING.REASON_REQUIRED',
    'GATHERING.REPORT_TEXT_REQUIRED',
    'NETWORK.YEAR_OUT_OF_RANGE',
    'NETWORK.THEME_OF_OTHER_YEAR',
    'NETWORK.DUPLICATE_THEME',
    'NETWORK.THEME_TITLE_REQUIRED',
    'NETWORK.PARTNER_ORGANISATION_REQUIRED',
    'NETWORK.SUPPORTER_NAME_REQUIRED',
    'NETWORK.TEXT_REQUIRED',
    'NETWORK.DATE_OUTSIDE_YEAR',
    'NETWORK.LINK_INVALID',
    'NETWORK.CONSORTIUM_REQUIRED',
    'NETWORK.DUPLICATE_CONSORTIUM_MEMBER',
    'NETWORK.MAKER_REQUIRED',
    'NETWORK.COMMUNITY_SIZE_INVALID',
    'DISCUSSION.TITLE_REQUIRED',
    'DISCUSSION.INVALID_LINK',
  ],
  'not-found': [
    'BUSINESS_TIME.NO_SUCH_EVENT',
    'MEMBER.NOT_FOUND',
    'DOETANK.NOT_FOUND',
    'GATHERING.NOT_FOUND',
    'GATHERING.UNKNOWN_DOETANK',
    'GATHERING.UNKNOWN_ATTENDEES',
    'NETWORK.UNKNOWN_THEME',
    'DISCUSSION.NOT_FOUND',
    'DISCUSSION.UNKNOWN_THEME',
    'DISCUSSION.UNKNOWN_DOETANK',
  ],
  'not-allowed': [
    'MEMBER.EMAIL_NOT_HELD',
    'AUTH.NOT_DOETANK_LEAD',
    'AUTH.MEMBER_NOT_ACTIVE',
    'DOETANK.NOT_A_MEMBER',
  ],
  rule: [
    'BUSINESS_TIME.BEFORE_DEPENDENCY',
    'BUSINESS_TIME.AFTER_DEPENDENT',
    'BUSINESS_TIME.CORRECTION_UNCHANGED',
    'BUSINESS_TIME.NOT_CORRECTABLE',
    'MEMBER.ALREADY_EXISTS',
    'MEMBER.NOT_ACTIVE',
    'MEMBER.ALREADY_FORGOTTEN',
    'MEMBER.AFFILIATION_UNCHANGED',
    'MEMBER.EMAIL_IN_USE',
    'DOETANK.ALREADY_EXISTS',
    'DOETANK.ALREADY_CLOSED',
    'DOETANK.NOT_STARTED',
    'DOETANK.ALREADY_STARTED',
    'DOETANK.NO_COACH',
    'DOETANK.NO_PROBLEM_STATEMENT',
    'DOETANK.PROPOSER_NOT_ACTIVE',
    'DOETANK.COACH_NOT_ACTIVE',
    'DOETANK.MEMBER_NOT_ACTIVE',
    'DOETANK.ACTOR_NOT_ACTIVE',
    'DOETANK.COACH_ALREADY_ASSIGNED',
    'DOETANK.ALREADY_A_MEMBER',
    'DOETANK.PROBLEM_STATEMENT_UNCHANGED',
    'DOETANK.DUPLICATE_RESULT',
    'DOETANK.DUPLICATE_LESSON',
    'GATHERING.ALREADY_EXISTS',
    'GATHERING.CLOSED',
    'GATHERING.ALREADY_HELD',
    'GATHERING.ALREADY_CANCELLED',
    'GATHERING.FULL',
    'GATHERING.MEMBER_NOT_ACTIVE',
    'GATHERING.ALREADY_REGISTERED',
    'GATHERING.NOT_REGISTERED',
    'GATHERING.NOT_YET_HELD',
    'GATHERING.NOT_HELD',
    'GATHERING.DUPLICATE_PROGRAMME_ITEM',
    'NETWORK.THEME_IN_USE',
    'NETWORK.PARTNER_ALREADY_APPOINTED',
    'NETWORK.DUPLICATE_SUPPORTER',
    'NETWORK.SUPPORTER_ALREADY_ADDED',
    'NETWORK.DUPLICATE_RESULT',
    'DISCUSSION.ALREADY_EXISTS',
    'DISCUSSION.ALREADY_CLOSED',
    'DISCUSSION.STARTER_NOT_ACTIVE',
  ],
};

const TABLES = {
  memberErrors,
  doetankErrors,
  gatheringErrors,
  networkYearErrors,
  discussionErrors,
  businessTimeErrors,
};
const PREFIXES: Record<keyof typeof TABLES, string> = {
  memberErrors: 'MEMBER.',
  doetankErrors: 'DOETANK.',
  gatheringErrors: 'GATHERING.',
  networkYearErrors: 'NETWORK.',
  discussionErrors: 'DISCUSSION.',
  businessTimeErrors: 'BUSINESS_TIME.',
};

describe('The domain error table', () => {
  it('keeps every code of the public contract in its category', () => {
    const actual = Object.fromEntries(
      Object.entries(DOMAIN_ERRORS).map(([code, { category }]) => [code, category]),
    );
    const expected = Object.fromEntries(
      Object.entries(CONTRACT).flatMap(([category, codes]) => codes.map((code) => [code, category])),
    );
    expect(actual).toEqual(expected);
  });

  it('has each code in one aggregate table only, named after its aggregate', () => {
    // Refusals of who may act are AUTH.* wherever the rule lives (the Doetank's lead, an active member).
    const AUTH_CODES = ['AUTH.NOT_DOETANK_LEAD', 'AUTH.MEMBER_NOT_ACTIVE'];
    const all = Object.entries(TABLES).flatMap(([table, errors]) =>
      Object.keys(errors).map((code) => ({ table: table as keyof typeof TABLES, code })),
    );
    expect(all).toHaveLength(Object.keys(DOMAIN_ERRORS).length);
    // The lead rule kept the code it had when an access check refused it.
    const misnamed = all.filter(
      ({ table, code }) => !code.startsWith(PREFIXES[table]) && !AUTH_CODES.includes(code),
    );
    expect(misnamed).toEqual([]);
  });

  it('renders the message from the params and carries them', () => {
    const error = domainError('NETWORK.THEME_IN_USE', {
      year: 2013,
      themes: [{ themeId: '2013-open-data', doetankIds: ['d-1', 'd-2'] }],
    });
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'NETWORK.THEME_IN_USE',
      category: 'rule',
      message: 'Themes of 2013 that Doetanks adopted cannot be removed: 2013-open-data (Doetanks d-1, d-2)',
      params: { year: 2013, themes: [{ themeId: '2013-open-data', doetankIds: ['d-1', 'd-2'] }] },
    });
    expect(
      domainError('GATHERING.NOT_YET_HELD', {
        gatheringId: 'g-1',
        startsAt: '2012-11-22T19:00:00.000Z',
        heldOn: '2012-11-21T10:00:00.000Z',
      }).message,
    ).toBe('Attendance of gathering g-1 can be recorded on or after 2012-11-22, not on 2012-11-21');
    expect(domainError('DOETANK.NOT_FOUND', { id: 'd-1' }).message).toBe('Doetank d-1 does not exist');
  });

  it('tells refusals apart by code', () => {
    const error = domainError('MEMBER.EMAIL_NOT_HELD', { memberId: 'm-1' });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'MEMBER.EMAIL_NOT_HELD')).toBe(true);
    expect(isDomainError(error, 'MEMBER.EMAIL_IN_USE')).toBe(false);
    expect(isDomainError(new Error('MEMBER.EMAIL_NOT_HELD'))).toBe(false);
  });
});
