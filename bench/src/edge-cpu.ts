import 'reflect-metadata';
import { ValidationPipe, type Type } from '@nestjs/common';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/app.factory';
import { issueToken } from '../../apps/api/src/auth/token-issuer';
import { loadAppConfig } from '../../apps/api/src/config/app.config';
import { readModelsFileBeside } from '@app/stores';
import { JoinDoetankRequestDto } from '../../apps/api/src/doetanks/commands/join-doetank/join-doetank.request.dto';
import { ProposeDoetankRequestDto } from '../../apps/api/src/doetanks/commands/propose-doetank/propose-doetank.request.dto';
import { ShareResultRequestDto } from '../../apps/api/src/doetanks/commands/share-result/share-result.request.dto';
import { RegisterForGatheringRequestDto } from '../../apps/api/src/gatherings/commands/register-for-gathering/register-for-gathering.request.dto';
import { JoinNetworkRequestDto } from '../../apps/api/src/members/commands/join-network/join-network.request.dto';
import { API_VALIDATION_OPTIONS, ApiValidationPipe } from '../../apps/api/src/shared/api-validation.pipe';
import { FrameworkFloorModule } from './baselines/framework-floor';
import { addBenchModules } from './baselines/mount';
import { createPools, mixedCommands, type CommandRequest } from './commands';
import { FLOOR_PREFIX } from './endpoints';
import { HttpClient } from './http-client';
import { BENCH_API_SETTINGS } from './options';

/**
 * CPU per request of the edge, in one process, without sockets: for judging a change to the route stack on a
 * machine too busy for throughput figures (`npm run bench` measures those). The real app with the framework
 * floor's routes on a fresh SQLite file (FULL durability), the bench's command mix sent with `fastify.inject`
 * 32 at a time: the floor's routes (no store work) and the real command routes (with an Idempotency-Key). A
 * figure is the CPU time of the process (every thread, so the embedded projector too) ÷ requests, the median of
 * three rounds after a warm-up. `validation` times the validation pipe alone on the mix's bodies.
 *
 * `node dist/bench/src/edge-cpu.js [--reference] [--rounds 3] [--floor 6000] [--commands 2000] [--store <file>]
 * [--profile <file>]`; `--reference` validates every body with the ValidationPipe alone (the api before the
 * compiled check); `--store` starts from a copy of an event store with its read models built (`npm run
 * projections:rebuild` on it first), e.g. the bench's generated 100k store; `--profile` writes a V8 CPU profile of
 * the api's thread during the last round of commands (open it in Chrome DevTools).
 */

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const text = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const reference = args.includes('--reference');
const STORE = text('store');
const PROFILE = text('profile');
const ROUNDS = option('rounds', 3);
const FLOOR_REQUESTS = option('floor', 6000);
const COMMAND_REQUESTS = option('commands', 2000);
const VALIDATIONS = option('validations', 20000);
const CONCURRENCY = 32;

if (reference) {
  ApiValidationPipe.prototype.transform = ValidationPipe.prototype.transform;
}

const cpuMicros = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'edge-cpu-'));
  const file = join(folder, 'edge.sqlite');
  if (STORE) {
    copyFileSync(STORE, file);
    copyFileSync(readModelsFileBeside(STORE), readModelsFileBeside(file));
  }
  const config = loadAppConfig({
    SQLITE_FILE: file,
    ...BENCH_API_SETTINGS,
    // More api settings as JSON, as for the bench's api: BENCH_API_ENV='{"SQLITE_WRITER_THREAD":"true"}'.
    ...(JSON.parse(process.env.BENCH_API_ENV ?? '{}') as Record<string, string>),
  });
  addBenchModules([FrameworkFloorModule]);
  const app = await createApiApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  const { token } = await issueToken(['coordinator', '--ttl', '2h'], config);
  const headers = { authorization: `Bearer ${token}` };
  const client = new HttpClient(`http://127.0.0.1:${address.port}`, headers);
  const pools = await createPools(client, () => undefined);
  client.close();
  const fastify = app.getHttpAdapter().getInstance();

  /** Wall time of each round's commands: the throughput in one process, where waits (the fsync) count. */
  const commandsPerSecond: number[] = [];
  const load = async (next: () => CommandRequest, total: number): Promise<number> => {
    let sent = 0;
    let refused = 0;
    const worker = async () => {
      while (sent < total) {
        sent++;
        const request = next();
        const answer = await fastify.inject({
          method: request.method,
          url: request.path,
          headers: request.headers,
          payload: request.body,
        });
        if (answer.statusCode >= 300) refused++;
      }
    };
    const before = cpuMicros();
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const micros = (cpuMicros() - before) / total;
    if (next === commands) commandsPerSecond.push((total * 1000) / (performance.now() - started));
    if (refused > 0) throw new Error(`${refused} of ${total} requests refused`);
    return micros;
  };

  const floor = mixedCommands(pools, headers, { prefix: FLOOR_PREFIX, idempotencyKey: false });
  const commands = mixedCommands(pools, headers);
  const figures: Record<string, number[]> = { floor: [], commands: [], validation: [] };
  await load(floor, FLOOR_REQUESTS / 2);
  await load(commands, COMMAND_REQUESTS / 2);

  // The validation pipe alone, on the mix's bodies (the DTOs the routes declare).
  const pipe = new ApiValidationPipe(API_VALIDATION_OPTIONS);
  const dtos = floorBodyTypes();
  const samples = Array.from({ length: 500 }, () => floor()).map((request) => ({
    body: request.body,
    metatype: dtos.get(request.path.replace(/[0-9a-f-]{36}/g, ':id'))!,
  }));
  const validate = async (): Promise<number> => {
    const before = cpuMicros();
    for (let i = 0; i < VALIDATIONS; i++) {
      const sample = samples[i % samples.length];
      await pipe.transform(JSON.parse(sample.body), { type: 'body', metatype: sample.metatype });
    }
    return (cpuMicros() - before) / VALIDATIONS;
  };
  await validate();

  for (let round = 0; round < ROUNDS; round++) {
    figures.validation.push(await validate());
    figures.floor.push(await load(floor, FLOOR_REQUESTS));
    const profiling = PROFILE && round === ROUNDS - 1 ? await startProfile() : undefined;
    figures.commands.push(await load(commands, COMMAND_REQUESTS));
    if (profiling) writeFileSync(PROFILE!, JSON.stringify(await profiling.stop()));
  }
  await app.close();
  rmSync(folder, { recursive: true, force: true });
  const result = Object.fromEntries(
    Object.entries(figures).map(([name, values]) => [
      name,
      { medianMicros: Math.round(median(values)), rounds: values.map(Math.round) },
    ]),
  );
  console.log(
    JSON.stringify({
      mode: reference ? 'reference (ValidationPipe alone)' : 'compiled check',
      ...result,
      validationsPerCpuSecond: Math.round(1e6 / median(figures.validation)),
      commandsPerWallSecond: commandsPerSecond.slice(1).map(Math.round),
    }),
  );
}

/** A V8 CPU profile of this thread from now until `stop`. */
async function startProfile(): Promise<{ stop(): Promise<object> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      session.disconnect();
      return profile;
    },
  };
}

/** The floor routes' body DTOs by path (ids replaced by `:id`). */
const floorBodyTypes = (): Map<string, Type> =>
  new Map<string, Type>([
    [`${FLOOR_PREFIX}/members`, JoinNetworkRequestDto],
    [`${FLOOR_PREFIX}/doetanks`, ProposeDoetankRequestDto],
    [`${FLOOR_PREFIX}/doetanks/:id/members`, JoinDoetankRequestDto],
    [`${FLOOR_PREFIX}/gatherings/:id/registrations`, RegisterForGatheringRequestDto],
    [`${FLOOR_PREFIX}/doetanks/:id/results`, ShareResultRequestDto],
  ]);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
