// An SMS provider reached over HTTP: POST {to, from, text, reference} with a bearer token;
// the provider answers 2xx with {"id": "..."}. The reference is the outbox id, so a
// provider that deduplicates on it never sends a retried message twice.
//
// Every login and every registration sends through it, so it keeps its connections to the
// provider open (undici's Agent) rather than going through fetch, which costs several times
// the CPU per request.
import { Agent } from 'undici';
import type { SmsGateway, SmsMessage } from './port';

export type HttpSmsGatewayOptions = { url: string; token: string; sender: string; timeoutMs?: number };

export class HttpSmsGateway implements SmsGateway {
  private readonly agent: Agent;
  private readonly origin: string;
  private readonly path: string;

  constructor(private readonly opts: HttpSmsGatewayOptions) {
    const timeoutMs = opts.timeoutMs ?? 5000;
    this.agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connectTimeout: timeoutMs });
    const url = new URL(opts.url);
    this.origin = url.origin;
    this.path = url.pathname + url.search;
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const res = await this.agent.request({
      origin: this.origin,
      path: this.path,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.token}` },
      body: JSON.stringify({ to: message.to, from: this.opts.sender, text: message.body, reference: message.id }),
    });
    if (res.statusCode < 200 || res.statusCode > 299) {
      await res.body.dump();
      throw new Error(`SMS provider answered ${res.statusCode}`);
    }
    const body = (await res.body.json().catch(() => ({}))) as { id?: unknown } | null;
    return { providerMessageId: typeof body?.id === 'string' ? body.id : message.id };
  }

  /** Closes the kept connections (at shutdown). */
  close(): Promise<void> {
    return this.agent.close();
  }
}
