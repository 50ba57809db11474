// A stand-in for an EventStoreDB node that accepts connections and calls and then does not do its job: by default
// it never answers (a server that is up but stuck: the connection and HTTP/2 pings stay healthy, so neither TCP
// nor gRPC keepalive notices); per call it can instead end the call at once with a gRPC status (what a node that is
// not ready, or one that fails a request, answers). Plain node:http2, no gRPC library: for hang and fault tests of
// the real client, in every CI run.
import { once } from 'node:events';
import {
  constants,
  createServer,
  type Http2Server,
  type Http2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { AddressInfo } from 'node:net';

/** gRPC status codes (grpc/grpc doc/statuscodes.md) the tests use. */
export const GRPC_STATUS = {
  cancelled: 1,
  unknown: 2,
  invalidArgument: 3,
  deadlineExceeded: 4,
  permissionDenied: 7,
  resourceExhausted: 8,
  aborted: 10,
  unimplemented: 12,
  internal: 13,
  unavailable: 14,
} as const;

/** What the server does with a call: never answer, or end it at once with a status. */
export type FaultAnswer = 'hang' | { status: number; message?: string };

export interface GrpcFaultServerOptions {
  /** The answer to a call of a gRPC method path (e.g. `/event_store.client.streams.Streams/Read`). Default: hang. */
  answer?: (path: string) => FaultAnswer;
}

export interface GrpcFaultServer {
  /** `esdb://127.0.0.1:<port>?tls=false`, for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  /** The method paths called so far, in order. */
  readonly calls: readonly string[];
  /** Calls that are still open (neither answered nor cancelled by the client). */
  readonly openCalls: number;
  /** Resolves once `count` calls have arrived. */
  waitForCalls(count: number): Promise<void>;
  /** Ends every connection and stops listening. */
  close(): Promise<void>;
}

export async function startGrpcFaultServer(options: GrpcFaultServerOptions = {}): Promise<GrpcFaultServer> {
  const answer = options.answer ?? (() => 'hang');
  const calls: string[] = [];
  const open = new Set<ServerHttp2Stream>();
  const sessions = new Set<Http2Session>();
  const waiters: { count: number; resolve: () => void }[] = [];

  const server: Http2Server = createServer();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    // A client that goes away mid-call resets its sessions; that is no error of the server's.
    session.on('error', () => undefined);
  });
  server.on('stream', (stream, headers) => {
    const path = String(headers[constants.HTTP2_HEADER_PATH]);
    calls.push(path);
    for (const waiter of waiters.filter((w) => calls.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    stream.on('error', () => undefined);
    // Read (and drop) what the client sends, so that its writes are never held up by flow control.
    stream.resume();
    const reply = answer(path);
    if (reply === 'hang') {
      open.add(stream);
      stream.on('close', () => open.delete(stream));
      return;
    }
    // A trailers-only response: the status in the headers, no body (the gRPC over HTTP/2 protocol, PROTOCOL-HTTP2.md).
    stream.respond(
      {
        [constants.HTTP2_HEADER_STATUS]: 200,
        [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
        'grpc-status': String(reply.status),
        'grpc-message': encodeURIComponent(reply.message ?? 'injected by the fault server'),
      },
      { endStream: true },
    );
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    get calls() {
      return calls;
    },
    get openCalls() {
      return open.size;
    },
    waitForCalls(count) {
      if (calls.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.destroy();
      await closed;
    },
  };
}
