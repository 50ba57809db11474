import 'reflect-metadata';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PERSONAL_DATA_TRANSFORMER, type PersonalDataReader } from '@app/privacy';
import { ALL_PROJECTIONS, type Projection } from '@app/projections';
import { READ_STORE, type ReadStore } from '@app/read-store';
import { StoresModule } from '@app/stores';
import { loadProjectorConfig } from './config/projector.config';
import { closeLanes, DEFAULT_REBUILD_JOBS, openRebuildLanes } from './rebuild/open-lanes';
import { rebuildOnLanes, rebuildOrder } from './rebuild/rebuild-lanes';

const USAGE = `Usage: npm run projections:rebuild -- <${ALL_PROJECTIONS.map((p) => p.name).join('|')}|all> [--jobs N]

Rebuilds read models from the first event into a new version of their collections; readers keep the current
version until the new one has caught up, then switch over. An interrupted rebuild continues where it stopped
when started again. With "all", --jobs N rebuilds N projections at a time, each in a thread of its own (default
${DEFAULT_REBUILD_JOBS}; 2 on two cores finishes sooner and takes about 100 MB more).`;

interface Arguments {
  projections: Projection[];
  jobs: number;
}

export function parseRebuildArgs(args: readonly string[]): Arguments | { exit: number; message: string } {
  const jobsMessage = (value: string) =>
    `--jobs takes a number from 1 to 16, not ${JSON.stringify(value)}.\n\n${USAGE}`;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { jobs: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    // --jobs is the only option with a value: a value missing (or starting with a dash) is its.
    const code = (error as { code?: string }).code;
    return { exit: 2, message: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? jobsMessage('') : USAGE };
  }
  const { values, positionals } = parsed;
  if (values.help) return { exit: 0, message: USAGE };
  let jobs = DEFAULT_REBUILD_JOBS;
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d?$/.test(values.jobs) || Number(values.jobs) > 16) {
      return { exit: 2, message: jobsMessage(values.jobs) };
    }
    jobs = Number(values.jobs);
  }
  const [wanted, ...extra] = positionals;
  if (!wanted || extra.length > 0) return { exit: 2, message: USAGE };
  const projections = wanted === 'all' ? ALL_PROJECTIONS : ALL_PROJECTIONS.filter((p) => p.name === wanted);
  if (projections.length === 0) return { exit: 2, message: `Unknown projection "${wanted}".\n\n${USAGE}` };
  return { projections: [...projections], jobs: Math.min(jobs, projections.length) };
}

async function main(args: string[]): Promise<number> {
  const parsed = parseRebuildArgs(args);
  if ('exit' in parsed) {
    console.error(parsed.message);
    return parsed.exit;
  }
  const { projections, jobs } = parsed;

  const config = loadProjectorConfig(process.env);
  const context = await NestFactory.createApplicationContext(StoresModule.forRoot(config.stores), {
    logger: false,
  });
  const eventStore = context.get<EventStore>(EVENT_STORE);
  const readStore = context.get<ReadStore>(READ_STORE);
  // Forgotten members stay forgotten in the rebuilt read models: their keys are gone from the key store.
  const personalData = context.get<PersonalDataReader>(PERSONAL_DATA_TRANSFORMER);
  const lanes = await openRebuildLanes(jobs, { eventStore, readStore, personalData }, config);
  // Progress goes to stderr so the summary on stdout stays clean; no bars when not on a terminal.
  const bars = new MultiBar(
    {
      format:
        '{projection} [{bar}] {percentage}% | {value}/{total} positions | {rate} events/s | ETA {eta_formatted}',
      hideCursor: true,
      noTTYOutput: false,
      stream: process.stderr,
    },
    Presets.legacy,
  );
  try {
    const head = (await eventStore.headPosition()) ?? 0;
    // The summary on stdout; while bars are drawn on the terminal, through them so that they stay in place.
    const summary = (line: string) => (process.stderr.isTTY ? bars.log(`${line}\n`) : console.log(line));
    const running = new Map<string, { bar: SingleBar; started: number; applied: number }>();
    await rebuildOnLanes(rebuildOrder(projections), lanes, {
      started: (name) => {
        const bar = bars.create(Math.max(head, 1), 0, { projection: name.padEnd(16), rate: 0 });
        running.set(name, { bar, started: Date.now(), applied: 0 });
      },
      progress: (name, position, applied) => {
        const lane = running.get(name)!;
        lane.applied += applied;
        const seconds = (Date.now() - lane.started) / 1000;
        lane.bar.setTotal(Math.max(head, position, 1));
        lane.bar.update(position, { rate: seconds > 0 ? Math.round(lane.applied / seconds) : 0 });
      },
      finished: (name, result, seconds) => {
        const { bar } = running.get(name)!;
        bar.update(Math.max(head, result.position));
        bar.stop();
        bars.remove(bar);
        summary(
          `${name}: rebuilt version ${result.version} from ${result.events} events in ${seconds.toFixed(1)} s` +
            `${result.previousVersion ? `, replacing version ${result.previousVersion}` : ''}; readers switched over.`,
        );
      },
    });
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    bars.stop();
    await closeLanes(lanes);
    await context.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      new NestLogger('Rebuild').error(error);
      process.exit(1);
    },
  );
}
