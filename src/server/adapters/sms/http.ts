// An SMS provider reached over HTTP: POST {to, from, text, reference} with a bearer token;
// the provider answers 2xx with {"id": "..."}. The reference is the outbox id, so a
// provider that deduplicates on it never sends a retried message twice.
import type { SmsGateway, SmsMessage } from './port';

export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly opts: { url: string; token: string; sender: string; timeoutMs?: number; fetch?: typeof fetch },
  ) {}

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const doFetch = this.opts.fetch ?? fetch;
    const res = await doFetch(this.opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.token}` },
      body: JSON.stringify({ to: message.to, from: this.opts.sender, text: message.body, reference: message.id }),
      signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { id?: unknown };
    return { providerMessageId: typeof body.id === 'string' ? body.id : message.id };
  }
}
