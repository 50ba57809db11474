import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ProjectorService } from '@app/projection-runtime';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { TIMELINE_READ_MODELS } from '../queries/list-timeline/list-timeline.query';

/** How long a browser waits before it reconnects after the stream ended (the `retry:` field of the stream). */
const RETRY_MS = 3000;

/**
 * The timeline's live stream (`GET /timeline/live`): tells every connected client the position the timeline's read
 * models have reached, each time it moves; the client then reads the new entries with `GET /timeline` as any
 * reader does, with its own filters and rights. One wait serves every client: while anyone listens, a single loop
 * waits on the projector for the next position (in memory when the projections run in this process, else their
 * checkpoints in the read store: never the event store), and sends a comment line as a heartbeat when nothing
 * moved for `heartbeatMs`, so that proxies keep the connection and a client notices a dead one.
 *
 * The stream format is the HTML standard's "server-sent events" (text/event-stream): `event: position`,
 * `id: <position>`, `data: {"position": n}`, and `: heartbeat` comments.
 */
@Injectable()
export class TimelineLiveService implements OnModuleDestroy {
  private readonly logger = new Logger(TimelineLiveService.name);
  private readonly clients = new Set<ServerResponse>();
  private position = -1;
  private running = false;
  private stopped = false;

  constructor(
    private readonly projector: ProjectorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether one more client may connect (`TIMELINE_LIVE_MAX_CONNECTIONS`). */
  hasRoom(): boolean {
    return this.clients.size < this.config.timelineLive.maxConnections;
  }

  get connections(): number {
    return this.clients.size;
  }

  /** Starts a client's stream: the retry delay and the position now, then every move until it disconnects. */
  async add(client: ServerResponse): Promise<void> {
    this.clients.add(client);
    client.on('close', () => this.clients.delete(client));
    const now = await this.projector.lowestPosition(TIMELINE_READ_MODELS);
    if (now > this.position) this.position = now;
    client.write(`retry: ${RETRY_MS}\n\n`);
    client.write(positionMessage(this.position));
    if (!this.running) void this.follow();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  /** The one loop: runs while anyone listens. */
  private async follow(): Promise<void> {
    this.running = true;
    const heartbeatMs = this.config.timelineLive.heartbeatSeconds * 1000;
    try {
      while (this.clients.size > 0 && !this.stopped) {
        const began = Date.now();
        let reached = false;
        try {
          reached = await this.projector.waitForPosition(
            this.position + 1,
            heartbeatMs,
            TIMELINE_READ_MODELS,
          );
          if (reached) this.position = await this.projector.lowestPosition(TIMELINE_READ_MODELS);
        } catch (error) {
          // The read store is away: the clients keep their connection (heartbeats) and hear of the next move.
          this.logger.warn(`The live timeline cannot read the projections' position: ${String(error)}`);
        }
        this.broadcast(reached ? positionMessage(this.position) : ': heartbeat\n\n');
        // A failed projection or an error answers at once: wait out the heartbeat rather than spin.
        const rest = heartbeatMs - (Date.now() - began);
        if (!reached && rest > 0 && this.clients.size > 0 && !this.stopped) {
          await new Promise((resolve) => setTimeout(resolve, rest).unref());
        }
      }
    } finally {
      this.running = false;
    }
  }

  private broadcast(message: string): void {
    for (const client of this.clients) client.write(message);
  }
}

const positionMessage = (position: number) =>
  `event: position\nid: ${position}\ndata: ${JSON.stringify({ position })}\n\n`;
