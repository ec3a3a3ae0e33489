// The sandbox SMS gateway: "delivers" to the sandbox handsets table, which the sandbox API
// reads back. It can be told to fail, to show that the outbox loses nothing.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { sandboxSmsMessages } from '../../db/schema';
import type { Clock } from '../../platform/clock';
import type { SmsGateway, SmsMessage } from './port';

export class SandboxSmsGateway implements SmsGateway {
  private failuresLeft = 0;
  /** Every code goes through it: prepared once. The outbox id doubles as the handset message id, so a redelivery is not shown twice. */
  private readonly deliverToHandset;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.deliverToHandset = db
      .insert(sandboxSmsMessages)
      .values({ id: sql.placeholder('id'), to: sql.placeholder('to'), body: sql.placeholder('body'), sentAt: sql.placeholder('sentAt') })
      .onConflictDoNothing()
      .prepare('sandbox_sms_deliver');
  }

  /** The next `n` sends throw, as a provider outage would. */
  failNext(n: number): void {
    this.failuresLeft = n;
  }

  async send(message: SmsMessage): Promise<{ providerMessageId: string }> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('sandbox SMS provider unavailable');
    }
    await this.deliverToHandset.execute({ id: message.id, to: message.to, body: message.body, sentAt: this.clock.now() });
    return { providerMessageId: message.id };
  }
}
