// A stand-in SMS provider in the load generator: the server under test sends its texts here
// through its real HTTP provider client (SMS_PROVIDER_URL), as it would to a provider in
// production, and each login waits for its own code to arrive, as a person waits for the
// SMS. Nothing is polled and nothing is read back from the database.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const CODE = /\b(\d{6})\b/;

export type CodeWait = {
  /** Whether the text has come already. */
  arrived(): boolean;
  /** The code, or null when none comes within `timeoutMs` from now. */
  code(timeoutMs: number): Promise<string | null>;
  /** Stops waiting (the login failed before a code was due). */
  cancel(): void;
};

export class StandInSmsProvider {
  private server: http.Server | undefined;
  private readonly waiting = new Map<string, Array<(code: string | null) => void>>();
  readonly token = `bench-${process.pid}`;
  url = '';
  /** Texts that arrived with no login waiting for them. */
  unexpected = 0;

  /** How the codes reach the load generator, for the report (a CodeSource). */
  get describe(): string {
    return `sent by the server to a stand-in SMS provider (${this.url})`;
  }

  async start(): Promise<void> {
    this.server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.headers.authorization !== `Bearer ${this.token}`) return void res.writeHead(401).end();
        let sms: { to?: unknown; text?: unknown; reference?: unknown };
        try {
          sms = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof sms;
        } catch {
          return void res.writeHead(400).end();
        }
        const code = typeof sms.text === 'string' ? (sms.text.match(CODE)?.[1] ?? null) : null;
        // The first login waiting for this mobile takes it (and leaves the queue).
        const first = typeof sms.to === 'string' ? this.waiting.get(sms.to)?.[0] : undefined;
        if (first && code) first(code);
        else this.unexpected++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: String(sms.reference ?? '') }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sms`;
  }

  /**
   * Waits for the next code sent to `mobile`. Ask before the request that sends it: the text
   * can arrive before the server's answer.
   */
  expect(mobile: string): CodeWait {
    let received: string | null | undefined;
    let wake: ((code: string | null) => void) | undefined;
    const take = (code: string | null) => {
      const queue = this.waiting.get(mobile);
      const at = queue?.indexOf(take) ?? -1;
      if (at >= 0) queue!.splice(at, 1);
      if (queue?.length === 0) this.waiting.delete(mobile);
      received ??= code;
      wake?.(received);
    };
    const queue = this.waiting.get(mobile) ?? [];
    queue.push(take);
    this.waiting.set(mobile, queue);
    return {
      arrived: () => typeof received === 'string',
      code: (timeoutMs) => {
        if (received !== undefined) return Promise.resolve(received);
        return new Promise((resolve) => {
          const timer = setTimeout(() => take(null), timeoutMs);
          wake = (code) => {
            clearTimeout(timer);
            resolve(code);
          };
        });
      },
      cancel: () => take(null),
    };
  }

  async stop(): Promise<void> {
    for (const queue of [...this.waiting.values()]) for (const take of [...queue]) take(null);
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
