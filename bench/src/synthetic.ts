import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { syntheticNetwork, type SyntheticAppend } from '@app/contracts/testing/synthetic-network';

/** The repository root, seen from dist/bench/src, where the benchmark runs. */
export const REPO_ROOT = resolve(__dirname, '../../..');

/** Where generated stores are cached between runs (gitignored with the rest of data/). */
export const CACHE_DIR = join(REPO_ROOT, 'data', 'bench');

/** What the generator made, kept beside the cached store so later runs know it without scanning. */
export interface StoreMeta {
  size: string;
  seed: number;
  /** First characters of a hash of the generator's source: a changed generator makes a new store. */
  generator: string;
  events: number;
  appends: number;
  streams: number;
  /** The Doetank with the most events (its history and timeline filter are measured). */
  busiestDoetank: { id: string; events: number };
  /** The member named by the most events (the timeline's member filter is measured for them). */
  busiestMember: { id: string; events: number };
  /** Events per year of business time. */
  years: Record<string, number>;
  generatedInSeconds: number;
}

export interface CachedStore {
  file: string;
  metaFile: string;
}

/** The generator's identity: a hash of its source, so a cached store never outlives a change to it. */
export function generatorHash(): string {
  const source = join(REPO_ROOT, 'libs/contracts/src/testing/synthetic-network.ts');
  const text = existsSync(source) ? readFileSync(source) : Buffer.from('unknown');
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

export function cachedStore(size: string, seed: number): CachedStore {
  const base = join(CACHE_DIR, `events-${size}-seed${seed}-${generatorHash()}`);
  return { file: `${base}.db`, metaFile: `${base}.json` };
}

export function readMeta(store: CachedStore): StoreMeta | undefined {
  if (!existsSync(store.file) || !existsSync(store.metaFile)) return undefined;
  return JSON.parse(readFileSync(store.metaFile, 'utf8')) as StoreMeta;
}

/** The generated appends in chunks of `chunkSize`, stopping once `maxEvents` events have been handed out. */
export function* appendChunks(
  options: { events: number; seed: number },
  chunkSize: number,
  maxEvents = Number.POSITIVE_INFINITY,
): Generator<SyntheticAppend[]> {
  let chunk: SyntheticAppend[] = [];
  let events = 0;
  for (const append of syntheticNetwork({ events: options.events, seed: options.seed })) {
    if (events >= maxEvents) break;
    chunk.push(append);
    events += append.events.length;
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Member ids an event names, for picking the busiest member (the timeline's member filter). */
export function membersNamed(type: string, data: Record<string, unknown>): string[] {
  const named: string[] = [];
  for (const field of ['memberId', 'proposedBy', 'coachId', 'sharedBy', 'recordedBy', 'startedBy']) {
    const value = data[field];
    if (typeof value === 'string') named.push(value);
  }
  if (type === 'GatheringHeld' && Array.isArray(data.attendees)) named.push(...(data.attendees as string[]));
  return named;
}
