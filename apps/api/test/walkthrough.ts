import { randomUUID } from 'node:crypto';
import type { ApiHarness, HttpAnswer } from './api-harness';

/** What the README's walk-through wrote: its members, its Doetank and the answers of the steps tests look at. */
export interface WalkThrough {
  doetankId: string;
  proposer: string;
  coach: string;
  anna: string;
  pieter: string;
  proposed: HttpAnswer;
  started: HttpAnswer;
  shared: HttpAnswer;
  concluded: HttpAnswer;
}

/**
 * The README's walk-through, over HTTP: a coordinator registers four members (of 2012, with fresh e-mail addresses);
 * one proposes a Doetank and assigns a coach, the coach starts it, two members join, one shares a result, the coach
 * concludes it. Each step is sent by the member who acts, with their own token, and must succeed.
 */
export async function walkThrough(api: ApiHarness): Promise<WalkThrough> {
  const suffix = randomUUID().slice(0, 8);
  const member = async (name: string, email: string, occurredAt: string) => {
    const answer = await api.post('/members', {
      name,
      email: email.replace('@', `-${suffix}@`),
      organisation: 'Gemeente Zaanstad',
      sector: 'gemeente',
      role: 'professional',
      occurredAt,
    });
    expect(answer.status).toBe(201);
    return answer.body.aggregateId as string;
  };
  const proposer = await member('Fatima El Amrani', 'fatima@zaanstad.nl', '2012-01-10T09:00:00Z');
  const coach = await member('Joost Verhoeven', 'joost@kennisland.nl', '2012-01-11T09:00:00Z');
  const anna = await member('Anna Bakker', 'anna@rws.nl', '2012-01-12T09:00:00Z');
  const pieter = await member('Pieter Jansen', 'pieter@politie.nl', '2012-01-13T09:00:00Z');

  const proposed = await api.as('member', proposer).post(
    '/doetanks',
    {
      title: 'De gemeente zonder huis',
      problemStatement: 'Wat als de gemeente geen gemeentehuis meer heeft en overal werkt?',
      proposedBy: proposer,
      occurredAt: '2012-02-01T10:00:00Z',
    },
    { 'X-Correlation-Id': 'walkthrough-propose' },
  );
  expect(proposed.status).toBe(201);
  const doetankId = proposed.body.aggregateId as string;
  const step = async (actor: string, path: string, body: object, occurredAt: string, status = 200) => {
    const answer = await api
      .as('member', actor)
      .post(`/doetanks/${doetankId}${path}`, { ...body, occurredAt });
    expect({ path, status: answer.status, body: answer.body }).toMatchObject({ path, status });
    return answer;
  };
  await step(proposer, '/coach', { coachId: coach }, '2012-02-15T10:00:00Z');
  const started = await step(coach, '/start', {}, '2012-03-01T10:00:00Z');
  await step(anna, '/members', { memberId: anna }, '2012-03-05T10:00:00Z');
  await step(pieter, '/members', { memberId: pieter }, '2012-03-06T10:00:00Z');
  const result = {
    kind: 'business-case',
    title: 'Businesscase flexwerken',
    link: 'https://example.nl/bc.pdf',
    sharedBy: anna,
  };
  const shared = await step(anna, '/results', result, '2012-09-20T10:00:00Z', 201);
  const conclusion = { conclusion: 'Drie gemeenten gaan ermee verder' };
  const concluded = await step(coach, '/conclude', conclusion, '2012-11-22T15:00:00Z');
  return { doetankId, proposer, coach, anna, pieter, proposed, started, shared, concluded };
}

/**
 * The walk-through's Doetank as its read model shows it once concluded, with the members who took part. The
 * scripted history of the read-model tests writes the same Doetank (on a theme: pass `themeId`).
 */
export const concludedDoetankDocument = (who: {
  id: string;
  proposedBy: string;
  coachId: string;
  memberIds: string[];
  sharedBy: string;
  themeId?: string;
}) => ({
  id: who.id,
  title: 'De gemeente zonder huis',
  problemStatement: 'Wat als de gemeente geen gemeentehuis meer heeft en overal werkt?',
  stage: 'concluded',
  ...(who.themeId !== undefined && { themeId: who.themeId }),
  proposedBy: who.proposedBy,
  coachId: who.coachId,
  memberIds: who.memberIds,
  formerMemberIds: [],
  results: [
    {
      resultId: expect.any(String),
      kind: 'business-case',
      title: 'Businesscase flexwerken',
      link: 'https://example.nl/bc.pdf',
      sharedBy: who.sharedBy,
      sharedAt: '2012-09-20T10:00:00.000Z',
    },
  ],
  lessons: [],
  proposedAt: '2012-02-01T10:00:00.000Z',
  startedAt: '2012-03-01T10:00:00.000Z',
  concludedAt: '2012-11-22T15:00:00.000Z',
  conclusion: 'Drie gemeenten gaan ermee verder',
  resultCount: 1,
  lessonCount: 0,
  lastActivityAt: '2012-11-22T15:00:00.000Z',
});
