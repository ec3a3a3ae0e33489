// The sandbox SMS gateway: "delivers" to the sandbox handsets table, which the sandbox API
// reads back. It can be told to fail, to show that the outbox loses nothing.
import type { Db } from '../../db/client';
import { sandboxSmsMessages } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { SmsGateway, SmsMessage } from './port';

export class SandboxSmsGateway implements SmsGateway {
  private failuresLeft = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** The next `n` sends throw, as a provider outage would. */
  failNext(n: number): void {
    this.failuresLeft = n;
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('sandbox SMS provider unavailable');
    }
    // The outbox id doubles as the handset message id, so a redelivery is not shown twice.
    await this.db
      .insert(sandboxSmsMessages)
      .values({ id: message.id, to: message.to, body: message.body, sentAt: this.clock.now() })
      .onConflictDoNothing();
    return { providerMessageId: message.id };
  }
}
