import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../src/server/db/schema';
import { FakeClock } from '../../src/server/platform/clock';
import { createTestApp, type TestContext } from '../helpers/app';
import {
  ATM_CLIENTS,
  bankCardEvidence,
  channelRequest,
  fingerprintEvidence,
  injectChannel,
  KIOSK_CLIENT,
  signChannelRequest,
} from '../helpers/channel';
import { buildAccount, buildPerson } from '../helpers/factories';
import { accountRow, auditRows, inbox, outbox, toArabicIndic } from './support';

const START = '2026-11-23T09:00:00Z';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(START) });
});
afterAll(() => t.close());

const db = () => t.deps.database.db;

async function registered() {
  return buildAccount(db(), { status: 'registered' });
}

describe('POST /api/v1/channels/activations: activation', () => {
  it.each(ATM_CLIENTS)('activates a registered account at an ATM of %s', async (clientId) => {
    const { account, person } = await registered();
    const res = await channelRequest(t, { clientId, body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accountId: account.id, status: 'active', channel: 'atm', activatedAt: t.clock.now().toISOString(), location: clientId });
    const row = await accountRow(db(), account.id);
    expect(row).toMatchObject({ status: 'active', activationChannel: 'atm', activationLocation: clientId, activatedBy: null });
    expect(row.activatedAt?.toISOString()).toBe(t.clock.now().toISOString());

    const audits = await auditRows(db(), account.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'account.activated',
      actorKind: 'channel',
      actorId: clientId,
      channel: 'atm',
      requestId: res.headers['x-request-id'],
      details: { location: clientId, evidence: 'bank_card' },
    });
    // The audit names ids, never the identity number the bank sent.
    expect(JSON.stringify(audits[0]!.details)).not.toContain(person.idNumber);
  });

  it('activates at an airport kiosk when both fingerprints match the registry', async () => {
    const { account, person } = await registered();
    const res = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accountId: account.id, status: 'active', channel: 'kiosk', activatedAt: t.clock.now().toISOString(), location: KIOSK_CLIENT });
    expect(await auditRows(db(), account.id, 'account.activated')).toMatchObject([{ actorKind: 'channel', actorId: KIOSK_CLIENT, channel: 'kiosk' }]);
  });

  it('accepts identity numbers typed with Arabic-Indic digits', async () => {
    const { account, person } = await registered();
    const res = await channelRequest(t, {
      clientId: 'atm-alinma',
      body: { idNumber: toArabicIndic(person.idNumber), evidence: bankCardEvidence(toArabicIndic(person.idNumber)) },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().accountId).toBe(account.id);
  });

  it('sends the holder an SMS notice in Arabic saying by which channel and where', async () => {
    const { person } = await registered();
    await channelRequest(t, { clientId: 'atm-alrajhi', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });

    const messages = await inbox(db(), person.mobile);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toContain('تم تفعيل حسابك');
    expect(messages[0]!.body).toContain('صراف آلي');
    expect(messages[0]!.body).toContain('مصرف الراجحي');
    await t.deps.outbox.settled();
    expect(await outbox(db(), person.mobile)).toMatchObject([{ kind: 'notice', status: 'sent' }]);
  });

  it("sends the notice in the account's language", async () => {
    const { account, person } = await registered();
    await db().update(accounts).set({ language: 'en' }).where(eq(accounts.id, account.id));
    await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });

    const [message] = await inbox(db(), person.mobile);
    expect(message!.body).toContain('Your Absher account was activated at a fingerprint self-service kiosk (airports)');
  });
});

describe('POST /api/v1/channels/activations: repeats and conflicts', () => {
  it('answers a repeat by the same channel with the original time and location, and changes nothing', async () => {
    const { account, person } = await registered();
    const body = { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) };
    const first = await channelRequest(t, { clientId: 'atm-samba', body });
    expect(first.statusCode).toBe(200);

    t.clock.advance(60_000);
    // A retry of the same bank, and another bank's ATM: both are the ATM channel.
    const again = await channelRequest(t, { clientId: 'atm-samba', body });
    const otherBank = await channelRequest(t, { clientId: 'atm-riyadbank', body });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(otherBank.statusCode).toBe(200);
    expect(otherBank.json()).toEqual(first.json());
    expect(first.json().location).toBe('atm-samba');

    expect(await auditRows(db(), account.id)).toHaveLength(1);
    expect(await inbox(db(), person.mobile)).toHaveLength(1);
    expect(await outbox(db(), person.mobile)).toHaveLength(1);
  });

  it('refuses activation by another channel with 409 account_already_active', async () => {
    const { account, person } = await registered();
    const atm = await channelRequest(t, { clientId: 'atm-alrajhi', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });
    expect(atm.statusCode).toBe(200);

    const kiosk = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });
    expect(kiosk.statusCode).toBe(409);
    expect(kiosk.json().error.code).toBe('account_already_active');
    const row = await accountRow(db(), account.id);
    expect(row).toMatchObject({ activationChannel: 'atm', activationLocation: 'atm-alrajhi' });
    expect(await auditRows(db(), account.id)).toHaveLength(1);
  });

  it('refuses an account activated at an office', async () => {
    const { person } = await buildAccount(db(), { status: 'active', activation: 'office' });
    const res = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('account_already_active');
  });
});

describe('POST /api/v1/channels/activations: refusals', () => {
  it('answers 404 registration_not_found for a person without an account', async () => {
    const person = await buildPerson(db());
    const res = await channelRequest(t, { clientId: 'atm-alrajhi', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('registration_not_found');
  });

  it('answers 404 for a kiosk and an identity without an account, without a fingerprint match', async () => {
    const person = await buildPerson(db());
    const res = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('registration_not_found');
  });

  it('refuses a card whose holder is someone else with 422 cardholder_mismatch and records the attempt', async () => {
    const { account, person } = await registered();
    const other = await buildPerson(db());
    const res = await channelRequest(t, {
      clientId: 'atm-riyadbank',
      body: { idNumber: person.idNumber, evidence: bankCardEvidence(other.idNumber) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('cardholder_mismatch');
    expect((await accountRow(db(), account.id)).status).toBe('registered');
    expect(await auditRows(db(), account.id)).toMatchObject([
      { action: 'account.activation_refused', actorId: 'atm-riyadbank', channel: 'atm', details: { reason: 'cardholder_mismatch', evidence: 'bank_card' } },
    ]);
    expect(await inbox(db(), person.mobile)).toHaveLength(0);
  });

  it('refuses fingerprints that do not match with 422 fingerprints_mismatch', async () => {
    const { account, person } = await registered();
    const stranger = await buildPerson(db());
    const wrongLeft = { ...fingerprintEvidence(person), leftIndex: stranger.fingerprints.leftIndex };
    for (const evidence of [fingerprintEvidence(stranger), wrongLeft]) {
      const res = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('fingerprints_mismatch');
    }
    expect((await accountRow(db(), account.id)).status).toBe('registered');
    expect(await auditRows(db(), account.id, 'account.activation_refused')).toHaveLength(2);
  });

  it('refuses fingerprints from an ATM and a bank card from a kiosk with 422 evidence_type_not_allowed', async () => {
    const { account, person } = await registered();
    const fromAtm = await channelRequest(t, { clientId: 'atm-alrajhi', body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });
    expect(fromAtm.statusCode).toBe(422);
    expect(fromAtm.json().error).toMatchObject({ code: 'evidence_type_not_allowed', details: { expected: 'bank_card' } });

    const fromKiosk = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });
    expect(fromKiosk.statusCode).toBe(422);
    expect(fromKiosk.json().error).toMatchObject({ code: 'evidence_type_not_allowed', details: { expected: 'fingerprints' } });
    expect((await accountRow(db(), account.id)).status).toBe('registered');
  });

  it('refuses to activate a suspended account with 409 activation_account_suspended', async () => {
    const { account, person } = await buildAccount(db(), { status: 'suspended' });
    const res = await channelRequest(t, { clientId: 'atm-alrajhi', body: { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('activation_account_suspended');
    expect((await accountRow(db(), account.id)).status).toBe('suspended');
    expect(await auditRows(db(), account.id, 'account.activated')).toHaveLength(0);
  });

  it('answers in English on request, with the same code', async () => {
    const person = await buildPerson(db());
    const body = { idNumber: person.idNumber, evidence: bankCardEvidence(person.idNumber) };
    const res = await injectChannel(t, signChannelRequest(t.clock, { clientId: 'atm-alrajhi', body }), { 'accept-language': 'en' });
    expect(res.json().error).toEqual({ code: 'registration_not_found', message: 'There is no registration for this identity.' });
  });

  it('answers 503 dependency_unavailable when the registry is down, and activates nothing', async () => {
    const { account, person } = await registered();
    const registry = t.deps.registry as { setDown?: (down: boolean) => void };
    registry.setDown!(true);
    try {
      const res = await channelRequest(t, { clientId: KIOSK_CLIENT, body: { idNumber: person.idNumber, evidence: fingerprintEvidence(person) } });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('dependency_unavailable');
    } finally {
      registry.setDown!(false);
    }
    expect((await accountRow(db(), account.id)).status).toBe('registered');
  });
});
