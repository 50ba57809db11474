import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { loadProjectorConfig } from '../../projector/src/config/projector.config';
import { ProjectorAppModule } from '../../projector/src/projector-app.module';
import { ApiHarness, joinMember } from './api-harness';

/**
 * With the projector in its own process (here: its own Nest application on the same database), /health,
 * /projections and /metrics of the api show a projection falling behind while the projector is stopped, and
 * catching up when it runs again.
 */
describe('Operations: a projector that stops and starts again', () => {
  let api: ApiHarness;
  let projector: INestApplicationContext | undefined;

  const startProjector = async () => {
    const config = loadProjectorConfig({
      SQLITE_FILE: api.config.stores.sqliteFile,
      LOG_LEVEL: 'silent',
      PROJECTOR_PORT: '0',
    });
    projector = await NestFactory.createApplicationContext(ProjectorAppModule.forRoot(config), {
      logger: false,
    });
    await projector.init();
  };
  const stopProjector = async () => {
    await projector?.close();
    projector = undefined;
  };

  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'false', HEALTH_MAX_LAG_EVENTS: '3' } });
  });
  afterAll(async () => {
    await stopProjector();
    await api.stop();
  });

  const lagOf = async (projection: string) => {
    const text = (await api.request<string>('GET', '/metrics')).body;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`slimmernetwerk_projection_lag_events{projection="${projection}"}`));
    return Number(line?.split(' ').pop());
  };
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('reports the lag in /health, /projections and /metrics, and the catching up', async () => {
    await startProjector();
    await joinMember(api);
    await until(
      async () => (await api.request('GET', '/health')).status === 200 && (await lagOf('timeline')) === 0,
    );

    await stopProjector();
    for (let i = 0; i < 5; i++) await joinMember(api);

    const health = await api.request('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.error.projections.timeline).toMatchObject({ lagEvents: 10 });
    expect(await lagOf('timeline')).toBe(10);
    const status = await api.request('GET', '/projections');
    expect(status.body.projections.find((p: { name: string }) => p.name === 'members')).toMatchObject({
      state: 'catching-up',
      lagEvents: 10,
    });

    await startProjector();
    await until(async () => (await lagOf('timeline')) === 0);
    expect((await api.request('GET', '/health')).status).toBe(200);
    const metrics = (await api.request<string>('GET', '/metrics')).body;
    expect(metrics).toMatch(/slimmernetwerk_commands_total\{command="JoinNetwork",outcome="accepted"\} 6/);
    expect(metrics).toMatch(/slimmernetwerk_events_appended_total\{type="MemberJoined"\} 6/);
    expect(metrics).toMatch(/slimmernetwerk_command_duration_seconds_bucket/);
  });
});
