// No input crashes the server or leaves half-done state: every refusal is a 4xx with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildPerson } from '../helpers/factories';
import { registrationBody } from '../helpers/flows';
import { accounts, registrations } from '../../src/server/db/schema';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const uuid = '00000000-0000-4000-8000-000000000000';
const endpoints = [
  '/api/v1/registrations',
  `/api/v1/registrations/${uuid}/verify`,
  `/api/v1/registrations/${uuid}/complete`,
  '/api/v1/sessions',
  `/api/v1/sessions/${uuid}/verify`,
  '/api/v1/password-resets',
  `/api/v1/password-resets/${uuid}/verify`,
  `/api/v1/password-resets/${uuid}/complete`,
];

const raw = (url: string, payload: string, contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

function expectErrorShape(res: { statusCode: number; json(): unknown }, status: number, code?: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
}

describe.each(endpoints)('POST %s', (url) => {
  it('refuses malformed JSON', async () => expectErrorShape(await raw(url, '{"idNumber": '), 400, 'malformed_json'));
  it('refuses an empty JSON body', async () => expectErrorShape(await raw(url, ''), 400));
  it('refuses a body over 64 KiB', async () => expectErrorShape(await raw(url, JSON.stringify({ x: 'a'.repeat(70_000) })), 413, 'body_too_large'));
  it('refuses another content type', async () => expectErrorShape(await raw(url, 'idNumber=1', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'));
  it('refuses an array, a string and null', async () => {
    for (const body of ['[]', '"x"', 'null', '42']) expectErrorShape(await raw(url, body), 400);
  });
  it('refuses unknown fields and prototype keys', async () => {
    expectErrorShape(await raw(url, JSON.stringify({ unexpected: true, code: '123456', password: 'x', login: 'x', idNumber: 'x', mobile: 'x' })), 400);
    expectErrorShape(await raw(url, '{"__proto__": {"admin": true}}'), 400);
    expectErrorShape(await raw(url, '{"constructor": {"prototype": {"admin": true}}}'), 400);
  });
});

describe('hostile values', () => {
  const hostile = [
    "1' OR '1'='1",
    '1; DROP TABLE accounts; --',
    '\u202E0987654321',
    '1234567890\u202E',
    '\u0000',
    '𝟙𝟚𝟛𝟜𝟝𝟞𝟟𝟠𝟡𝟘',
    '<script>alert(1)</script>',
    'a'.repeat(5000),
  ];

  it.each(hostile)('are refused as identity numbers, mobiles and logins without a 5xx: %j', async (value) => {
    const person = await buildPerson(t.deps.database.db);
    for (const field of ['idNumber', 'mobile', 'birthDate', 'username', 'email']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody(person, { [field]: value }) });
      expect(res.statusCode, `${field}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login: value.slice(0, 64), password: value } });
    expect([400, 401, 429]).toContain(login.statusCode);
    const code = await t.app.inject({ method: 'POST', url: `/api/v1/sessions/${uuid}/verify`, payload: { code: value } });
    expect(code.statusCode).toBe(400);
  });

  it('gives wrong types a 400 with the field named', async () => {
    const person = await buildPerson(t.deps.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody(person, { acceptTerms: 'yes', idNumber: 1234567890 }) });
    expectErrorShape(res, 400);
    const fields = (res.json().error.details.issues as Array<{ field: string }>).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['acceptTerms', 'idNumber']));
  });

  it('leaves no half-done state behind', async () => {
    const db = t.deps.database.db;
    const [[regs], [accs]] = await Promise.all([db.select({ n: count() }).from(registrations), db.select({ n: count() }).from(accounts)]);
    expect(accs!.n).toBe(0);
    expect(regs!.n).toBe(0);
  });
});
