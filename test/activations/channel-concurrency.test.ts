// Banks retry, and kiosks double-submit: many identical activations at once must make exactly
// one activation, one audit record and one SMS, and every caller must get the same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import { bankCardEvidence, fingerprintEvidence, injectChannel, KIOSK_CLIENT, signChannelRequest } from '../helpers/channel';
import { buildAccount } from '../helpers/factories';
import { accountRow, auditRows, inbox, outbox } from './support';

/** Moves a millisecond on every reading, so that two activations could never share a time. */
class TickingClock extends FakeClock {
  override now(): Date {
    const at = super.now();
    this.advance(1);
    return at;
  }
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new TickingClock('2026-11-23T09:00:00Z') });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

describe('concurrent channel activations', () => {
  it('turns 50 identical concurrent activations into one activation, one audit record and one SMS', async () => {
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const body = JSON.stringify({ idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) });
    // The same bytes each time; each request has its own timestamp, hence its own signature.
    const requests = Array.from({ length: 50 }, (_, i) => signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body, timestampOffsetS: -i }));
    expect(new Set(requests.map((r) => r.headers['x-signature'])).size).toBe(50);

    const responses = await Promise.all(requests.map((r) => injectChannel(t, r)));

    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const bodies = responses.map((r) => r.json());
    const row = await accountRow(db(), account.id);
    for (const b of bodies) {
      expect(b).toEqual({ accountId: account.id, status: 'active', channel: 'atm', activatedAt: row.activatedAt!.toISOString(), location: 'atm-alrajhi' });
    }
    expect(await auditRows(db(), account.id, 'account.activated')).toHaveLength(1);
    expect(await outbox(db(), person.mobile)).toHaveLength(1);
    expect(await inbox(db(), person.mobile)).toHaveLength(1);
  });

  it('lets one channel win a race between an ATM and a kiosk, and refuses the other', async () => {
    const { account, person } = await buildAccount(db(), { status: 'registered' });
    const atm = JSON.stringify({ idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) });
    const kiosk = JSON.stringify({ idNumber: person.idNumber, evidence: fingerprintEvidence(person) });
    const requests = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? signChannelRequest(t.clock, { clientId: 'atm-alinma', body: atm, timestampOffsetS: -i })
        : signChannelRequest(t.clock, { clientId: KIOSK_CLIENT, body: kiosk, timestampOffsetS: -i }),
    );

    const responses = await Promise.all(requests.map((r) => injectChannel(t, r)));

    const row = await accountRow(db(), account.id);
    const winner = row.activationChannel;
    expect(['atm', 'kiosk']).toContain(winner);
    responses.forEach((res, i) => {
      const channel = i % 2 === 0 ? 'atm' : 'kiosk';
      if (channel === winner) {
        expect(res.statusCode).toBe(200);
        expect(res.json().activatedAt).toBe(row.activatedAt!.toISOString());
      } else {
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('account_already_active');
      }
    });
    expect(await auditRows(db(), account.id, 'account.activated')).toHaveLength(1);
    expect(await outbox(db(), person.mobile)).toHaveLength(1);
  });
});
