/**
 * Live updates: the page listens to `GET /timeline/live` (server-sent events) for the position the timeline has
 * reached, and when it moves, the timeline shown reads its new entries with its own filters and shows them where
 * they belong (`timeline-new.js`), without a reload: a wall screen shows a gathering as soon as it is recorded.
 *
 * Read with `fetch` rather than `EventSource`, which cannot send the reader's token (`Authorization`). After the
 * stream ends or fails the page connects again, waiting longer each time (up to half a minute), and hears the
 * position at once: nothing recorded while it was away is missed.
 */
import { showNewEntries } from './timeline-new.js';
import { state } from './state.js';

const FIRST_RETRY_MS = 3000;
const LONGEST_RETRY_MS = 30_000;

/** The position whose entries the page has read (null until the stream first spoke). @type {number | null} */
let known = null;
let retryMs = FIRST_RETRY_MS;

/** @param {number} position */
function moved(position) {
  if (known !== null && position > known) showNewEntries(known, position);
  known = known === null ? position : Math.max(known, position);
  // Where the page's live updates stand, for whoever looks (the browser tests wait for it before they write).
  document.documentElement.setAttribute('data-live-position', String(known));
}

/**
 * One server-sent message (the lines between two blank lines): its event and data; comments (heartbeats) are
 * ignored.
 * @param {string} block
 */
function message(block) {
  let event = 'message';
  let data = '';
  block.split('\n').forEach((line) => {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data += line.slice(5).trim();
    else if (line.startsWith('retry:')) retryMs = Number(line.slice(6).trim()) || retryMs;
  });
  if (event !== 'position' || !data) return;
  const position = Number(JSON.parse(data).position);
  if (Number.isInteger(position)) moved(position);
}

async function listen() {
  /** @type {Record<string, string>} */
  const headers = { accept: 'text/event-stream' };
  if (state.token) headers.authorization = `Bearer ${state.token}`;
  const response = await fetch('/timeline/live', { headers, cache: 'no-store' });
  if (!response.ok || !response.body) throw new Error(`${response.status}`);
  const reader = response.body.pipeThrough(new window.TextDecoderStream()).getReader();
  let buffer = '';
  retryMs = FIRST_RETRY_MS;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      message(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
    }
  }
}

/** Listens as long as the page is open, connecting again after each end. */
export function startLive() {
  listen()
    .catch(() => {
      /* refused (no token yet, too many listeners) or cut off: try again later */
    })
    .finally(() => {
      window.setTimeout(startLive, retryMs);
      retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
    });
}
