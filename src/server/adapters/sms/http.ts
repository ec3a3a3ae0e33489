// An SMS provider reached over HTTP: POST {to, from, text, reference} with a bearer token;
// the provider answers 2xx with {"id": "..."}. The reference is the outbox id, so a
// provider that deduplicates on it never sends a retried message twice. Every login and
// every registration sends through it: it keeps its connections open, as the agencies'
// clients do (AgencyClient). Any failure throws, and the outbox tries again later.
import { AgencyClient } from '../agency-http';
import type { SmsGateway, SmsMessage } from './port';

export type HttpSmsGatewayOptions = { url: string; token: string; sender: string; timeoutMs?: number };

export class HttpSmsGateway implements SmsGateway {
  private readonly client: AgencyClient;

  constructor(private readonly opts: HttpSmsGatewayOptions) {
    this.client = new AgencyClient('sms_provider', opts);
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    const res = await this.client.call('POST', '', { to: message.to, from: this.opts.sender, text: message.body, reference: message.id });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
    const body = (await res.json().catch(() => null)) as { id?: unknown } | null;
    return { providerMessageId: typeof body?.id === 'string' ? body.id : message.id };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
