import type { EventMetadata } from '../events/metadata';
import type { NetworkEvent } from '../events';
import { streams } from '../streams';
import { GATHERING_KINDS, MEMBER_ROLES, RESULT_KINDS, type Sector } from '../vocabulary';

/**
 * A deterministic generator of realistic network activity, as events ready to append (for benchmarks and
 * crash tests; the demo year goes through the command handlers instead). The same seed and size always give the
 * same events, ids and times. The shape follows the real network: many members, a few dozen Doetanks per year
 * that move through their stages, Cafés and Masterclasses with registrations and attendance, discussions.
 */
export interface SyntheticAppend {
  streamId: string;
  /** Revision the stream is at before this append (`no_stream` for a new stream). */
  expectedRevision: number | 'no_stream';
  events: { id: string; type: NetworkEvent['type']; data: NetworkEvent['data']; metadata: EventMetadata }[];
}

export interface SyntheticOptions {
  /** Approximate number of events to produce (the last append may overshoot by a few). */
  events: number;
  seed?: number;
  /** First business day; activity spreads forward from here. */
  start?: string;
}

/** mulberry32: a tiny, fast, well-distributed PRNG; good enough for test data, never for secrets. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUID-shaped id derived from a counter, so runs are reproducible. */
const idOf = (kind: number, n: number) => {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4${kind.toString(16).padStart(3, '0')}-8000-${hex}`;
};

const FIRST_NAMES = [
  'Sanne',
  'Pieter',
  'Fatima',
  'Joost',
  'Anna',
  'Mohamed',
  'Eva',
  'Bram',
  'Lotte',
  'Youssef',
  'Iris',
  'Daan',
];
const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'El Amrani',
  'Verhoeven',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
];
const ORGANISATIONS: Record<Sector, string[]> = {
  rijk: ['Ministerie van BZK', 'Belastingdienst', 'Rijkswaterstaat'],
  provincie: ['Provincie Utrecht', 'Provincie Gelderland', 'Provincie Noord-Holland'],
  gemeente: [
    'Gemeente Utrecht',
    'Gemeente Zaanstad',
    'Gemeente Enschede',
    'Gemeente Amsterdam',
    'Gemeente Tilburg',
  ],
  waterschap: ['Waterschap Vallei en Veluwe', 'Hoogheemraadschap Rijnland'],
  politie: ['Politie Amsterdam-Amstelland', 'Politie Midden-Nederland'],
  uitvoeringsorganisatie: ['UWV', 'SVB', 'DUO'],
  overig: ['Kennisland', 'Kafkabrigade', 'TNO', 'KING'],
};
const SECTOR_WEIGHTS: [Sector, number][] = [
  ['gemeente', 0.42],
  ['rijk', 0.2],
  ['uitvoeringsorganisatie', 0.1],
  ['provincie', 0.08],
  ['politie', 0.07],
  ['waterschap', 0.05],
  ['overig', 0.08],
];
const TOPICS = [
  'open data',
  'de gemeente zonder huis',
  'mobiliteit',
  'de lerende overheid',
  'minder regels',
  'burgerparticipatie',
];

export function* syntheticNetwork(options: SyntheticOptions): Generator<SyntheticAppend> {
  const random = prng(options.seed ?? 2012);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  let clock = Date.parse(options.start ?? '2011-01-03T09:00:00.000Z');
  let produced = 0;
  let counter = 0;
  const revisions = new Map<string, number>();
  const members: string[] = [];
  const doetanks: { id: string; stage: 'proposed' | 'started' | 'closed'; members: string[] }[] = [];
  const gatherings: { id: string; registered: string[]; capacity: number }[] = [];

  const advance = () => {
    clock += Math.floor(random() * 20 * 60 * 1000) + 60 * 1000;
  };
  const append = (
    streamId: string,
    ...events: { type: NetworkEvent['type']; data: NetworkEvent['data'] }[]
  ): SyntheticAppend => {
    advance();
    const revision = revisions.get(streamId);
    revisions.set(streamId, (revision ?? -1) + events.length);
    const at = new Date(clock).toISOString();
    produced += events.length;
    const actorId = members.length > 0 ? pick(members) : 'system';
    return {
      streamId,
      expectedRevision: revision ?? 'no_stream',
      events: events.map((event) => ({
        id: idOf(0xe, ++counter),
        ...event,
        metadata: {
          occurredAt: at,
          recordedAt: at,
          actorId,
          correlationId: idOf(0xc, counter),
          causationId: idOf(0xc, counter),
          schemaVersion: 1,
        },
      })),
    };
  };

  const sector = (): Sector => {
    let r = random();
    for (const [s, w] of SECTOR_WEIGHTS) if ((r -= w) <= 0) return s;
    return 'overig';
  };

  while (produced < options.events) {
    const roll = random();
    if (members.length < 20 || roll < 0.25) {
      const memberId = idOf(0x1, members.length + 1);
      const s = sector();
      const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      yield append(streams.member(memberId), {
        type: 'MemberJoined',
        data: {
          memberId,
          personal: { name, email: `lid${members.length + 1}@example.nl` },
          organisation: pick(ORGANISATIONS[s]),
          sector: s,
          role: random() < 0.7 ? 'professional' : pick(MEMBER_ROLES),
        },
      });
      members.push(memberId);
    } else if (roll < 0.3 || doetanks.length === 0) {
      const doetankId = idOf(0x2, doetanks.length + 1);
      const proposer = pick(members);
      yield append(streams.doetank(doetankId), {
        type: 'DoetankProposed',
        data: {
          doetankId,
          title: `Doetank ${doetanks.length + 1}: ${pick(TOPICS)}`,
          problemStatement: 'Professionals lopen vast op regels die niemand meer begrijpt.',
          proposedBy: proposer,
        },
      });
      doetanks.push({ id: doetankId, stage: 'proposed', members: [proposer] });
    } else if (roll < 0.6) {
      const doetank = pick(doetanks);
      const stream = streams.doetank(doetank.id);
      if (doetank.stage === 'proposed') {
        const coachId = pick(members);
        yield append(
          stream,
          { type: 'CoachAssigned', data: { doetankId: doetank.id, coachId } },
          { type: 'DoetankStarted', data: { doetankId: doetank.id } },
        );
        doetank.stage = 'started';
        doetank.members.push(coachId);
      } else if (doetank.stage === 'started') {
        const r = random();
        if (r < 0.45) {
          const memberId = pick(members);
          if (!doetank.members.includes(memberId)) {
            yield append(stream, { type: 'MemberJoinedDoetank', data: { doetankId: doetank.id, memberId } });
            doetank.members.push(memberId);
          }
        } else if (r < 0.75) {
          yield append(stream, {
            type: 'ResultShared',
            data: {
              doetankId: doetank.id,
              resultId: idOf(0x3, ++counter),
              kind: pick(RESULT_KINDS),
              title: `Resultaat over ${pick(TOPICS)}`,
              sharedBy: pick(doetank.members),
            },
          });
        } else if (r < 0.93) {
          yield append(stream, {
            type: 'LessonRecorded',
            data: {
              doetankId: doetank.id,
              lessonId: idOf(0x4, ++counter),
              lesson: 'Begin klein en deel vroeg.',
              recordedBy: pick(doetank.members),
            },
          });
        } else {
          yield append(stream, { type: 'DoetankConcluded', data: { doetankId: doetank.id } });
          doetank.stage = 'closed';
        }
      }
    } else if (roll < 0.9) {
      const open = gatherings.filter((g) => g.registered.length < g.capacity);
      if (open.length === 0 || random() < 0.05) {
        const gatheringId = idOf(0x5, gatherings.length + 1);
        const kind = random() < 0.05 ? 'grand-cafe' : pick(GATHERING_KINDS.filter((k) => k !== 'grand-cafe'));
        const capacity = kind === 'grand-cafe' ? 120 : 40;
        yield append(streams.gathering(gatheringId), {
          type: 'GatheringScheduled',
          data: {
            gatheringId,
            kind,
            title:
              kind === 'masterclass'
                ? 'Masterclass innoveren'
                : kind === 'grand-cafe'
                  ? 'Grand Café'
                  : 'Slimmernetwerk Café',
            startsAt: new Date(clock + 14 * 24 * 3600 * 1000).toISOString(),
            venue: kind === 'grand-cafe' ? 'Beurs van Berlage' : 'Seats2meet',
            city: kind === 'grand-cafe' ? 'Amsterdam' : 'Utrecht',
            capacity,
          },
        });
        gatherings.push({ id: gatheringId, registered: [], capacity });
      } else {
        const gathering = pick(open);
        const memberId = pick(members);
        if (!gathering.registered.includes(memberId)) {
          yield append(streams.gathering(gathering.id), {
            type: 'ParticipantRegistered',
            data: { gatheringId: gathering.id, memberId },
          });
          gathering.registered.push(memberId);
        }
        if (gathering.registered.length >= gathering.capacity) {
          yield append(streams.gathering(gathering.id), {
            type: 'GatheringHeld',
            data: {
              gatheringId: gathering.id,
              attendees: gathering.registered.filter(() => random() < 0.85),
              heldOn: new Date(clock).toISOString(),
            },
          });
        }
      }
    } else {
      const discussionId = idOf(0x6, ++counter);
      yield append(streams.discussion(discussionId), {
        type: 'DiscussionStarted',
        data: {
          discussionId,
          title: `Hoe pakken we ${pick(TOPICS)} aan?`,
          link: `https://www.linkedin.com/groups/slimmernetwerk/${counter}`,
          startedBy: pick(members),
        },
      });
    }
  }
}
