import { randomUUID } from 'node:crypto';
import { ProjectorService } from '@app/projection-runtime';
import { ALL_PROJECTIONS } from '@app/projections';
import { ApiHarness, memberBody } from './api-harness';

/**
 * The embedded projector in its worker thread (EMBEDDED_PROJECTOR_THREAD, on by default): through the real api
 * over HTTP, read-your-writes, the statuses and health from the worker's reports, and a worker that dies.
 */
describe('The embedded projector in a worker thread', () => {
  const api = ApiHarness.forTests({ env: { EMBEDDED_PROJECTOR: 'true', READ_WAIT_MAX_MS: '10000' } });

  const projector = () => api.get(ProjectorService);
  const join = async (sector = 'gemeente') => {
    const memberId = randomUUID();
    const answer = await api.post('/members', memberBody(memberId, { sector, name: 'Fleur Bakker' }));
    expect(answer.status).toBe(201);
    return { memberId, position: answer.body.position as number };
  };
  const until = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('runs the projections in the worker, not on the main thread', () => {
    expect(projector().thread).toBeDefined();
    expect(projector().running).toBe(true);
    expect(projector().runner('members')).toBeUndefined();
  });

  it("reads a command's own write when asked to wait for its position", async () => {
    const { memberId, position } = await join('waterschap');
    const directory = await api.request('GET', `/members?sector=waterschap&minPosition=${position}`);
    expect(directory.headers.get('x-read-model-consistent')).toBe('true');
    expect(Number(directory.headers.get('x-read-model-position'))).toBeGreaterThanOrEqual(position);
    expect(directory.body.items.map((m: { id: string }) => m.id)).toContain(memberId);
    const timeline = await api.request('GET', `/timeline?member=${memberId}&minPosition=${position}`);
    expect(timeline.headers.get('x-read-model-consistent')).toBe('true');
    expect(timeline.body.items).toHaveLength(1);
  });

  it("shows the worker's heap and the command side's state cache in /metrics", async () => {
    await join();
    const text = (await api.request<string>('GET', '/metrics')).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    // The worker reports its heap with every status; a Nest app with five projections holds megabytes.
    expect(value('slimmernetwerk_projector_thread_heap_used_bytes')).toBeGreaterThan(1024 * 1024);
    // The member's stream (and the e-mail claim's) was folded and kept for the next command.
    expect(value('slimmernetwerk_command_state_cache_streams')).toBeGreaterThanOrEqual(1);
    expect(value('slimmernetwerk_command_state_cache_events')).toBeGreaterThanOrEqual(2);
  });

  it('reports the positions the worker wrote in /projections and /health', async () => {
    const { position } = await join();
    expect(await projector().waitForPosition(position, 10_000)).toBe(true);
    const { body } = await api.request('GET', '/projections');
    expect(body.projections).toHaveLength(ALL_PROJECTIONS.length);
    for (const status of body.projections) {
      expect(status).toMatchObject({ state: 'live', position, headPosition: position, lagEvents: 0 });
    }
    const health = await api.request('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body.details.projections.timeline).toMatchObject({ state: 'live', position, lagEvents: 0 });
  });

  it('reports every projection failed when the worker dies, starts it again, and catches up', async () => {
    const before = await join();
    expect(await projector().waitForPosition(before.position, 10_000)).toBe(true);

    await projector().thread!.terminateAbruptly();
    await until(async () => (await api.request('GET', '/health')).status === 503);
    const down = await api.request('GET', '/health');
    expect(down.body.error.projections.timeline).toMatchObject({
      state: 'failed',
      position: before.position,
      error: expect.stringMatching(/projector thread ended unexpectedly/),
    });

    // Commands go on meanwhile; the new worker resumes from the checkpoints and applies them.
    const after = await join('provincie');
    await until(async () => (await api.request('GET', '/health')).status === 200);
    const directory = await api.request('GET', `/members?sector=provincie&minPosition=${after.position}`);
    expect(directory.headers.get('x-read-model-consistent')).toBe('true');
    expect(directory.body.items.map((m: { id: string }) => m.id)).toContain(after.memberId);
    const { body } = await api.request('GET', '/projections');
    for (const status of body.projections) {
      expect(status).toMatchObject({ state: 'live', position: after.position });
      expect(status.error).toBeUndefined();
    }
  });
});
