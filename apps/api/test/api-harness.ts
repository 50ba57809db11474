import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../src/app.factory';
import { loadAppConfig, type AppConfig } from '../src/config/app.config';
import type { Clock } from '../src/commands/clock';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The API for tests: the real app (same factory as main.ts) on a real port, over a temp SQLite file. A harness
 * can be restarted on the same file to test what survives a restart.
 */
export class ApiHarness {
  private app?: NestFastifyApplication;
  baseUrl = '';

  private constructor(
    readonly dir: string,
    readonly config: AppConfig,
    private readonly clock?: Clock,
  ) {}

  static async start(
    options: { env?: Record<string, string>; clock?: Clock; dir?: string } = {},
  ): Promise<ApiHarness> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'slimmernetwerk-api-'));
    const config = loadAppConfig({
      SQLITE_FILE: join(dir, 'test.db'),
      LOG_LEVEL: 'silent',
      EMBEDDED_PROJECTOR: 'false',
      ...options.env,
    });
    const harness = new ApiHarness(dir, config, options.clock);
    await harness.boot();
    return harness;
  }

  private async boot(): Promise<void> {
    this.app = await createApiApp({ config: this.config, clock: this.clock });
    await this.app.listen({ port: 0, host: '127.0.0.1' });
    const address = this.app.getHttpServer().address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  /** Stops the app and starts a new one on the same database file. */
  async restart(): Promise<void> {
    await this.app?.close();
    await this.boot();
  }

  get<T = unknown>(token: symbol | string | (new (...args: never[]) => T)): T {
    return this.app!.get(token as never);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  post<T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }

  put<T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }

  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app?.close();
    this.app = undefined;
    if (!options.keepFiles) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A fresh member in the network; returns its id. */
export async function joinMember(api: ApiHarness, overrides: Record<string, unknown> = {}): Promise<string> {
  const memberId = randomUUID();
  const answer = await api.post('/members', {
    memberId,
    name: 'Sanne de Vries',
    email: `${memberId}@example.nl`,
    organisation: 'Gemeente Utrecht',
    sector: 'gemeente',
    role: 'professional',
    ...overrides,
  });
  if (answer.status !== 201) throw new Error(`join failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return memberId;
}
