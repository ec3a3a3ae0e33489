// Helpers for the e-services tests: households with dependents and domestic workers, sessions,
// submissions with an Idempotency-Key, and bank payments.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/server/db/client';
import { delegations, registryFamilyLinks, sandboxTrafficFines, sandboxTravelBans } from '../../src/server/db/schema';
import { kingdomToday } from '../../src/server/services/engine/requests';
import { addDays } from '../../src/domain/calendar';
import { issueSession } from '../../src/server/modules/sessions/store';
import { newId } from '../../src/server/platform/crypto';
import type { TestContext } from './app';
import type { Clock } from '../../src/server/platform/clock';
import { buildAccount, buildPerson, type AccountRow, type BuiltPerson } from './factories';
import { channelRequest } from './channel';

/** What building rows and sessions needs: a module test's app, or the browser journeys' server. */
export type RowContext = Pick<TestContext, 'deps'> & { clock: Clock };

export async function bearer(t: RowContext, accountId: string): Promise<Record<string, string>> {
  const s = await issueSession(t.deps.database.db, t.clock, accountId, {});
  return { authorization: `Bearer ${s.token}` };
}

export type Household = {
  head: { account: AccountRow; person: BuiltPerson; auth: Record<string, string> };
  worker: BuiltPerson;
  wife: BuiltPerson;
  son: BuiltPerson;
};

/** A citizen head of family with an active account, a resident domestic worker they sponsor, a wife and a son. */
export async function buildHousehold(t: TestContext, overrides: { worker?: Partial<BuiltPerson>; son?: Partial<BuiltPerson> } = {}): Promise<Household> {
  const db = t.deps.database.db;
  const head = await buildAccount(db);
  const worker = await buildPerson(db, { kind: 'resident', sponsorKind: 'person', sponsorId: head.person.idNumber, profession: 'house_driver', ...overrides.worker });
  const wife = await buildPerson(db, { kind: 'citizen', gender: 'f', birthDate: '1992-05-10', maritalStatus: 'married' });
  const son = await buildPerson(db, { kind: 'citizen', birthDate: '2012-03-15', ...overrides.son });
  await linkFamily(db, head.person.idNumber, wife.idNumber, 'spouse');
  await linkFamily(db, head.person.idNumber, son.idNumber, 'son');
  return { head: { ...head, auth: await bearer(t, head.account.id) }, worker, wife, son };
}

export async function linkFamily(db: Db, head: string, member: string, relation: 'spouse' | 'son' | 'daughter' | 'father' | 'mother') {
  await db.insert(registryFamilyLinks).values({ headIdNumber: head, memberIdNumber: member, relation });
}

export async function addFine(db: Db, idNumber: string, amountHalalas = 30000) {
  await db.insert(sandboxTrafficFines).values({ id: newId(), idNumber, amountHalalas, issuedOn: '2026-01-10', paid: false });
}

export async function addTravelBan(db: Db, idNumber: string) {
  await db.insert(sandboxTravelBans).values({ idNumber, reason: 'court order', since: '2026-01-01' });
}

export function submitRequest(
  t: TestContext,
  auth: Record<string, string>,
  service: string,
  body: Record<string, unknown>,
  key: string | null = randomUUID(),
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/services/${service}/requests`,
    headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) },
    payload: body,
  });
}

export function quoteRequest(t: TestContext, auth: Record<string, string>, service: string, body: Record<string, unknown>) {
  return t.app.inject({ method: 'POST', url: `/api/v1/services/${service}/quote`, headers: auth, payload: body });
}

export function pay(t: TestContext, billNumber: string, amountHalalas: number, clientId = 'atm-alrajhi') {
  return channelRequest(t, { clientId, path: '/api/v1/channels/payments', body: { billNumber, amountHalalas } });
}

export function getRequest(t: TestContext, auth: Record<string, string>, id: string) {
  return t.app.inject({ url: `/api/v1/requests/${id}`, headers: auth });
}

/** The kingdom's calendar day `days` from the test clock's today, as documents are dated. */
export function kingdomDayFromToday(t: TestContext, days: number): string {
  return addDays(kingdomToday(t.clock.now()), days);
}

/** A resident registered under a head of family (a dependent the head acts for as 'family'). */
export async function buildResidentDependent(t: TestContext, headIdNumber: string, overrides: Partial<BuiltPerson> = {}): Promise<BuiltPerson> {
  const db = t.deps.database.db;
  const member = await buildPerson(db, { kind: 'resident', gender: 'f', maritalStatus: 'married', sponsorKind: 'person', sponsorId: headIdNumber, profession: null, ...overrides });
  await linkFamily(db, headIdNumber, member.idNumber, 'spouse');
  return member;
}

/** An e-authorization in force from now for `days` days, for the named services. */
export async function grantDelegation(t: TestContext, grantorAccountId: string, delegateAccountId: string, services: string[], days = 30): Promise<string> {
  const id = newId();
  const now = t.clock.now();
  await t.deps.database.db
    .insert(delegations)
    .values({ id, grantorAccountId, delegateAccountId, services, startsAt: now, endsAt: new Date(now.getTime() + days * 86_400_000), createdAt: now });
  return id;
}

/** An account holder (a Saudi citizen unless the person says otherwise) with a session. */
export async function buildHolder(t: TestContext, opts: Parameters<typeof buildAccount>[1] = {}) {
  const built = await buildAccount(t.deps.database.db, opts);
  return { ...built, auth: await bearer(t, built.account.id) };
}

/** POST /api/v1/delegations: the holder authorizes someone, through the API and its rules. */
export function authorize(
  t: TestContext,
  auth: Record<string, string>,
  body: { delegateIdNumber: string; services: string[]; startsOn?: string; endsOn: string } & Record<string, unknown>,
  key?: string,
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/delegations', headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) }, payload: body });
}

/** DELETE /api/v1/delegations/{id}: the holder revokes an authorization. */
export function revokeAuthorization(t: TestContext, auth: Record<string, string>, delegationId: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'DELETE', url: `/api/v1/delegations/${delegationId}`, headers: auth });
}
