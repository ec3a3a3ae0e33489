import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildPerson } from '../helpers/factories';
import { bearerFor, loginThroughApi } from '../helpers/flows';
import { auditLog, sandboxSmsMessages, sessions } from '../../src/server/db/schema';
import { HOUR, MINUTE, SECOND } from '../../src/server/platform/clock';
import { GUESSES_PER_HOUR } from '../../src/server/modules/sessions/throttle';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers });
const me = (headers: Record<string, string>) => t.app.inject({ url: '/api/v1/me', headers });

function cookiesOf(res: { cookies: Array<{ name: string; value: string }> }) {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}

describe('logging in', () => {
  it('takes a password then an SMS code, and gives a token and browser cookies', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db, { status: 'active', activation: 'kiosk' });
    const res = await loginThroughApi(t, account.username, password, person.mobile);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = res.cookies.find((c) => c.name === '__Host-absher_session')!;
    expect(session).toMatchObject({ value: body.token, httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    const csrf = res.cookies.find((c) => c.name === '__Host-absher_csrf')!;
    expect(csrf).toMatchObject({ value: body.csrfToken, secure: true, sameSite: 'Strict', path: '/' });
    expect(csrf.httpOnly).toBeFalsy();

    const who = await me({ authorization: `Bearer ${body.token}` });
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      accountId: account.id,
      idNumber: person.idNumber,
      kind: 'citizen',
      username: account.username,
      name: { ar: person.nameAr, en: person.nameEn },
      status: 'active',
      activation: { channel: 'kiosk', location: 'kiosk-airports' },
      roles: [],
    });
    expect(JSON.stringify(who.json())).not.toContain('argon2');
    expect(JSON.stringify(who.json())).not.toContain(person.mobile);
  });

  it('accepts the identity number, in Arabic-Indic digits too', async () => {
    const { person, password } = await buildAccount(t.deps.database.db);
    const arabic = person.idNumber.replace(/\d/g, (d) => String.fromCodePoint(0x0660 + Number(d)));
    expect((await loginThroughApi(t, arabic, password, person.mobile)).statusCode).toBe(201);
  });

  it('tells a registered account that is not activated how to activate, after password and code', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db, { status: 'registered' });
    const res = await loginThroughApi(t, account.username, password, person.mobile);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_not_activated');
    expect(res.json().error.message).toContain('صراف آلي');
    expect(res.cookies).toHaveLength(0);
  });

  it('refuses a suspended account', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db, { status: 'suspended' });
    const res = await loginThroughApi(t, account.username, password, person.mobile);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_suspended');
  });

  it('accepts a login code once, even when 50 arrive together', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const start = await post('/api/v1/sessions', { login: account.username, password });
    const code = await t.lastCode(person.mobile);
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/api/v1/sessions/${start.json().challengeId}/verify`, { code })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const rows = await t.deps.database.db.select().from(sessions).where(eq(sessions.accountId, account.id));
    expect(rows).toHaveLength(1);
  });

  it('resends a login code once a minute; the new code works and the old one does not', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const start = await post('/api/v1/sessions', { login: account.username, password });
    const id = start.json().challengeId;
    const first = await t.lastCode(person.mobile);
    const early = await post(`/api/v1/sessions/${id}/resend`);
    expect(early.statusCode).toBe(429);
    expect(early.json().error.code).toBe('resend_too_soon');
    t.clock.advance(MINUTE);
    const again = await post(`/api/v1/sessions/${id}/resend`);
    expect(again.statusCode, again.body).toBe(202);
    const second = await t.lastCode(person.mobile);
    if (second !== first) expect((await post(`/api/v1/sessions/${id}/verify`, { code: first })).json().error.code).toBe('code_incorrect');
    expect((await post(`/api/v1/sessions/${id}/verify`, { code: second })).statusCode).toBe(201);
    const after = await post(`/api/v1/sessions/${id}/resend`);
    expect(after.statusCode).toBe(404);
    expect((await post('/api/v1/sessions/00000000-0000-4000-8000-000000000000/resend')).json().error.code).toBe('challenge_not_found');
  });

  it('refuses an unknown challenge and a wrong code', async () => {
    const unknown = await post('/api/v1/sessions/00000000-0000-4000-8000-000000000000/verify', { code: '123456' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('challenge_not_found');
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const start = await post('/api/v1/sessions', { login: account.username, password });
    const code = await t.lastCode(person.mobile);
    const wrong = await post(`/api/v1/sessions/${start.json().challengeId}/verify`, { code: code === '999999' ? '000000' : '999999' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('code_incorrect');
  });
});

describe('wrong passwords and unknown logins', () => {
  it('answer alike: same status, same body, one password verification each', async () => {
    const { account } = await buildAccount(t.deps.database.db);
    const spy = vi.spyOn(t.deps.passwords, 'verify');
    const known = await post('/api/v1/sessions', { login: account.username, password: 'not the password at all' });
    const unknown = await post('/api/v1/sessions', { login: 'nobody.here', password: 'not the password at all' });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
    expect(known.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    expect(known.json().error.code).toBe('invalid_credentials');
  });

  it('are throttled alike from the fifth failure', async () => {
    const { account } = await buildAccount(t.deps.database.db);
    for (const login of [account.username, 'ghost.user']) {
      for (let i = 0; i < 5; i++) expect((await post('/api/v1/sessions', { login, password: 'wrong password!' })).statusCode).toBe(401);
      const sixth = await post('/api/v1/sessions', { login, password: 'wrong password!' });
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json().error.code).toBe('too_many_attempts');
      expect(sixth.headers['retry-after']).toBe('1');
    }
  });
});

describe('a right password', () => {
  // The row's xmin is the transaction that last wrote it: the admission's own, or the
  // accepted password's (the statement that also creates the challenge).
  const throttleWriter = async (accountId: string, challengeId: string) => {
    const result = (await t.deps.database.db.execute(
      sql`select t.xmin::text = c.xmin::text as same, t.consecutive_failures as failures, t.next_attempt_at as next
            from login_throttles t, challenges c where t.key = ${`account:${accountId}`} and c.id = ${challengeId}::uuid`,
    )) as unknown as { rows: Array<{ same: boolean; failures: number; next: string | null }> };
    return result.rows[0];
  };

  it('lifts the failures counted before it, so that the next wrong ones start from none', async () => {
    const { account, password } = await buildAccount(t.deps.database.db);
    const login = account.username;
    for (let i = 0; i < 4; i++) expect((await post('/api/v1/sessions', { login, password: 'wrong password!' })).statusCode).toBe(401);
    const right = await post('/api/v1/sessions', { login, password });
    expect(right.statusCode, right.body).toBe(202);
    expect(await throttleWriter(account.id, right.json().challengeId)).toEqual({ same: true, failures: 0, next: null });
    // Four more failures are free again; the fifth after the success would be the first to wait.
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/sessions', { login, password: 'wrong password!' })).statusCode).toBe(401);
    expect((await post('/api/v1/sessions', { login, password: 'wrong password!' })).statusCode).toBe(429);
  });

  it('with no failure to lift leaves the throttle row as the admission wrote it', async () => {
    const { account, password } = await buildAccount(t.deps.database.db);
    const right = await post('/api/v1/sessions', { login: account.username, password });
    expect(right.statusCode, right.body).toBe(202);
    expect(await throttleWriter(account.id, right.json().challengeId)).toEqual({ same: false, failures: 0, next: null });
  });
});

describe('the lockout under a sustained attack', () => {
  it('checks at most 100 guesses an hour, and the real user gets in once the attack stops', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const verify = vi.spyOn(t.deps.passwords, 'verify');
    let checked = 0;
    let refused = 0;
    let lastDelay = 0;
    // One guess a second for an hour, on the fake clock.
    for (let s = 0; s < 3600; s++) {
      const res = await post('/api/v1/sessions', { login: account.username, password: `guess-${s}-wrong` });
      if (res.statusCode === 401) checked++;
      else {
        expect(res.statusCode).toBe(429);
        lastDelay = Number(res.headers['retry-after']);
        refused++;
      }
      t.clock.advance(SECOND);
    }
    expect(verify.mock.calls.length).toBe(checked);
    verify.mockRestore();
    expect(checked).toBeLessThanOrEqual(GUESSES_PER_HOUR);
    expect(checked).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(3000);
    expect(lastDelay).toBeLessThanOrEqual(60);

    // While the delay runs, even the right password is not checked.
    await post('/api/v1/sessions', { login: account.username, password: 'one more wrong guess' });
    const during = await post('/api/v1/sessions', { login: account.username, password });
    expect(during.statusCode).toBe(429);

    t.clock.advance(61 * SECOND);
    const res = await loginThroughApi(t, account.username, password, person.mobile);
    expect(res.statusCode, res.body).toBe(201);
    // About a hundred argon2id checks at tens of milliseconds of CPU each: on two cores shared
    // with the other test files it has taken more than the default minute.
  }, 180_000);
});

describe('sessions', () => {
  async function session() {
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const res = await loginThroughApi(t, account.username, password, person.mobile);
    return { account, person, password, res, token: res.json().token as string, cookies: cookiesOf(res) };
  }

  it('end after 15 idle minutes, and activity keeps them alive up to 12 hours', async () => {
    const { token } = await session();
    const auth = { authorization: `Bearer ${token}` };
    t.clock.advance(14 * MINUTE);
    expect((await me(auth)).statusCode).toBe(200);
    t.clock.advance(14 * MINUTE);
    expect((await me(auth)).statusCode).toBe(200);
    t.clock.advance(16 * MINUTE);
    const idle = await me(auth);
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('session_expired');

    const second = await session();
    const auth2 = { authorization: `Bearer ${second.token}` };
    for (let h = 0; h < 60; h++) {
      t.clock.advance(14 * MINUTE);
      const r = await me(auth2);
      if (r.statusCode !== 200) {
        expect(r.json().error.code).toBe('session_expired');
        expect(h * 14 * MINUTE).toBeGreaterThanOrEqual(11 * HOUR);
        return;
      }
    }
    throw new Error('the session outlived its 12 hours');
  });

  it('are revoked by logging out', async () => {
    const { token, account } = await session();
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    expect((await me({ authorization: `Bearer ${token}` })).statusCode).toBe(401);
    const actions = (await t.deps.database.db.select().from(auditLog).where(eq(auditLog.subjectAccountId, account.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login.password_accepted', 'session.created', 'session.ended']));
  });

  it('need the CSRF token for a state change made with the cookie', async () => {
    const { cookies } = await session();
    const cookie = `__Host-absher_session=${cookies['__Host-absher_session']}`;
    expect((await me({ cookie })).statusCode).toBe(200);
    const without = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_token_invalid');
    const wrong = await t.app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const right = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/sessions/current',
      headers: { cookie, 'x-csrf-token': cookies['__Host-absher_csrf']! },
    });
    expect(right.statusCode).toBe(204);
  });

  it('refuse a missing, malformed or unknown token', async () => {
    expect((await me({})).json().error.code).toBe('not_authenticated');
    expect((await me({ authorization: 'Bearer short' })).statusCode).toBe(401);
    expect((await me({ authorization: `Bearer ${'A'.repeat(43)}` })).json().error.code).toBe('not_authenticated');
    expect((await me({ authorization: "Bearer ' or 1=1 --" })).statusCode).toBe(401);
  });
});

describe('forgotten password', () => {
  it('resets with identity, mobile and code, ends every other session and tells the holder', async () => {
    const { account, person, password } = await buildAccount(t.deps.database.db);
    const old = await bearerFor(t, account.username, password, person.mobile);
    const start = await post('/api/v1/password-resets', { idNumber: person.idNumber, mobile: person.mobile.replace('+966', '0') });
    expect(start.statusCode).toBe(202);
    const code = await t.lastCode(person.mobile);
    const early = await post(`/api/v1/password-resets/${start.json().resetId}/complete`, { password: 'a brand new passphrase' });
    expect(early.json().error.code).toBe('code_not_verified');
    expect((await post(`/api/v1/password-resets/${start.json().resetId}/verify`, { code })).statusCode).toBe(200);
    const weak = await post(`/api/v1/password-resets/${start.json().resetId}/complete`, { password: 'password1' });
    expect(weak.json().error.code).toBe('password_common');
    const done = await post(`/api/v1/password-resets/${start.json().resetId}/complete`, { password: 'a brand new passphrase' });
    expect(done.statusCode, done.body).toBe(200);
    expect((await me({ authorization: `Bearer ${old}` })).statusCode).toBe(401);
    expect((await post('/api/v1/sessions', { login: account.username, password })).statusCode).toBe(401);
    t.clock.advance(2 * SECOND);
    expect((await loginThroughApi(t, account.username, 'a brand new passphrase', person.mobile)).statusCode).toBe(201);
    const again = await post(`/api/v1/password-resets/${start.json().resetId}/complete`, { password: 'another new passphrase' });
    expect(again.json().error.code).toBe('code_already_used');
    const inbox = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, person.mobile));
    expect(inbox.some((m) => m.body.includes('تم تغيير كلمة المرور'))).toBe(true);
  });

  it('does not reveal whether the details matched an account', async () => {
    const { person } = await buildAccount(t.deps.database.db);
    const stranger = await buildPerson(t.deps.database.db);
    const matched = await post('/api/v1/password-resets', { idNumber: person.idNumber, mobile: person.mobile });
    const unmatched = await post('/api/v1/password-resets', { idNumber: stranger.idNumber, mobile: stranger.mobile });
    expect(unmatched.statusCode).toBe(matched.statusCode);
    expect(Object.keys(unmatched.json()).sort()).toEqual(Object.keys(matched.json()).sort());
    const inbox = await t.deps.database.db.select().from(sandboxSmsMessages).where(eq(sandboxSmsMessages.to, stranger.mobile));
    expect(inbox).toHaveLength(0);
    const guess = await post(`/api/v1/password-resets/${unmatched.json().resetId}/verify`, { code: '123456' });
    expect(guess.json().error.code).toBe('code_incorrect');
  });
});
