// The SMS outbox loses nothing when the provider fails, and never sends a message twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { sandboxSmsMessages, smsOutbox } from '../../src/server/db/schema';
import type { SandboxSmsGateway } from '../../src/server/adapters/sms/sandbox';
import { CLAIM_MS, DELIVERED_OTP_BODY, MARK_BATCH_MS, SmsOutbox, UNDELIVERED_OTP_BODY } from '../../src/server/modules/sms/outbox';
import { MINUTE, SECOND } from '../../src/server/platform/clock';
import { randomMobile } from '../helpers/factories';

let t: TestContext;
let gateway: SandboxSmsGateway;
beforeAll(async () => {
  t = await createTestApp();
  gateway = t.deps.smsGateway as SandboxSmsGateway;
});
afterAll(() => t.close());

async function enqueue(kind: 'otp' | 'notice', body = 'رسالة تجريبية') {
  const to = randomMobile();
  const id = await t.deps.database.db.transaction((tx) => t.deps.outbox.enqueue(tx, { to, body, kind }));
  return { id, to };
}
const row = async (id: string) => (await t.deps.database.db.select().from(smsOutbox).where(eq(smsOutbox.id, id)))[0]!;
const inbox = (to: string) => t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, to));

describe('the SMS outbox', () => {
  it('keeps a message the provider refused and delivers it on a later try', async () => {
    const { id, to } = await enqueue('notice');
    gateway.failNext(2);
    await t.deps.outbox.deliver([id]);
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await inbox(to)).toHaveLength(0);
    // Not due yet: the poller leaves it alone.
    await t.deps.outbox.deliverDue();
    expect((await row(id)).attempts).toBe(1);
    t.clock.advance(2 * SECOND);
    await t.deps.outbox.deliverDue();
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.advance(4 * SECOND);
    await t.deps.outbox.deliverDue();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(await inbox(to)).toHaveLength(1);
  });

  it('sends a message once even when two deliveries race', async () => {
    const { id, to } = await enqueue('notice');
    await Promise.all([t.deps.outbox.deliver([id]), t.deps.outbox.deliver([id]), t.deps.outbox.deliverDue()]);
    expect(await inbox(to)).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it('purges a delivered code from the outbox', async () => {
    const { id } = await enqueue('otp', 'رمز التحقق: 123456');
    await t.deps.outbox.deliver([id]);
    await t.deps.outbox.settled();
    expect((await row(id)).body).toBe(DELIVERED_OTP_BODY);
  });

  it('marks what it delivered at once in one batch, and the poller leaves it alone until then', async () => {
    // A window no test outlasts, so that the messages are seen between their send and their mark.
    const outbox = new SmsOutbox(t.deps.database.db, gateway, t.clock, t.deps.logger, 60 * MINUTE);
    const a = await enqueue('otp', 'رمز التحقق: 111111');
    const b = await enqueue('notice');
    await Promise.all([outbox.deliver([a.id]), outbox.deliver([b.id])]);
    expect(await inbox(a.to)).toHaveLength(1);
    expect(await inbox(b.to)).toHaveLength(1);
    // Delivered but not yet marked: still claimed, so the poller does not send it again.
    expect(await row(a.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row(a.id)).lockedUntil).not.toBeNull();
    await outbox.deliverDue();
    await t.deps.outbox.deliverDue();
    expect(await inbox(a.to)).toHaveLength(1);
    await outbox.settled();
    expect(await row(a.id)).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, body: DELIVERED_OTP_BODY });
    expect(await row(b.id)).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null });
  });

  it('writes the marks when the window closes, without being asked', async () => {
    const c = await enqueue('notice');
    await t.deps.outbox.deliver([c.id]);
    // However slow the machine, the timer fires within the wait.
    await vi.waitFor(async () => expect((await row(c.id)).status).toBe('sent'), { timeout: 10_000, interval: MARK_BATCH_MS });
  });

  it('stops retrying a code after it expired, and purges it', async () => {
    const { id, to } = await enqueue('otp', 'رمز التحقق: 654321');
    gateway.failNext(1000);
    await t.deps.outbox.deliver([id]);
    for (let i = 0; i < 12; i++) {
      t.clock.advance(MINUTE);
      await t.deps.outbox.deliverDue();
    }
    gateway.failNext(0);
    const r = await row(id);
    expect(r.status).toBe('failed');
    expect(r.body).toBe(UNDELIVERED_OTP_BODY);
    expect(await inbox(to)).toHaveLength(0);
  });

  describe('a message its own INSERT claimed (enqueueInsert, then deliverClaimed)', () => {
    /** Queued as a use case queues it beside its change, in one statement. */
    async function enqueueClaimed(kind: 'otp' | 'notice' = 'notice') {
      const to = randomMobile();
      const { message, insert } = t.deps.outbox.enqueueInsert(t.deps.database.db, { to, body: 'تم إصدار الطلب', kind });
      await t.deps.database.db.execute(insert.getSQL());
      return { message, to };
    }

    it('is sent once, marked sent, and never claimed a second time', async () => {
      const { message, to } = await enqueueClaimed('otp');
      expect(await row(message.id)).toMatchObject({ status: 'pending', attempts: 1 });
      await Promise.all([t.deps.outbox.deliverClaimed([message]), t.deps.outbox.deliverDue()]);
      await t.deps.outbox.settled();
      expect(await inbox(to)).toHaveLength(1);
      expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 1, lockedUntil: null, body: DELIVERED_OTP_BODY });
    });

    it('is left to the poller when the instance that claimed it never sends it, once the claim has run out', async () => {
      const { message, to } = await enqueueClaimed();
      // Within the claim the poller leaves it to the instance that queued it.
      await t.deps.outbox.deliverDue();
      expect(await inbox(to)).toHaveLength(0);
      t.clock.advance(CLAIM_MS);
      await t.deps.outbox.deliverDue();
      expect(await inbox(to)).toHaveLength(1);
      expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('is kept when the provider refuses it, and delivered by the poller later', async () => {
      const { message, to } = await enqueueClaimed();
      gateway.failNext(1);
      await t.deps.outbox.deliverClaimed([message]);
      expect(await row(message.id)).toMatchObject({ status: 'pending', attempts: 1, lockedUntil: null });
      expect(await inbox(to)).toHaveLength(0);
      t.clock.advance(2 * SECOND);
      await t.deps.outbox.deliverDue();
      expect(await row(message.id)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await inbox(to)).toHaveLength(1);
    });

    it('goes in one round with messages that need a claim', async () => {
      const claimed = await enqueueClaimed();
      const plain = await enqueue('notice');
      await Promise.all([t.deps.outbox.deliverClaimed([claimed.message]), t.deps.outbox.deliver([plain.id])]);
      await t.deps.outbox.settled();
      expect(await inbox(claimed.to)).toHaveLength(1);
      expect(await inbox(plain.to)).toHaveLength(1);
      expect((await row(plain.id)).status).toBe('sent');
      expect((await row(claimed.message.id)).status).toBe('sent');
    });
  });
});
