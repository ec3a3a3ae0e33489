// The durable SMS outbox. A use case enqueues a message in its own transaction, so a message
// exists exactly when the change that asked for it committed. Delivery happens after the
// commit (at once, for the user waiting on a code) and again from the poller until the
// provider accepts it, with backoff; nothing is lost when the provider is down.
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { smsOutbox } from '../../db/schema';
import type { SmsGateway } from '../../adapters/sms/port';
import { addMs, MINUTE, SECOND, type Clock } from '../../platform/clock';
import { newId } from '../../platform/crypto';

export type OutgoingSms = { to: string; body: string; kind: 'otp' | 'notice' };

/** A one-time code is worthless after it expires: stop retrying then. */
const OTP_RETRY_FOR_MS = 5 * MINUTE;
const NOTICE_MAX_ATTEMPTS = 20;
const CLAIM_MS = 30 * SECOND;
export const DELIVERED_OTP_BODY = '[one-time code delivered]';
export const UNDELIVERED_OTP_BODY = '[one-time code expired undelivered]';

type Logger = { warn(obj: object, msg: string): void };

export class SmsOutbox {
  constructor(
    private readonly db: Db,
    private readonly gateway: SmsGateway,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async enqueue(tx: Executor, sms: OutgoingSms): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    await tx.insert(smsOutbox).values({ id, to: sms.to, body: sms.body, kind: sms.kind, status: 'pending', createdAt: now, nextAttemptAt: now });
    return id;
  }

  /** Delivers the given messages now (after their transaction committed). Never throws. */
  async deliver(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.run(inArray(smsOutbox.id, ids), ids.length);
  }

  /** Delivers what is due; the poller calls it. Returns how many were attempted. */
  async deliverDue(limit = 50): Promise<number> {
    return this.run(lte(smsOutbox.nextAttemptAt, this.clock.now()), limit);
  }

  private async run(filter: ReturnType<typeof and>, limit: number): Promise<number> {
    const now = this.clock.now();
    // Claim rows so that two instances (or the poller and a request) never send one twice.
    const claimed = await this.db
      .update(smsOutbox)
      .set({ lockedUntil: addMs(now, CLAIM_MS), attempts: sql`${smsOutbox.attempts} + 1` })
      .where(
        inArray(
          smsOutbox.id,
          this.db
            .select({ id: smsOutbox.id })
            .from(smsOutbox)
            .where(and(eq(smsOutbox.status, 'pending'), filter, or(isNull(smsOutbox.lockedUntil), lte(smsOutbox.lockedUntil, now))))
            .limit(limit)
            .for('update', { skipLocked: true }),
        ),
      )
      .returning();
    await Promise.all(claimed.map((m) => this.attempt(m)));
    return claimed.length;
  }

  private async attempt(m: typeof smsOutbox.$inferSelect): Promise<void> {
    try {
      const { providerMessageId } = await this.gateway.send({ id: m.id, to: m.to, body: m.body });
      await this.db
        .update(smsOutbox)
        .set({
          status: 'sent',
          sentAt: this.clock.now(),
          providerMessageId,
          lockedUntil: null,
          lastError: null,
          // The code is no longer needed anywhere once it reached the handset.
          body: m.kind === 'otp' ? DELIVERED_OTP_BODY : m.body,
        })
        .where(eq(smsOutbox.id, m.id));
    } catch (err) {
      const now = this.clock.now();
      const giveUp =
        m.kind === 'otp' ? now.getTime() - m.createdAt.getTime() >= OTP_RETRY_FOR_MS : m.attempts >= NOTICE_MAX_ATTEMPTS;
      const backoff = Math.min(2 ** m.attempts * SECOND, 60 * MINUTE);
      const error = err instanceof Error ? err.message.slice(0, 200) : 'unknown error';
      this.log.warn({ smsId: m.id, attempts: m.attempts, giveUp }, 'SMS delivery failed');
      await this.db
        .update(smsOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          nextAttemptAt: addMs(now, backoff),
          lockedUntil: null,
          lastError: error,
          body: giveUp && m.kind === 'otp' ? UNDELIVERED_OTP_BODY : m.body,
        })
        .where(eq(smsOutbox.id, m.id));
    }
  }
}
