import type { AddProgrammeItemRequestDto } from '../gatherings/commands/add-programme-item/add-programme-item.request.dto';
import type { AddSupporterRequestDto } from '../network-years/commands/add-supporter/add-supporter.request.dto';
import type { AppointStrategicPartnerRequestDto } from '../network-years/commands/appoint-strategic-partner/appoint-strategic-partner.request.dto';
import type { AssignCoachRequestDto } from '../doetanks/commands/assign-coach/assign-coach.request.dto';
import type { CancelGatheringRequestDto } from '../gatherings/commands/cancel-gathering/cancel-gathering.request.dto';
import type { CancelRegistrationRequestDto } from '../gatherings/commands/cancel-registration/cancel-registration.request.dto';
import type { ChangeAffiliationRequestDto } from '../members/commands/change-affiliation/change-affiliation.request.dto';
import type { CloseDiscussionRequestDto } from '../discussions/commands/close-discussion/close-discussion.request.dto';
import type { ConcludeDoetankRequestDto } from '../doetanks/commands/conclude-doetank/conclude-doetank.request.dto';
import type { DefineYearThemesRequestDto } from '../network-years/commands/define-year-themes/define-year-themes.request.dto';
import type { ForgetMemberRequestDto } from '../members/commands/forget-member/forget-member.request.dto';
import type { JoinDoetankRequestDto } from '../doetanks/commands/join-doetank/join-doetank.request.dto';
import type { JoinNetworkRequestDto } from '../members/commands/join-network/join-network.request.dto';
import type { LeaveDoetankRequestDto } from '../doetanks/commands/leave-doetank/leave-doetank.request.dto';
import type { LeaveNetworkRequestDto } from '../members/commands/leave-network/leave-network.request.dto';
import type { ProposeDoetankRequestDto } from '../doetanks/commands/propose-doetank/propose-doetank.request.dto';
import type { RecordGatheringHeldRequestDto } from '../gatherings/commands/record-gathering-held/record-gathering-held.request.dto';
import type { RecordLessonRequestDto } from '../doetanks/commands/record-lesson/record-lesson.request.dto';
import type { RegisterForGatheringRequestDto } from '../gatherings/commands/register-for-gathering/register-for-gathering.request.dto';
import type { ScheduleGatheringRequestDto } from '../gatherings/commands/schedule-gathering/schedule-gathering.request.dto';
import type { SecureClientRequestDto } from '../doetanks/commands/secure-client/secure-client.request.dto';
import type { SharpenProblemStatementRequestDto } from '../doetanks/commands/sharpen-problem-statement/sharpen-problem-statement.request.dto';
import type { ShareResultRequestDto } from '../doetanks/commands/share-result/share-result.request.dto';
import type { StartDiscussionRequestDto } from '../discussions/commands/start-discussion/start-discussion.request.dto';
import type { StartDoetankRequestDto } from '../doetanks/commands/start-doetank/start-doetank.request.dto';
import type { StopDoetankRequestDto } from '../doetanks/commands/stop-doetank/stop-doetank.request.dto';

/**
 * A valid request for every command, for tests of the DTOs and of the API over HTTP. Together the examples tell one
 * story (Sanne proposes a Doetank in 2013, Pieter coaches it, Fatima joins, the Grand Café spotlights it), but each
 * stands alone as far as validation goes: an end-to-end test still has to create what a request refers to.
 * Every body carries a past `occurredAt`, as an import of history would; drop it to act "now".
 */

export type HttpMethod = 'POST' | 'PUT';

export interface RequestExample<Body extends object = object> {
  method: HttpMethod;
  /** Path template with `:name` parameters, as in the controller: `/doetanks/:doetankId/results`. */
  path: string;
  /** A value for every parameter of the path. */
  params: Readonly<Record<string, string>>;
  body: Body;
}

/** Ids used throughout the examples. */
export const EXAMPLE_IDS = {
  sanne: 'b3e1c6a2-4f0d-4c8e-9a51-2d7f3e8c9a10',
  pieter: '5a9d2f14-7c3b-4e6a-8f21-0b4c6d8e1f23',
  fatima: 'c7f0a3b5-92d1-4b6e-a4c8-3e5f7a9b1d02',
  doetank: '8e4b1d27-3a6c-4f59-b2e0-6c1d9f4a7e35',
  result: '2d6f8a1c-5b3e-4c7d-9e0f-1a2b3c4d5e6f',
  lesson: '4f1e2d3c-6b5a-4978-8a6b-5c4d3e2f1a0b',
  gathering: '9c2e4a6b-1d3f-4a5c-8e7b-0f2d4c6a8e91',
  programmeItem: '6a8c0e2f-4b6d-4f8a-9c1e-3b5d7f9a1c24',
  supporter: '1b3d5f7a-9c2e-4a6b-8d0f-2e4a6c8e0b35',
  discussion: '7e9a1c3d-5f7b-4d9e-b1a3-c5e7f9a1b346',
} as const;

const ids = EXAMPLE_IDS;

const example = <Body extends object>(
  method: HttpMethod,
  path: string,
  params: Record<string, string>,
  body: Body,
): RequestExample<Body> => ({ method, path, params, body });

export const REQUEST_EXAMPLES = {
  JoinNetwork: example<JoinNetworkRequestDto>(
    'POST',
    '/members',
    {},
    {
      memberId: ids.sanne,
      name: 'Sanne de Vries',
      email: 'sanne.devries@utrecht.nl',
      organisation: 'Gemeente Utrecht',
      sector: 'gemeente',
      role: 'professional',
      occurredAt: '2012-09-03T10:00:00+02:00',
    },
  ),
  ChangeAffiliation: example<ChangeAffiliationRequestDto>(
    'POST',
    '/members/:memberId/affiliation',
    { memberId: ids.sanne },
    {
      organisation: 'Rijkswaterstaat',
      sector: 'uitvoeringsorganisatie',
      role: 'manager',
      occurredAt: '2014-01-06T09:00:00+01:00',
    },
  ),
  LeaveNetwork: example<LeaveNetworkRequestDto>(
    'POST',
    '/members/:memberId/leave',
    { memberId: ids.sanne },
    {
      reason: 'Nieuwe baan buiten de publieke sector.',
      occurredAt: '2014-06-30T17:00:00+02:00',
    },
  ),
  ForgetMember: example<ForgetMemberRequestDto>(
    'POST',
    '/members/:memberId/forget',
    { memberId: ids.sanne },
    {
      reason: 'Verzoek tot verwijdering (AVG art. 17) ontvangen op 4 juli 2014.',
      occurredAt: '2014-07-07T11:15:00+02:00',
    },
  ),

  ProposeDoetank: example<ProposeDoetankRequestDto>(
    'POST',
    '/doetanks',
    {},
    {
      doetankId: ids.doetank,
      title: 'Eén keukentafelgesprek in plaats van vijf loketten',
      problemStatement:
        'Een gezin met schulden en een zorgvraag spreekt in Utrecht met vijf loketten die elk hun eigen intake doen. ' +
        'Hoe komen we tot één gesprek, zonder dat regels over gegevensdeling het tegenhouden?',
      proposedBy: ids.sanne,
      themeId: '2013-sociaal-domein',
      occurredAt: '2013-02-11T14:30:00+01:00',
    },
  ),
  SharpenProblemStatement: example<SharpenProblemStatementRequestDto>(
    'POST',
    '/doetanks/:doetankId/problem-statement',
    { doetankId: ids.doetank },
    {
      problemStatement:
        'Niet de regels over gegevensdeling, maar vijf verschillende intakeformulieren houden één gesprek tegen. ' +
        'Kunnen de vijf loketten in Utrecht-Overvecht één formulier delen?',
      sharpenedBy: ids.pieter,
      occurredAt: '2013-03-04T16:00:00+01:00',
    },
  ),
  AssignCoach: example<AssignCoachRequestDto>(
    'POST',
    '/doetanks/:doetankId/coach',
    { doetankId: ids.doetank },
    {
      coachId: ids.pieter,
      occurredAt: '2013-02-18T10:00:00+01:00',
    },
  ),
  SecureClient: example<SecureClientRequestDto>(
    'POST',
    '/doetanks/:doetankId/client',
    { doetankId: ids.doetank },
    {
      organisation: 'Gemeente Utrecht, afdeling Werk en Inkomen',
      contactName: 'Marloes Jansen',
      occurredAt: '2013-02-25T11:00:00+01:00',
    },
  ),
  StartDoetank: example<StartDoetankRequestDto>(
    'POST',
    '/doetanks/:doetankId/start',
    { doetankId: ids.doetank },
    {
      occurredAt: '2013-03-11T09:30:00+01:00',
    },
  ),
  JoinDoetank: example<JoinDoetankRequestDto>(
    'POST',
    '/doetanks/:doetankId/members',
    { doetankId: ids.doetank },
    {
      memberId: ids.fatima,
      occurredAt: '2013-03-12T13:00:00+01:00',
    },
  ),
  LeaveDoetank: example<LeaveDoetankRequestDto>(
    'POST',
    '/doetanks/:doetankId/members/:memberId/leave',
    { doetankId: ids.doetank, memberId: ids.fatima },
    { occurredAt: '2013-10-01T09:00:00+02:00' },
  ),
  ShareResult: example<ShareResultRequestDto>(
    'POST',
    '/doetanks/:doetankId/results',
    { doetankId: ids.doetank },
    {
      resultId: ids.result,
      kind: 'business-case',
      title: 'Business case: één intake voor schulden en zorg',
      link: 'https://www.slimmernetwerk.nl/doetanks/een-keukentafelgesprek/business-case.pdf',
      sharedBy: ids.fatima,
      occurredAt: '2013-09-30T15:45:00+02:00',
    },
  ),
  RecordLesson: example<RecordLessonRequestDto>(
    'POST',
    '/doetanks/:doetankId/lessons',
    { doetankId: ids.doetank },
    {
      lessonId: ids.lesson,
      lesson:
        'Begin bij het gezin, niet bij de regels: de meeste "verboden" bleken afspraken die we zelf konden veranderen.',
      recordedBy: ids.pieter,
      occurredAt: '2013-10-07T10:00:00+02:00',
    },
  ),
  ConcludeDoetank: example<ConcludeDoetankRequestDto>(
    'POST',
    '/doetanks/:doetankId/conclude',
    { doetankId: ids.doetank },
    {
      conclusion: 'Overvecht werkt sinds januari met één intakeformulier; drie andere wijken volgen in 2014.',
      occurredAt: '2013-12-16T16:00:00+01:00',
    },
  ),
  StopDoetank: example<StopDoetankRequestDto>(
    'POST',
    '/doetanks/:doetankId/stop',
    { doetankId: ids.doetank },
    {
      reason: 'De opdrachtgever is na de reorganisatie weggevallen.',
      occurredAt: '2013-06-03T12:00:00+02:00',
    },
  ),

  ScheduleGathering: example<ScheduleGatheringRequestDto>(
    'POST',
    '/gatherings',
    {},
    {
      gatheringId: ids.gathering,
      kind: 'grand-cafe',
      title: 'Grand Café Slimmernetwerk 2013',
      startsAt: '2013-11-21T15:00:00+01:00',
      venue: 'Beurs van Berlage',
      city: 'Amsterdam',
      capacity: 100,
      occurredAt: '2013-09-02T10:00:00+02:00',
    },
  ),
  RegisterForGathering: example<RegisterForGatheringRequestDto>(
    'POST',
    '/gatherings/:gatheringId/registrations',
    { gatheringId: ids.gathering },
    { memberId: ids.fatima, occurredAt: '2013-10-14T20:12:00+02:00' },
  ),
  CancelRegistration: example<CancelRegistrationRequestDto>(
    'POST',
    '/gatherings/:gatheringId/registrations/:memberId/cancel',
    { gatheringId: ids.gathering, memberId: ids.fatima },
    { occurredAt: '2013-11-18T08:40:00+01:00' },
  ),
  AddProgrammeItem: example<AddProgrammeItemRequestDto>(
    'POST',
    '/gatherings/:gatheringId/programme',
    { gatheringId: ids.gathering },
    {
      itemId: ids.programmeItem,
      title: 'Pitch: één keukentafelgesprek in plaats van vijf loketten',
      speaker: 'Fatima El Amrani (Gemeente Utrecht)',
      doetankId: ids.doetank,
      occurredAt: '2013-10-28T11:00:00+01:00',
    },
  ),
  RecordGatheringHeld: example<RecordGatheringHeldRequestDto>(
    'POST',
    '/gatherings/:gatheringId/held',
    { gatheringId: ids.gathering },
    { attendees: [ids.sanne, ids.pieter, ids.fatima], occurredAt: '2013-11-21T18:00:00+01:00' },
  ),
  CancelGathering: example<CancelGatheringRequestDto>(
    'POST',
    '/gatherings/:gatheringId/cancel',
    { gatheringId: ids.gathering },
    {
      reason: 'De Beurs van Berlage is die middag niet beschikbaar; we zoeken een nieuwe datum.',
      occurredAt: '2013-10-01T12:00:00+02:00',
    },
  ),

  DefineYearThemes: example<DefineYearThemesRequestDto>(
    'PUT',
    '/network-years/:year/themes',
    { year: '2013' },
    {
      themes: [
        {
          themeId: '2013-open-overheidsdata',
          title: 'Open overheidsdata',
          description: 'Wat gebeurt er als overheden hun data openstellen, en wie maakt er iets mee?',
        },
        { themeId: '2013-sociaal-domein', title: 'De decentralisaties in het sociaal domein' },
        { themeId: '2013-minder-regels', title: 'Minder regels, meer ruimte voor de professional' },
        { themeId: '2013-burgerkracht', title: 'Burgerkracht en zelforganisatie' },
        { themeId: '2013-slimmer-samenwerken', title: 'Slimmer samenwerken tussen overheden' },
      ],
      occurredAt: '2012-12-10T10:00:00+01:00',
    },
  ),
  AppointStrategicPartner: example<AppointStrategicPartnerRequestDto>(
    'POST',
    '/network-years/:year/strategic-partners',
    { year: '2013' },
    {
      organisation: 'KING (Kwaliteitsinstituut Nederlandse Gemeenten)',
      description: 'KING brengt Doetank-resultaten onder de aandacht van alle gemeenten en host twee Cafés.',
      occurredAt: '2013-01-15T10:00:00+01:00',
    },
  ),
  AddSupporter: example<AddSupporterRequestDto>(
    'POST',
    '/network-years/:year/supporters',
    { year: '2013' },
    {
      supporterId: ids.supporter,
      name: 'Hendrik-Jan van Dijk',
      affiliation: 'Dijkgraaf, Hoogheemraadschap De Stichtse Rijnlanden',
      occurredAt: '2013-01-21T10:00:00+01:00',
    },
  ),

  StartDiscussion: example<StartDiscussionRequestDto>(
    'POST',
    '/discussions',
    {},
    {
      discussionId: ids.discussion,
      title: 'Wie heeft ervaring met één intakeformulier voor meerdere loketten?',
      link: 'https://www.linkedin.com/groups/2895643/discussions/een-intakeformulier',
      startedBy: ids.fatima,
      themeId: '2013-sociaal-domein',
      doetankId: ids.doetank,
      occurredAt: '2013-04-02T21:05:00+02:00',
    },
  ),
  CloseDiscussion: example<CloseDiscussionRequestDto>(
    'POST',
    '/discussions/:discussionId/close',
    { discussionId: ids.discussion },
    { occurredAt: '2013-06-30T23:00:00+02:00' },
  ),
} as const;

export type CommandName = keyof typeof REQUEST_EXAMPLES;

export const COMMAND_NAMES = Object.keys(REQUEST_EXAMPLES) as CommandName[];

/** The example's path with its parameters filled in: `/doetanks/8e4b.../results`. */
export const examplePath = (
  example: RequestExample,
  params: Record<string, string> = example.params,
): string =>
  example.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${example.path}`);
    return encodeURIComponent(value);
  });
