// A minimal JSON client over node:http for the custom loops. fetch would do, but node:http
// reports socket failures and timeouts as distinct errors, and the overload check has to
// count exactly those.
import http from 'node:http';

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

export class JsonClient {
  // No socket limit: an open-loop load must reach the server as it arrives, as many separate
  // users would, instead of queueing inside the load generator.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(private readonly timeoutMs: number) {}

  request(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (err) => reject(new SocketError('socket', err.message)));
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new SocketError('timeout', `no answer in ${this.timeoutMs} ms`)));
      req.on('error', (err) => reject(err instanceof SocketError ? err : new SocketError('socket', err.message)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
