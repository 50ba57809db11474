import type { RebuildResult } from '@app/projections/runner';
import { rebuildOnLanes, type RebuildLane } from './rebuild-lanes';

/** A lane whose rebuilds finish when the test says so. */
class ScriptedLane implements RebuildLane {
  readonly asked: string[] = [];
  private readonly open = new Map<
    string,
    { resolve: (r: RebuildResult) => void; reject: (e: unknown) => void }
  >();

  rebuild(
    projection: string,
    onProgress: (position: number, applied: number) => void,
  ): Promise<RebuildResult> {
    this.asked.push(projection);
    onProgress(1, 1);
    return new Promise((resolve, reject) => this.open.set(projection, { resolve, reject }));
  }

  finish(projection: string): void {
    this.open.get(projection)!.resolve({ projection, version: 2, position: 10, events: 10 });
    this.open.delete(projection);
  }

  fail(projection: string, error: Error): void {
    this.open.get(projection)!.reject(error);
    this.open.delete(projection);
  }

  async close(): Promise<void> {}
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Rebuilding on lanes', () => {
  it('gives each free lane the next projection, and answers in the order asked', async () => {
    // Given two lanes and four projections
    const [a, b] = [new ScriptedLane(), new ScriptedLane()];
    const progress: string[] = [];
    const done = rebuildOnLanes(['p1', 'p2', 'p3', 'p4'], [a, b], {
      progress: (projection) => progress.push(projection),
    });
    await settle();
    expect([a.asked, b.asked]).toEqual([['p1'], ['p2']]);
    // When the second lane finishes first, it takes the next; then the first takes the last
    b.finish('p2');
    await settle();
    expect(b.asked).toEqual(['p2', 'p3']);
    a.finish('p1');
    await settle();
    expect(a.asked).toEqual(['p1', 'p4']);
    b.finish('p3');
    a.finish('p4');
    // Then
    expect((await done).map((r) => r.projection)).toEqual(['p1', 'p2', 'p3', 'p4']);
    expect(progress.sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
  });

  it('starts nothing after a failure, lets the running ones finish, then throws the failure', async () => {
    // Given
    const [a, b] = [new ScriptedLane(), new ScriptedLane()];
    const finished: string[] = [];
    const done = rebuildOnLanes(['p1', 'p2', 'p3'], [a, b], { finished: (p) => finished.push(p) });
    const outcome = done.then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    await settle();
    // When the first fails while the second runs
    a.fail('p1', new Error('p1 stopped at position 7'));
    await settle();
    // Then no lane takes p3, and the failure comes once the second has finished
    expect([a.asked, b.asked]).toEqual([['p1'], ['p2']]);
    let settled = false;
    void outcome.then(() => (settled = true));
    await settle();
    expect(settled).toBe(false);
    b.finish('p2');
    expect(await outcome).toBe('p1 stopped at position 7');
    expect(finished).toEqual(['p2']);
  });

  it('needs a lane', async () => {
    await expect(rebuildOnLanes(['p1'], [])).rejects.toThrow('at least one lane');
  });
});
