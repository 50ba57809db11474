import { randomUUID } from 'node:crypto';
import { ApiHarness } from './api-harness';

/**
 * The live timeline (`GET /timeline/live`, server-sent events) over real HTTP with the embedded projector: a
 * client hears the position the timeline reached when a command is recorded, heartbeats while nothing moves, and
 * the number of open streams is bounded.
 */

/** An open event stream: the text received so far, and a way to wait for a condition on it. */
interface Stream {
  status: number;
  headers: Headers;
  text: () => string;
  until: (test: (text: string) => boolean, what: string) => Promise<void>;
  close: () => void;
}

async function open(api: ApiHarness, headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(`${api.baseUrl}/timeline/live`, { headers, signal: abort.signal });
  let received = '';
  const waiters: (() => void)[] = [];
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          received += decoder.decode(chunk, { stream: true });
          waiters.splice(0).forEach((wake) => wake());
        }
      } catch {
        /* closed by the test */
      }
    })();
  }
  return {
    status: response.status,
    headers: response.headers,
    text: () => received,
    until: async (test, what) => {
      const deadline = Date.now() + 20_000;
      while (!test(received)) {
        if (Date.now() > deadline) throw new Error(`the stream never showed ${what}; it said: ${received}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => abort.abort(),
  };
}

/** The positions the stream announced, in order. */
const positions = (text: string) =>
  [...text.matchAll(/^event: position\nid: (\d+)\ndata: (.*)$/gm)].map((m) => {
    expect(JSON.parse(m[2])).toEqual({ position: Number(m[1]) });
    return Number(m[1]);
  });

const joinBody = () => ({
  name: 'Live Lid',
  email: `live-${randomUUID().slice(0, 8)}@example.nl`,
  organisation: 'Gemeente Deventer',
  sector: 'gemeente',
  role: 'professional',
});

describe('The live timeline', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({
      env: {
        EMBEDDED_PROJECTOR: 'true',
        PUBLIC_READ: 'true',
        TIMELINE_LIVE_MAX_CONNECTIONS: '2',
        TIMELINE_LIVE_HEARTBEAT_SECONDS: '1',
      },
    });
  });
  afterAll(() => api.stop());

  it('tells an anonymous reader the position at once, then the position of a command just recorded', async () => {
    const stream = await open(api);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toBe('no-cache, no-transform');
      await stream.until((text) => positions(text).length === 1, 'the first position');
      expect(stream.text().startsWith('retry: 3000\n\n')).toBe(true);
      const [first] = positions(stream.text());

      const joined = await api.request('POST', '/members', joinBody());
      expect(joined.status).toBe(201);
      await stream.until(
        (text) => positions(text).some((p) => p >= joined.body.position),
        `position ${joined.body.position}`,
      );
      const announced = positions(stream.text());
      expect(announced[0]).toBe(first);
      expect([...announced].sort((a, b) => a - b)).toEqual(announced);
      // What the stream announced is readable: the timeline at that position lists the new member.
      const page = await api.request('GET', `/timeline?limit=1&minPosition=${announced.at(-1)}`);
      expect(page.body.items[0].type).toBe('MemberJoined');
    } finally {
      stream.close();
    }
  });

  it('sends heartbeats while nothing moves', async () => {
    const stream = await open(api);
    try {
      await stream.until((text) => (text.match(/^: heartbeat$/gm) ?? []).length >= 2, 'two heartbeats');
    } finally {
      stream.close();
    }
  });

  it('holds at most TIMELINE_LIVE_MAX_CONNECTIONS streams; a closed one frees its place', async () => {
    const first = await open(api);
    const second = await open(api);
    try {
      await first.until((text) => positions(text).length > 0, 'a position');
      await second.until((text) => positions(text).length > 0, 'a position');
      const third = await fetch(`${api.baseUrl}/timeline/live`);
      expect(third.status).toBe(503);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await third.json()) as { code: string }).code).toBe('TIMELINE.LIVE_BUSY');

      second.close();
      // The server notices the closed connection; then a new stream is accepted.
      let again: Stream | undefined;
      const deadline = Date.now() + 20_000;
      while (!again) {
        const attempt = await open(api);
        if (attempt.status === 200) again = attempt;
        else if (Date.now() > deadline) throw new Error('the closed stream never freed its place');
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      again.close();
    } finally {
      first.close();
      second.close();
    }
  });
});

describe('The live timeline without PUBLIC_READ', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await ApiHarness.start({ env: { EMBEDDED_PROJECTOR: 'true', PUBLIC_READ: 'false' } });
  });
  afterAll(() => api.stop());

  it('wants a token, as the timeline does', async () => {
    const anonymous = await fetch(`${api.baseUrl}/timeline/live`);
    expect(anonymous.status).toBe(401);
    const stream = await open(api, { authorization: `Bearer ${await api.tokenFor('observer')}` });
    try {
      expect(stream.status).toBe(200);
      await stream.until((text) => positions(text).length === 1, 'a position');
    } finally {
      stream.close();
    }
  });
});
