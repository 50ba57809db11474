import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { mixedCommands, PEER_KINDS, runLoad, type CommandPools, type LoadResult } from '../commands';
import { PEER_PREFIX } from '../endpoints';
import { HttpClient } from '../http-client';
import { Worker, type Progress } from '../ipc';
import type { BenchOptions } from '../options';

/** Members the peer's proposals name as proposers, made through the peer before its load. */
const PEER_MEMBERS = 100;

/**
 * The peer over HTTP: an api process of its own (the real app on an empty store of ours, for its token secret and
 * idempotency table) that also serves the Emmett routes (emmett-peer.ts) on Emmett's SQLite event store in a fresh
 * file, loaded like ours: the same connections, seconds and warm-up, the same bodies of the same two commands. Its
 * requests carry no Idempotency-Key: Emmett has no idempotency store, and with a key the interceptor would write
 * records into our store, which is not the peer's work.
 */
export async function measurePeerOverHttp(
  options: BenchOptions,
  dir: string,
  onProgress: (progress: Progress) => void,
): Promise<{ load: LoadResult; members: number; busyRetries: number }> {
  const { commandConnections: connections, commandSeconds: seconds, warmupSeconds } = options.plan;
  const api = Worker.start('api');
  try {
    const { port } = await api.call<{ port: number }>('start', {
      file: join(dir, 'peer-app.db'),
      synchronous: options.synchronous,
      emmettFile: join(dir, 'peer-emmett.db'),
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    const { token } = await api.call<{ token: string }>('coordinatorToken');
    const headers = { authorization: `Bearer ${token}` };
    const client = new HttpClient(baseUrl, headers);
    const members = Array.from({ length: PEER_MEMBERS }, () => randomUUID());
    for (const [i, memberId] of members.entries()) {
      await client.command(`${PEER_PREFIX}/members`, {
        memberId,
        name: `Peer Lid ${i}`,
        email: `peer-${memberId}@example.nl`,
        organisation: 'Gemeente Utrecht',
        sector: 'gemeente',
        role: 'professional',
      });
      onProgress({ label: 'peer members', done: i + 1, total: members.length });
    }
    client.close();
    const pools: CommandPools = { members, doetanks: [], gatherings: [] };
    const next = mixedCommands(pools, headers, {
      kinds: PEER_KINDS,
      prefix: PEER_PREFIX,
      idempotencyKey: false,
    });
    const load = (label: string, duration: number) =>
      runLoad(baseUrl, {
        connections,
        seconds: duration,
        next,
        onTick: (s) => onProgress({ label, done: Math.min(s, duration), total: duration }),
      });
    await load('peer warm-up (s)', warmupSeconds);
    const measured = await load('peer: Emmett over HTTP (s)', seconds);
    const { retries } = await api.call<{ retries: number }>('emmettRetries');
    await api.call('stop');
    return { load: measured, members: members.length, busyRetries: retries };
  } finally {
    await api.stop();
  }
}
