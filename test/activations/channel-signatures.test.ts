// The channel edge: every refusal of a badly signed request happens before the handler, so
// nothing is activated, audited or sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, smsOutbox } from '../../src/server/db/schema';
import { FakeClock, SECOND } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import { bankCardEvidence, CHANNEL_ACTIVATIONS, channelRequest, injectChannel, signChannelRequest } from '../helpers/channel';
import { buildAccount, type BuiltPerson } from '../helpers/factories';
import { accountRow, countAll } from './support';

const START = '2026-11-23T09:00:00Z';

let t: TestContext;
let accountId: string;
let person: BuiltPerson;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(START) });
});
afterAll(() => t.close());

beforeEach(async () => {
  t.clock.set(START);
  const built = await buildAccount(t.deps.database.db, { status: 'registered' });
  accountId = built.account.id;
  person = built.person;
});

const body = () => ({ idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) });

async function expectRefused(res: Awaited<ReturnType<typeof channelRequest>>, code: string) {
  expect(res.statusCode).toBe(401);
  expect(res.json().error.code).toBe(code);
  expect((await accountRow(t.deps.database.db, accountId)).status).toBe('registered');
}

describe('channel request signatures', () => {
  it('refuses a request without the signature headers with 401 missing_signature', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    for (const name of ['x-client-id', 'x-timestamp', 'x-signature']) {
      const headers = { ...signed.headers };
      delete headers[name];
      await expectRefused(await injectChannel(t, { ...signed, headers }), 'missing_signature');
    }
    const bare = await t.app.inject({ method: 'POST', url: CHANNEL_ACTIVATIONS, payload: body() });
    await expectRefused(bare, 'missing_signature');
  });

  it('refuses an unknown client with 401 unknown_client', async () => {
    const res = await channelRequest(t, { clientId: 'atm-unknownbank', body: body() });
    await expectRefused(res, 'unknown_client');
  });

  it('refuses a signature made with another secret with 401 signature_invalid', async () => {
    await expectRefused(await channelRequest(t, { clientId: 'atm-alrajhi', body: body(), secret: 'sandbox-secret-atm-samba' }), 'signature_invalid');
  });

  it("refuses a bank's request signed with another bank's id with 401 signature_invalid", async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-samba', body: body() });
    await expectRefused(await injectChannel(t, { ...signed, headers: { ...signed.headers, 'x-client-id': 'atm-alrajhi' } }), 'signature_invalid');
  });

  it('refuses a malformed signature or timestamp with 401 signature_invalid', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    const upper = signed.headers['x-signature']!.toUpperCase();
    await expectRefused(await injectChannel(t, { ...signed, headers: { ...signed.headers, 'x-signature': upper } }), 'signature_invalid');
    await expectRefused(await injectChannel(t, { ...signed, headers: { ...signed.headers, 'x-signature': 'zz' } }), 'signature_invalid');
    await expectRefused(
      await injectChannel(t, { ...signed, headers: { ...signed.headers, 'x-timestamp': `${signed.headers['x-timestamp']}.0` } }),
      'signature_invalid',
    );
  });

  it('refuses a body changed after signing with 401 signature_invalid', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    const other = await buildAccount(t.deps.database.db, { status: 'registered' });
    const tampered = JSON.stringify({ idNumber: other.person.idNumber, evidence: bankCardEvidence(other.person.idNumber) });
    await expectRefused(await injectChannel(t, { ...signed, payload: tampered }), 'signature_invalid');
    // Even a change that means the same JSON breaks the signature: it covers the bytes sent.
    await expectRefused(await injectChannel(t, { ...signed, payload: `${signed.payload} ` }), 'signature_invalid');
    expect((await accountRow(t.deps.database.db, other.account.id)).status).toBe('registered');
  });

  it('refuses a request signed for another path with 401 signature_invalid', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body(), path: '/api/v1/channels/payments' });
    await expectRefused(await injectChannel(t, { ...signed, url: CHANNEL_ACTIVATIONS }), 'signature_invalid');
  });

  it('refuses a timestamp 301 s in the past with 401 signature_expired', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    t.clock.advance(301 * SECOND);
    await expectRefused(await injectChannel(t, signed), 'signature_expired');
    await expectRefused(await channelRequest(t, { clientId: 'atm-alrajhi', body: body(), timestampOffsetS: -301 }), 'signature_expired');
  });

  it('refuses a timestamp 301 s in the future with 401 signature_expired', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    t.clock.advance(-301 * SECOND);
    await expectRefused(await injectChannel(t, signed), 'signature_expired');
    await expectRefused(await channelRequest(t, { clientId: 'atm-alrajhi', body: body(), timestampOffsetS: 301 }), 'signature_expired');
  });

  it('accepts a timestamp exactly 300 s old', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    t.clock.advance(300 * SECOND);
    const res = await injectChannel(t, signed);
    expect(res.statusCode).toBe(200);
    expect(res.json().activatedAt).toBe(t.clock.now().toISOString());
  });

  it('refuses the replay of an accepted request with 401 signature_replayed', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body: body() });
    const first = await injectChannel(t, signed);
    expect(first.statusCode).toBe(200);
    const audits = await countAll(t.deps.database.db, auditLog);
    const replay = await injectChannel(t, signed);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('signature_replayed');
    expect(await countAll(t.deps.database.db, auditLog)).toBe(audits);
  });

  it('refuses the replay of a request that was itself refused', async () => {
    const signed = signChannelRequest(t.clock, { clientId: 'kiosk-airports', body: body() });
    const first = await injectChannel(t, signed);
    expect(first.json().error.code).toBe('evidence_type_not_allowed');
    await expectRefused(await injectChannel(t, signed), 'signature_replayed');
  });

  it('writes no audit record and sends no SMS for any refused signature', async () => {
    const audits = await countAll(t.deps.database.db, auditLog);
    const sms = await countAll(t.deps.database.db, smsOutbox);
    await channelRequest(t, { clientId: 'atm-alrajhi', body: body(), timestampOffsetS: -301 });
    await channelRequest(t, { clientId: 'atm-alrajhi', body: body(), secret: 'wrong-secret' });
    await channelRequest(t, { clientId: 'atm-nobody', body: body() });
    expect(await countAll(t.deps.database.db, auditLog)).toBe(audits);
    expect(await countAll(t.deps.database.db, smsOutbox)).toBe(sms);
  });
});
