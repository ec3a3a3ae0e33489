// A minimal JSON client for the custom loops, on undici: the load generator shares the
// machine's two cores with the server and PostgreSQL, so every millisecond it spends per
// request is taken from what is measured. It goes through undici's `dispatch`, with a handler
// that collects the body's chunks, rather than `request`, whose body is a stream: in
// alternating closed login loops the generator spent 0.65–0.76 ms a login against 0.81–0.97
// (and undici's `request` costs well under node:http's). Socket failures and timeouts stay
// distinct errors: the overload check counts exactly those.
import { Agent, errors, type Dispatcher } from 'undici';

export type JsonResponse = { status: number; body: string };

/** A failure below HTTP: the connection was refused or reset, or no answer came in time. */
export class SocketError extends Error {
  constructor(
    readonly kind: 'timeout' | 'socket',
    message: string,
  ) {
    super(message);
    this.name = 'SocketError';
  }
}

function isTimeout(err: unknown): boolean {
  return err instanceof errors.HeadersTimeoutError || err instanceof errors.BodyTimeoutError || err instanceof errors.ConnectTimeoutError;
}

export class JsonClient {
  // No connection limit: an open-loop load must reach the server as it arrives, as many separate
  // users would, instead of queueing inside the load generator.
  private readonly agent: Agent;

  constructor(private readonly timeoutMs: number) {
    this.agent = new Agent({ connections: null, pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
  }

  /** `baseUrl` is the server's origin (`http://host:port`); `path` may carry a query. */
  request(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      let status = 0;
      const chunks: Buffer[] = [];
      const handler: Dispatcher.DispatchHandler = {
        onConnect: () => {},
        onHeaders: (statusCode) => {
          status = statusCode;
          return true;
        },
        onData: (chunk) => {
          chunks.push(chunk);
          return true;
        },
        onComplete: () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }),
        onError: (err) => {
          if (isTimeout(err)) reject(new SocketError('timeout', `no answer in ${this.timeoutMs} ms`));
          else reject(new SocketError('socket', err instanceof Error ? err.message : String(err)));
        },
      };
      try {
        this.agent.dispatch(
          {
            origin: baseUrl,
            path,
            method: method as Dispatcher.HttpMethod,
            headers: { accept: 'application/json', ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
            body: payload,
          },
          handler,
        );
      } catch (err) {
        // Options undici refuses before sending anything.
        handler.onError!(err as Error);
      }
    });
  }

  close(): void {
    void this.agent.close();
  }
}
