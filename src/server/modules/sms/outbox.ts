// The durable SMS outbox. A use case enqueues a message in its own transaction, so a message
// exists exactly when the change that asked for it committed. Delivery happens after the
// commit (at once, for the user waiting on a code) and again from the poller until the
// provider accepts it, with backoff; nothing is lost when the provider is down.
import { and, eq, inArray, isNull, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { isConstant } from '../../db/predicates';
import { insertInto } from '../../db/writes';
import { smsOutbox } from '../../db/schema';
import type { SmsGateway } from '../../adapters/sms/port';
import { addMs, MINUTE, SECOND, type Clock } from '../../platform/clock';
import { newId } from '../../platform/crypto';

export type OutgoingSms = { to: string; body: string; kind: 'otp' | 'notice' };

/**
 * A message whose own INSERT already claimed it for this instance (attempts 1, locked for
 * CLAIM_MS): the statement that wrote it also took it, so that delivering it at once after the
 * commit needs no claim of its own. Should this instance stop before sending it, the claim runs
 * out and the poller sends it.
 */
export type ClaimedSms = { id: string; to: string; body: string; kind: 'otp' | 'notice'; createdAt: Date; attempts: number };

/** A new message as its INSERT claims it: the message, and until when its row is locked. */
export function claimedSms(sms: OutgoingSms, now: Date): { message: ClaimedSms; lockedUntil: Date } {
  return { message: { id: newId(), ...sms, createdAt: now, attempts: 1 }, lockedUntil: addMs(now, CLAIM_MS) };
}

/** A one-time code is worthless after it expires: stop retrying then. */
const OTP_RETRY_FOR_MS = 5 * MINUTE;
const NOTICE_MAX_ATTEMPTS = 20;
export const CLAIM_MS = 30 * SECOND;
/**
 * How long the "sent" mark of a message delivered at once may wait to be written together with
 * the marks of others. The person has the message once the provider accepted it; the mark only
 * records that (and erases a code's text). Should the instance stop within this window, the
 * claim runs out and the poller sends the message again: at least once, as ever.
 */
export const MARK_BATCH_MS = 20;
/** A batch of marks this large is written at once, without waiting for the window. */
const MARK_BATCH_MAX = 200;
export const DELIVERED_OTP_BODY = '[one-time code delivered]';
export const UNDELIVERED_OTP_BODY = '[one-time code expired undelivered]';

type Logger = { warn(obj: object, msg: string): void };

/**
 * Claims up to `limit` pending messages that `filter` selects and nobody holds, so that two
 * instances (or the poller and a request) never send one twice. The pending status is written
 * as a constant, so that even a generic plan finds them through the partial index on it.
 */
export function claimStatement(db: Db, filter: SQL, now: Date, limit: number) {
  return db
    .update(smsOutbox)
    .set({ lockedUntil: addMs(now, CLAIM_MS), attempts: sql`${smsOutbox.attempts} + 1` })
    .where(
      inArray(
        smsOutbox.id,
        db
          .select({ id: smsOutbox.id })
          .from(smsOutbox)
          .where(and(isConstant(smsOutbox.status, 'pending'), filter, or(isNull(smsOutbox.lockedUntil), lte(smsOutbox.lockedUntil, now))))
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning();
}

export class SmsOutbox {
  constructor(
    private readonly db: Db,
    private readonly gateway: SmsGateway,
    private readonly clock: Clock,
    private readonly log: Logger,
    /** The marks' window; MARK_BATCH_MS but where a test needs to see a message between its send and its mark. */
    private readonly markBatchMs = MARK_BATCH_MS,
  ) {}

  /** Queues a message in the caller's transaction, for `deliver` after the commit (or the poller). */
  async enqueue(tx: Executor, sms: OutgoingSms): Promise<string> {
    const id = newId();
    const now = this.clock.now();
    await tx.insert(smsOutbox).values({ id, to: sms.to, body: sms.body, kind: sms.kind, status: 'pending', createdAt: now, nextAttemptAt: now });
    return id;
  }

  /**
   * The message's INSERT, not yet run and already claimed, for a use case that writes its change
   * in one statement (or transaction) and hands the message to `deliverClaimed` once committed.
   */
  enqueueInsert(tx: Executor, sms: OutgoingSms): { message: ClaimedSms; insert: SQLWrapper } {
    const { message, lockedUntil } = claimedSms(sms, this.clock.now());
    const insert = insertInto(tx, smsOutbox, { ...message, status: 'pending', nextAttemptAt: message.createdAt, lockedUntil });
    return { message, insert };
  }

  /** Messages the provider accepted whose mark waits for the batch's window (MARK_BATCH_MS). */
  private marks: Array<{ id: string; providerMessageId: string }> = [];
  private markTimer: NodeJS.Timeout | undefined;
  /** The marks being written, in order; settles once they are (or their write failed). */
  private marking: Promise<void> = Promise.resolve();

  /** Messages waiting for the next round of delivery, each with the caller to answer. */
  private waiting: Array<{ ids: string[]; claimed: ClaimedSms[]; done: () => void }> = [];
  private delivering = false;

  /**
   * Delivers the given messages now (after their transaction committed); resolves once they
   * were handed to the provider or left to the poller. Never throws. Deliveries asked for
   * while a round is running go together in the next one: one claim for all of them, so that
   * under load each message costs little more than its send. Their marks are written in
   * batches, within MARK_BATCH_MS (see `settled`).
   */
  deliver(ids: string[]): Promise<void> {
    return this.join(ids, []);
  }

  /** The same for messages their INSERT claimed (enqueueInsert): sent without a claim of their own. */
  deliverClaimed(messages: ClaimedSms[]): Promise<void> {
    return this.join([], messages);
  }

  private join(ids: string[], claimed: ClaimedSms[]): Promise<void> {
    if (ids.length === 0 && claimed.length === 0) return Promise.resolve();
    return new Promise((done) => {
      this.waiting.push({ ids, claimed, done });
      if (!this.delivering) void this.deliverRounds();
    });
  }

  private async deliverRounds(): Promise<void> {
    this.delivering = true;
    while (this.waiting.length > 0) {
      const round = this.waiting.splice(0);
      const ids = round.flatMap((r) => r.ids);
      const claimed = round.flatMap((r) => r.claimed);
      try {
        this.queueMarks(await this.run(ids.length > 0 ? inArray(smsOutbox.id, ids) : null, ids.length, claimed));
      } catch (err) {
        // Still pending: the poller delivers them (the claimed ones once their claim runs out).
        this.log.warn({ messages: ids.length + claimed.length, err: err instanceof Error ? err.message.slice(0, 200) : 'unknown error' }, 'SMS delivery round failed');
      }
      for (const r of round) r.done();
    }
    this.delivering = false;
  }

  /** Delivers what is due and marks it sent; the poller calls it. Returns how many were attempted. */
  async deliverDue(limit = 50): Promise<number> {
    const sent = await this.run(lte(smsOutbox.nextAttemptAt, this.clock.now()), limit);
    await this.markSent(sent.marks);
    return sent.attempted;
  }

  /**
   * Writes now the marks still waiting for their batch, and resolves once every mark queued so
   * far is written (or its write failed and the poller will send again). For a clean shutdown,
   * and for whoever reads a message's status right after delivering it.
   */
  settled(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const batch = this.marks.splice(0);
    if (batch.length > 0) {
      this.marking = this.marking.then(() =>
        this.markSent(batch).catch((err: unknown) => {
          // Still claimed: once the claim runs out the poller sends them again.
          this.log.warn({ messages: batch.length, err: err instanceof Error ? err.message.slice(0, 200) : 'unknown error' }, 'SMS delivery marks failed');
        }),
      );
    }
    return this.marking;
  }

  private queueMarks(sent: { marks: Array<{ id: string; providerMessageId: string }> }): void {
    if (sent.marks.length === 0) return;
    this.marks.push(...sent.marks);
    if (this.marks.length >= MARK_BATCH_MAX) void this.settled();
    else this.markTimer ??= setTimeout(() => void this.settled(), this.markBatchMs);
  }

  /**
   * Claims what `filter` selects (none when null), then sends it with the messages already
   * claimed. Returns how many were attempted and the marks of those the provider accepted.
   */
  private async run(
    filter: SQL | null,
    limit: number,
    alreadyClaimed: ClaimedSms[] = [],
  ): Promise<{ attempted: number; marks: Array<{ id: string; providerMessageId: string }> }> {
    const claimed: ClaimedSms[] = filter === null ? [] : await claimStatement(this.db, filter, this.clock.now(), limit);
    const all = [...claimed, ...alreadyClaimed];
    const marks = (await Promise.all(all.map((m) => this.attempt(m)))).filter((s) => s !== null);
    return { attempted: all.length, marks };
  }

  /** Marks the messages the provider accepted, all in one statement. */
  private async markSent(sent: Array<{ id: string; providerMessageId: string }>): Promise<void> {
    if (sent.length === 0) return;
    const providerIds = sql.join(sent.map((s) => sql`when ${s.id}::uuid then ${s.providerMessageId}`), sql` `);
    await this.db
      .update(smsOutbox)
      .set({
        status: 'sent',
        sentAt: this.clock.now(),
        providerMessageId: sql`case ${smsOutbox.id} ${providerIds} end`,
        lockedUntil: null,
        lastError: null,
        // The code is no longer needed anywhere once it reached the handset.
        body: sql`case when ${smsOutbox.kind} = 'otp' then ${DELIVERED_OTP_BODY} else ${smsOutbox.body} end`,
      })
      .where(inArray(smsOutbox.id, sent.map((s) => s.id)));
  }

  /** Sends one claimed message: what to mark as sent, or null after recording the failure. */
  private async attempt(m: ClaimedSms): Promise<{ id: string; providerMessageId: string } | null> {
    try {
      const { providerMessageId } = await this.gateway.send({ id: m.id, to: m.to, body: m.body });
      return { id: m.id, providerMessageId };
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
      return null;
    }
  }
}
