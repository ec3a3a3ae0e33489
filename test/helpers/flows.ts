// The identity journeys through the API, for tests that need a registered or logged-in account.
import { expect } from 'vitest';
import type { TestContext } from './app';
import type { BuiltPerson } from './factories';

export const GOOD_PASSWORD = 'نخلة-الواحة 2026';

export function registrationBody(person: BuiltPerson, overrides: Record<string, unknown> = {}) {
  return {
    idNumber: person.idNumber,
    birthDate: person.birthDate,
    mobile: person.mobile.replace('+966', '0'),
    username: `u${person.idNumber}`,
    language: 'ar',
    acceptTerms: true,
    ...overrides,
  };
}

/** Registers through the three steps and returns the new account id. */
export async function registerThroughApi(t: TestContext, person: BuiltPerson, overrides: Record<string, unknown> = {}, password = GOOD_PASSWORD) {
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody(person, overrides) });
  expect(start.statusCode, start.body).toBe(201);
  const { registrationId } = start.json();
  const code = await t.lastCode(person.mobile);
  const verify = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${registrationId}/verify`, payload: { code } });
  expect(verify.statusCode, verify.body).toBe(200);
  const complete = await t.app.inject({ method: 'POST', url: `/api/v1/registrations/${registrationId}/complete`, payload: { password } });
  expect(complete.statusCode, complete.body).toBe(201);
  return complete.json().accountId as string;
}

/** Logs in with password and code; returns the verify response. */
export async function loginThroughApi(t: TestContext, login: string, password: string, mobile: string) {
  const start = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login, password } });
  expect(start.statusCode, start.body).toBe(202);
  const code = await t.lastCode(mobile);
  return t.app.inject({ method: 'POST', url: `/api/v1/sessions/${start.json().challengeId}/verify`, payload: { code } });
}

export async function bearerFor(t: TestContext, login: string, password: string, mobile: string): Promise<string> {
  const res = await loginThroughApi(t, login, password, mobile);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}
