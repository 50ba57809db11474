import { Agent, request } from 'node:http';

/** A small keep-alive HTTP client for set-up requests and latency probes. */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(
    readonly baseUrl: string,
    /** Sent with every request (the bearer token, when the api asks for one). */
    private readonly headers: Record<string, string> = {},
  ) {}

  send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            ...this.headers,
            ...headers,
            ...(payload !== undefined && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Sends a command and fails loudly unless it is accepted: set-up must not go wrong silently. */
  async command(path: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
    const answer = await this.send('POST', path, body, headers);
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(`POST ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    }
  }

  close(): void {
    this.agent.destroy();
  }
}
