// The one way the real agency clients call out: a bearer token, a timeout, JSON, over
// connections kept open to the agency (undici's Agent: a fraction of fetch's CPU a call). A
// network failure, a timeout, a 5xx, a 429 or a refused token is AgencyUnavailableError (the
// edge answers 503 with Retry-After); any other status is the caller's to read.
import { Agent } from 'undici';
import { AgencyUnavailableError } from './population-registry/port';

export type AgencyClientOptions = { url: string; token: string; timeoutMs?: number };

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false; error: unknown } };

/** An agency's answer, its body already read (they are small): the connection is free again. */
export type AgencyResponse = {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  /** Refuses a status other than 2xx: the agency is not answering properly. */
  expectOk(): void;
  /** The body, which must be a 2xx's and match; anything else means the agency is not answering properly. */
  read<T>(schema: Schema<T>): Promise<T>;
};

export class AgencyClient {
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly baseQuery: string;

  constructor(
    readonly agency: string,
    private readonly opts: AgencyClientOptions,
  ) {
    const timeoutMs = (this.timeoutMs = opts.timeoutMs ?? 5000);
    // undici checks its own timeouts about every half second: they are only the backstop of
    // the exact one each call sets (`call`).
    this.agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
    const url = new URL(opts.url);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/$/, '');
    this.baseQuery = url.search.slice(1);
  }

  /** The path below the configured URL, with the URL's own query (a key some providers want) kept. */
  private target(path: string): string {
    if (!this.baseQuery) return this.basePath + path;
    return `${this.basePath}${path}${path.includes('?') ? '&' : '?'}${this.baseQuery}`;
  }

  async call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<AgencyResponse> {
    let status: number;
    let text: string;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error(`no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const res = await this.agent.request({
        signal: deadline.signal,
        origin: this.origin,
        path: this.target(path),
        method,
        headers: { authorization: `Bearer ${this.opts.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      throw new AgencyUnavailableError(this.agency, err, deadline.signal.aborted ? `no answer in ${this.timeoutMs} ms` : networkReason(err));
    } finally {
      clearTimeout(timer);
    }
    const refused = () => new AgencyUnavailableError(this.agency, new Error(`status ${status}`), `status ${status}`);
    if (status >= 500 || status === 429 || status === 401 || status === 403) throw refused();
    const ok = status >= 200 && status <= 299;
    const json = async () => JSON.parse(text) as unknown;
    const expectOk = () => {
      if (!ok) throw refused();
    };
    const read = async <T>(schema: Schema<T>): Promise<T> => {
      expectOk();
      const parsed = schema.safeParse(await json().catch(() => null));
      if (!parsed.success) throw new AgencyUnavailableError(this.agency, parsed.error, 'malformed answer');
      return parsed.data;
    };
    return { status, ok, json, expectOk, read };
  }

  /** Lets go of the kept connections. */
  close(): Promise<void> {
    return this.agent.close();
  }
}

/** A network failure's code (ECONNREFUSED, UND_ERR_SOCKET ...), which names no person. */
function networkReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : 'network error';
}
