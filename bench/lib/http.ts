// A minimal JSON client for the custom loops, on undici: the load generator shares the
// machine's two cores with the server and PostgreSQL, so every millisecond it spends per
// request is taken from what is measured, and undici's client costs well under node:http's.
// Socket failures and timeouts stay distinct errors: the overload check counts exactly those.
import { Agent, errors } from 'undici';

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

  async request(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    try {
      const res = await this.agent.request({
        origin: url.origin,
        path: url.pathname + url.search,
        method: method as 'GET',
        headers: { accept: 'application/json', ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: payload,
      });
      return { status: res.statusCode, body: await res.body.text() };
    } catch (err) {
      if (isTimeout(err)) throw new SocketError('timeout', `no answer in ${this.timeoutMs} ms`);
      throw new SocketError('socket', err instanceof Error ? err.message : String(err));
    }
  }

  close(): void {
    void this.agent.close();
  }
}
