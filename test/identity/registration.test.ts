import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson, randomMobile } from '../helpers/factories';
import { GOOD_PASSWORD, registerThroughApi, registrationBody } from '../helpers/flows';
import { accounts, auditLog, challenges, registrations, sandboxSmsMessages, smsOutbox } from '../../src/server/db/schema';
import { MINUTE } from '../../src/server/platform/clock';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

async function start(person: Awaited<ReturnType<typeof buildPerson>>, overrides: Record<string, unknown> = {}) {
  return post('/api/v1/registrations', registrationBody(person, overrides));
}

describe('registration', () => {
  it('registers through the published steps and records the accepted terms version', async () => {
    const person = await buildPerson(t.deps.database.db);
    const accountId = await registerThroughApi(t, person, { email: 'salem@example.com', language: 'en' });
    const [account] = await t.deps.database.db.select().from(accounts).where(eq(accounts.id, accountId));
    expect(account).toMatchObject({ idNumber: person.idNumber, status: 'registered', termsVersion: 1, mobile: person.mobile, language: 'en', nameEn: person.nameEn });
    expect(account!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const actions = (await t.deps.database.db.select().from(auditLog).where(eq(auditLog.subjectAccountId, accountId))).map((a) => a.action);
    expect(actions).toContain('account.registered');
  });

  it('sends the code in the chosen language only after identity, birth date and mobile match', async () => {
    const person = await buildPerson(t.deps.database.db);
    const res = await start(person, { language: 'en' });
    expect(res.statusCode).toBe(201);
    expect(new Date(res.json().expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    const inbox = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, person.mobile));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body).toMatch(/^Your Absher registration code: \d{6}/);
  });

  it('stores the code only as a keyed hash and purges it from the outbox once delivered', async () => {
    const person = await buildPerson(t.deps.database.db);
    const res = await start(person);
    const code = await t.lastCode(person.mobile);
    const [ch] = await t.deps.database.db.select().from(challenges).where(eq(challenges.registrationId, res.json().registrationId));
    expect(ch!.codeHash).toHaveLength(32);
    expect(ch!.codeHash.toString('utf8')).not.toContain(code);
    await t.deps.outbox.settled();
    const out = await t.deps.database.db.select().from(smsOutbox).where(eq(smsOutbox.to, person.mobile));
    expect(out[0]!.status).toBe('sent');
    expect(out[0]!.body).not.toContain(code);
  });

  it.each([
    ['an unknown identity', async () => ({ idNumber: '1000000008' }), 422, 'identity_not_found'],
    ['a wrong birth date', async () => ({ birthDate: '1991-02-01' }), 422, 'birth_date_mismatch'],
    ['another mobile', async () => ({ mobile: randomMobile() }), 422, 'mobile_mismatch'],
    ['terms not accepted', async () => ({ acceptTerms: false }), 422, 'terms_not_accepted'],
    ['an invalid identity number', async () => ({ idNumber: '1234567890' }), 400, 'invalid_id_number'],
    ['a foreign mobile', async () => ({ mobile: '+971501234567' }), 400, 'invalid_mobile'],
    ['a short username', async () => ({ username: 'abc' }), 400, 'invalid_input'],
    ['a username with spaces', async () => ({ username: 'ab cd' }), 400, 'invalid_input'],
    ['a bad email', async () => ({ email: 'not-an-email' }), 400, 'invalid_input'],
    ['an impossible date', async () => ({ birthDate: '1990-02-30' }), 400, 'invalid_input'],
  ])('refuses %s, and sends nothing', async (_name, overrides, status, code) => {
    const person = await buildPerson(t.deps.database.db);
    const res = await start(person, await overrides());
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    const inbox = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, person.mobile));
    expect(inbox).toHaveLength(0);
  });

  it('refuses an identity already registered and a username already taken', async () => {
    const { person, account } = await buildAccount(t.deps.database.db, { status: 'registered' });
    const again = await start(person);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('identity_already_registered');
    const other = await buildPerson(t.deps.database.db);
    const taken = await start(other, { username: account.username.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('username_taken');
  });

  it('accepts Arabic-Indic digits in identity number, mobile and code', async () => {
    const person = await buildPerson(t.deps.database.db);
    const arabic = (s: string) => s.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    const res = await start(person, { idNumber: arabic(person.idNumber), mobile: arabic(person.mobile.replace('+966', '0')) });
    expect(res.statusCode, res.body).toBe(201);
    const code = await t.lastCode(person.mobile);
    const verify = await post(`/api/v1/registrations/${res.json().registrationId}/verify`, { code: arabic(code) });
    expect(verify.statusCode, verify.body).toBe(200);
  });

  it('answers in English on request and in Arabic by default', async () => {
    const person = await buildPerson(t.deps.database.db);
    const en = await post('/api/v1/registrations', registrationBody(person, { acceptTerms: false }), { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().error.message).toBe('You must accept the terms and conditions.');
    const ar = await post('/api/v1/registrations', registrationBody(person, { acceptTerms: false }));
    expect(ar.json().error).toEqual({ code: 'terms_not_accepted', message: 'يجب الموافقة على الشروط والأحكام.' });
  });
});

describe('the registration code', () => {
  it('is refused when wrong, counts tries, and stops after five', async () => {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const code = await t.lastCode(person.mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 1; i--) {
      const res = await post(`/api/v1/registrations/${registrationId}/verify`, { code: wrong });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'code_incorrect', details: { attemptsLeft: i } });
    }
    const fifth = await post(`/api/v1/registrations/${registrationId}/verify`, { code: wrong });
    expect(fifth.json().error.code).toBe('code_attempts_exceeded');
    const right = await post(`/api/v1/registrations/${registrationId}/verify`, { code });
    expect(right.statusCode).toBe(422);
    expect(right.json().error.code).toBe('code_attempts_exceeded');
  });

  it('expires after five minutes', async () => {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const code = await t.lastCode(person.mobile);
    t.clock.advance(5 * MINUTE + 1000);
    const res = await post(`/api/v1/registrations/${registrationId}/verify`, { code });
    expect(res.json().error.code).toBe('code_expired');
  });

  it('is accepted exactly once when 50 submissions of the right code arrive together', async () => {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const code = await t.lastCode(person.mobile);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => post(`/api/v1/registrations/${registrationId}/verify`, { code })),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409 || s === 422)).toBe(true);
    const [reg] = await t.deps.database.db.select().from(registrations).where(eq(registrations.id, registrationId));
    expect(reg!.status).toBe('verified');
  });

  it('is bound to its flow: a login code does not verify a registration', async () => {
    const { person, password, account } = await buildAccount(t.deps.database.db, { status: 'active' });
    const login = await post('/api/v1/sessions', { login: account.username, password });
    const loginCode = await t.lastCode(person.mobile);
    const res = await post(`/api/v1/registrations/${login.json().challengeId}/verify`, { code: loginCode });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('registration_not_found');
  });

  it('can be resent at most once a minute and five times a day per mobile', async () => {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const tooSoon = await post(`/api/v1/registrations/${registrationId}/resend`);
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json().error.code).toBe('resend_too_soon');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);
    const first = await t.lastCode(person.mobile);
    for (let i = 0; i < 5; i++) {
      t.clock.advance(MINUTE);
      const res = await post(`/api/v1/registrations/${registrationId}/resend`);
      expect(res.statusCode, res.body).toBe(202);
      // Keep the registration itself from expiring while resending.
      await t.deps.database.db.update(registrations).set({ expiresAt: new Date(t.clock.now().getTime() + 30 * MINUTE) }).where(eq(registrations.id, registrationId));
    }
    t.clock.advance(MINUTE);
    const sixth = await post(`/api/v1/registrations/${registrationId}/resend`);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.code).toBe('resend_daily_limit');
    // The newest code works and the first one no longer does.
    const newest = await t.lastCode(person.mobile);
    if (newest !== first) {
      const old = await post(`/api/v1/registrations/${registrationId}/verify`, { code: first });
      expect(old.json().error.code).toBe('code_incorrect');
    }
    const ok = await post(`/api/v1/registrations/${registrationId}/verify`, { code: newest });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('completing a registration', () => {
  async function verified() {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const code = await t.lastCode(person.mobile);
    await post(`/api/v1/registrations/${registrationId}/verify`, { code });
    return { person, registrationId };
  }

  it('needs the mobile verified first', async () => {
    const person = await buildPerson(t.deps.database.db);
    const { registrationId } = (await start(person)).json();
    const res = await post(`/api/v1/registrations/${registrationId}/complete`, { password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('registration_not_verified');
  });

  it.each([
    ['too short', 'abc123', 'password_too_short'],
    ['too long', 'a'.repeat(129), 'password_too_long'],
    ['common', 'iloveyou', 'password_common'],
  ])('refuses a password that is %s', async (_n, password, code) => {
    const { registrationId } = await verified();
    const res = await post(`/api/v1/registrations/${registrationId}/complete`, { password });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses a password containing the identity number', async () => {
    const { person, registrationId } = await verified();
    const res = await post(`/api/v1/registrations/${registrationId}/complete`, { password: `id-${person.idNumber}` });
    expect(res.json().error.code).toBe('password_contains_personal_data');
  });

  it('completes once: a second completion is refused', async () => {
    const { registrationId } = await verified();
    const first = await post(`/api/v1/registrations/${registrationId}/complete`, { password: GOOD_PASSWORD });
    expect(first.statusCode).toBe(201);
    expect(first.json().status).toBe('registered');
    const second = await post(`/api/v1/registrations/${registrationId}/complete`, { password: GOOD_PASSWORD });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('registration_completed');
  });

  it('lets only one of two parallel registrations of one identity create the account', async () => {
    const person = await buildPerson(t.deps.database.db);
    const ids: string[] = [];
    for (const username of [`a${person.idNumber}`, `b${person.idNumber}`]) {
      t.clock.advance(1000); // so that the newest code is told apart from the first
      const { registrationId } = (await start(person, { username })).json();
      const code = await t.lastCode(person.mobile);
      expect((await post(`/api/v1/registrations/${registrationId}/verify`, { code })).statusCode).toBe(200);
      ids.push(registrationId);
    }
    const results = await Promise.all(ids.map((id) => post(`/api/v1/registrations/${id}/complete`, { password: GOOD_PASSWORD })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('identity_already_registered');
    const rows = await t.deps.database.db.select().from(accounts).where(and(eq(accounts.idNumber, person.idNumber)));
    expect(rows).toHaveLength(1);
  });

  it('expires after 30 minutes', async () => {
    const { registrationId } = await verified();
    t.clock.advance(31 * MINUTE);
    const res = await post(`/api/v1/registrations/${registrationId}/complete`, { password: GOOD_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('registration_expired');
  });

  it('answers 404 for an unknown registration and 400 for a malformed id', async () => {
    const unknown = await post('/api/v1/registrations/00000000-0000-4000-8000-000000000000/verify', { code: '123456' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('registration_not_found');
    const malformed = await post("/api/v1/registrations/1'%20or%201=1--/verify", { code: '123456' });
    expect(malformed.statusCode).toBe(400);
  });
});
