// Who may call each e-services endpoint, as one table. Each row is an endpoint, an actor, what
// the actor acts on, and the exact answer. Refusals never change anything, so rows that are
// refused share their targets; rows that succeed get fresh ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestContext } from '../helpers/app';
import { buildAccount, buildOffice, buildPerson, grantStaffRole } from '../helpers/factories';
import { authorize, bearer, buildHolder, buildHousehold, revokeAuthorization, submitRequest, type Household } from '../helpers/services';
import { buildEstablishment, type BuiltEstablishment } from '../helpers/establishments';
import { delegations, serviceRequests, smsOutbox } from '../../src/server/db/schema';
import { addDays } from '../../src/domain/calendar';
import { registerService } from '../../src/server/services/catalogue';
import { sign } from '../../src/server/modules/channels/signature';
import { kingdomDay } from '../../src/server/modules/delegations/rules';
import { newId } from '../../src/server/platform/crypto';
import { DAY } from '../../src/server/platform/clock';

const SERVICE = 'exit_reentry_visa';
/** A delegable service the out-of-scope delegate is authorized for instead, whatever the catalogue holds. */
const ELSEWHERE = 'fixture_elsewhere';

// ---------------------------------------------------------------------------------------
// The actors.

const ACTORS = {
  anonymous: 'no session at all',
  unactivated: 'an account registered but not activated',
  owner: 'the holder: head of family, sponsor of domestic workers, grantor of the authorizations below',
  minor: 'the owner’s son, applicant of his own request awaiting the owner’s consent',
  delegate: 'a citizen the owner authorized for the exit/re-entry visa, in force',
  out_of_scope: 'a citizen the owner authorized for another service only',
  revoked: 'a citizen whose authorization the owner revoked after they applied under it',
  expired: 'a citizen whose authorization ended after they applied under it',
  stranger: 'another citizen, no relation to the owner',
  officer: 'an account holding the passports officer role, with a household of their own',
  releaser: 'the owner of the establishment a worker is asked to leave (a transfer of services)',
  bank: 'a bank’s ATM network, by signature',
  kiosk: 'the airports’ kiosk fleet, by signature',
} as const;
type Actor = keyof typeof ACTORS;
type DelegateActor = 'delegate' | 'out_of_scope' | 'revoked' | 'expired';

// What the actor acts on. Fresh ones are made for each row that uses them.
type Target =
  | 'nothing'
  | 'owner_worker' // an application for a (fresh) domestic worker of the owner, under the actor's own authorization if any
  | 'owner_worker_borrowed' // the same, under the delegate's authorization id
  | 'officer_worker' // an application for a (fresh) domestic worker of the officer
  | 'own_request' // a (fresh) request the owner made
  | 'delegated_request' // a (fresh) request the delegate made for the owner
  | 'revoked_request' // the request the revoked delegate made before the revocation
  | 'expired_request' // the request the expired delegate made while in force
  | 'officer_request' // a (fresh) request the officer made for their own worker
  | 'awaiting_consent' // a (fresh) minor's own request awaiting the owner's consent
  | 'awaiting_release' // a (fresh) request of the owner's awaiting the releaser's establishment
  | 'unpaid_bill' // the bill of a (fresh) request the owner made
  | 'new_delegate' // a (fresh) citizen with an active account, to be authorized
  | 'delegation' // the delegate's authorization, given by the owner
  | 'actor_delegation' // the authorization the acting delegate received
  | 'fresh_delegation' // a (fresh) authorization the owner gave someone
  | 'owner_notice'; // a (fresh) SMS notice sent to the owner's mobile

type Outcome = { status: number; code?: string; listed?: 'request' | 'given' | 'received' | 'notification' | 'absent' };
const ok = (status = 200): Outcome => ({ status });
const no = (status: number, code: string): Outcome => ({ status, code });
const listed = (as: 'request' | 'given' | 'received' | 'notification'): Outcome => ({ status: 200, listed: as });
const absent: Outcome = { status: 200, listed: 'absent' };

const ENDPOINTS = [
  'GET /services',
  'POST /services/{code}/quote',
  'POST /services/{code}/requests',
  'GET /requests',
  'GET /requests/{id}',
  'POST /requests/{id}/cancel',
  'POST /requests/{id}/consent',
  'POST /requests/{id}/release',
  'POST /channels/payments',
  'POST /delegations',
  'GET /delegations',
  'DELETE /delegations/{id}',
  'GET /delegations/{id}/activity',
  'GET /me/notifications',
] as const;
type Endpoint = (typeof ENDPOINTS)[number];

type Case = readonly [Endpoint, Actor, Target, Outcome];

// ---------------------------------------------------------------------------------------
// The matrix.

const matrix: readonly Case[] = [
  // The public catalogue.
  ['GET /services', 'anonymous', 'nothing', ok()],
  ['GET /services', 'owner', 'nothing', ok()],
  ['GET /services', 'delegate', 'nothing', ok()],
  ['GET /services', 'officer', 'nothing', ok()],
  ['GET /services', 'bank', 'nothing', ok()],

  // Eligibility and fee: the owner for their worker, a delegate through the owner's relation.
  ['POST /services/{code}/quote', 'anonymous', 'owner_worker', no(401, 'not_authenticated')],
  ['POST /services/{code}/quote', 'unactivated', 'owner_worker', no(403, 'account_not_activated')],
  ['POST /services/{code}/quote', 'owner', 'owner_worker', ok()],
  ['POST /services/{code}/quote', 'delegate', 'owner_worker', ok()],
  ['POST /services/{code}/quote', 'out_of_scope', 'owner_worker', no(403, 'delegation_out_of_scope')],
  ['POST /services/{code}/quote', 'revoked', 'owner_worker', no(403, 'delegation_revoked')],
  ['POST /services/{code}/quote', 'expired', 'owner_worker', no(403, 'delegation_not_in_force')],
  ['POST /services/{code}/quote', 'stranger', 'owner_worker', no(403, 'not_your_beneficiary')],
  ['POST /services/{code}/quote', 'stranger', 'owner_worker_borrowed', no(404, 'delegation_not_found')],
  ['POST /services/{code}/quote', 'officer', 'owner_worker', no(403, 'not_your_beneficiary')],
  ['POST /services/{code}/quote', 'officer', 'officer_worker', ok()],
  ['POST /services/{code}/quote', 'bank', 'owner_worker', no(401, 'not_authenticated')],

  // Submission: the same people, the same answers.
  ['POST /services/{code}/requests', 'anonymous', 'owner_worker', no(401, 'not_authenticated')],
  ['POST /services/{code}/requests', 'unactivated', 'owner_worker', no(403, 'account_not_activated')],
  ['POST /services/{code}/requests', 'owner', 'owner_worker', ok(201)],
  ['POST /services/{code}/requests', 'delegate', 'owner_worker', ok(201)],
  ['POST /services/{code}/requests', 'out_of_scope', 'owner_worker', no(403, 'delegation_out_of_scope')],
  ['POST /services/{code}/requests', 'revoked', 'owner_worker', no(403, 'delegation_revoked')],
  ['POST /services/{code}/requests', 'expired', 'owner_worker', no(403, 'delegation_not_in_force')],
  ['POST /services/{code}/requests', 'stranger', 'owner_worker', no(403, 'not_your_beneficiary')],
  ['POST /services/{code}/requests', 'stranger', 'owner_worker_borrowed', no(404, 'delegation_not_found')],
  ['POST /services/{code}/requests', 'officer', 'owner_worker', no(403, 'not_your_beneficiary')],
  ['POST /services/{code}/requests', 'officer', 'officer_worker', ok(201)],
  ['POST /services/{code}/requests', 'bank', 'owner_worker', no(401, 'not_authenticated')],

  // The list: the owner sees what the delegate did for them; a delegate, only while authorized.
  ['GET /requests', 'anonymous', 'own_request', no(401, 'not_authenticated')],
  ['GET /requests', 'unactivated', 'own_request', no(403, 'account_not_activated')],
  ['GET /requests', 'owner', 'own_request', listed('request')],
  ['GET /requests', 'owner', 'delegated_request', listed('request')],
  ['GET /requests', 'owner', 'revoked_request', listed('request')],
  ['GET /requests', 'delegate', 'delegated_request', listed('request')],
  ['GET /requests', 'delegate', 'own_request', absent],
  ['GET /requests', 'out_of_scope', 'own_request', absent],
  ['GET /requests', 'revoked', 'revoked_request', absent],
  ['GET /requests', 'expired', 'expired_request', absent],
  ['GET /requests', 'stranger', 'own_request', absent],
  ['GET /requests', 'officer', 'own_request', absent],
  ['GET /requests', 'officer', 'officer_request', listed('request')],
  ['GET /requests', 'bank', 'own_request', no(401, 'not_authenticated')],

  // One request: someone else's is not acknowledged to exist.
  ['GET /requests/{id}', 'anonymous', 'own_request', no(401, 'not_authenticated')],
  ['GET /requests/{id}', 'unactivated', 'own_request', no(403, 'account_not_activated')],
  ['GET /requests/{id}', 'owner', 'own_request', ok()],
  ['GET /requests/{id}', 'owner', 'delegated_request', ok()],
  ['GET /requests/{id}', 'owner', 'revoked_request', ok()],
  ['GET /requests/{id}', 'minor', 'awaiting_consent', ok()],
  ['GET /requests/{id}', 'owner', 'awaiting_consent', ok()],
  ['GET /requests/{id}', 'delegate', 'delegated_request', ok()],
  ['GET /requests/{id}', 'delegate', 'own_request', no(404, 'request_not_found')],
  ['GET /requests/{id}', 'out_of_scope', 'own_request', no(404, 'request_not_found')],
  ['GET /requests/{id}', 'revoked', 'revoked_request', no(403, 'delegation_revoked')],
  ['GET /requests/{id}', 'expired', 'expired_request', no(403, 'delegation_not_in_force')],
  ['GET /requests/{id}', 'stranger', 'own_request', no(404, 'request_not_found')],
  ['GET /requests/{id}', 'officer', 'own_request', no(404, 'request_not_found')],
  ['GET /requests/{id}', 'officer', 'officer_request', ok()],
  ['GET /requests/{id}', 'bank', 'own_request', no(401, 'not_authenticated')],

  // Cancelling: the applicant, and the owner for what a delegate applied for on their behalf.
  ['POST /requests/{id}/cancel', 'anonymous', 'own_request', no(401, 'not_authenticated')],
  ['POST /requests/{id}/cancel', 'unactivated', 'own_request', no(403, 'account_not_activated')],
  ['POST /requests/{id}/cancel', 'owner', 'own_request', ok()],
  ['POST /requests/{id}/cancel', 'owner', 'delegated_request', ok()],
  ['POST /requests/{id}/cancel', 'delegate', 'delegated_request', ok()],
  ['POST /requests/{id}/cancel', 'delegate', 'own_request', no(404, 'request_not_found')],
  ['POST /requests/{id}/cancel', 'out_of_scope', 'own_request', no(404, 'request_not_found')],
  ['POST /requests/{id}/cancel', 'revoked', 'revoked_request', no(403, 'delegation_revoked')],
  ['POST /requests/{id}/cancel', 'expired', 'expired_request', no(403, 'delegation_not_in_force')],
  ['POST /requests/{id}/cancel', 'stranger', 'own_request', no(404, 'request_not_found')],
  ['POST /requests/{id}/cancel', 'officer', 'own_request', no(404, 'request_not_found')],
  ['POST /requests/{id}/cancel', 'officer', 'officer_request', ok()],
  ['POST /requests/{id}/cancel', 'bank', 'own_request', no(401, 'not_authenticated')],

  // Consent is the guardian's own act: no authorization carries it, and the endpoint answers
  // 403 (not 404) to anyone who is not a guardian named on the request.
  ['POST /requests/{id}/consent', 'anonymous', 'awaiting_consent', no(401, 'not_authenticated')],
  ['POST /requests/{id}/consent', 'unactivated', 'awaiting_consent', no(403, 'account_not_activated')],
  ['POST /requests/{id}/consent', 'owner', 'awaiting_consent', ok()],
  ['POST /requests/{id}/consent', 'minor', 'awaiting_consent', no(403, 'consent_not_yours')],
  ['POST /requests/{id}/consent', 'delegate', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'out_of_scope', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'revoked', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'expired', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'stranger', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'officer', 'awaiting_consent', no(404, 'request_not_found')],
  ['POST /requests/{id}/consent', 'bank', 'awaiting_consent', no(401, 'not_authenticated')],

  // Releasing a worker: the current establishment's own act; the applicant learns it is not theirs.
  ['POST /requests/{id}/release', 'anonymous', 'awaiting_release', no(401, 'not_authenticated')],
  ['POST /requests/{id}/release', 'unactivated', 'awaiting_release', no(403, 'account_not_activated')],
  ['POST /requests/{id}/release', 'releaser', 'awaiting_release', ok()],
  ['POST /requests/{id}/release', 'owner', 'awaiting_release', no(403, 'release_not_yours')],
  ['POST /requests/{id}/release', 'delegate', 'awaiting_release', no(404, 'request_not_found')],
  ['POST /requests/{id}/release', 'stranger', 'awaiting_release', no(404, 'request_not_found')],
  ['POST /requests/{id}/release', 'officer', 'awaiting_release', no(404, 'request_not_found')],
  ['POST /requests/{id}/release', 'bank', 'awaiting_release', no(401, 'not_authenticated')],

  // Paying a bill: banks only, by signature; a session is no signature.
  ['POST /channels/payments', 'bank', 'unpaid_bill', ok()],
  ['POST /channels/payments', 'kiosk', 'unpaid_bill', no(403, 'payment_channel_not_allowed')],
  ['POST /channels/payments', 'anonymous', 'unpaid_bill', no(401, 'missing_signature')],
  ['POST /channels/payments', 'owner', 'unpaid_bill', no(401, 'missing_signature')],
  ['POST /channels/payments', 'delegate', 'unpaid_bill', no(401, 'missing_signature')],
  ['POST /channels/payments', 'officer', 'unpaid_bill', no(401, 'missing_signature')],

  // Giving an authorization: any active account holder, for their own affairs only.
  ['POST /delegations', 'anonymous', 'new_delegate', no(401, 'not_authenticated')],
  ['POST /delegations', 'unactivated', 'new_delegate', no(403, 'account_not_activated')],
  ['POST /delegations', 'owner', 'new_delegate', ok(201)],
  ['POST /delegations', 'delegate', 'new_delegate', ok(201)],
  ['POST /delegations', 'stranger', 'new_delegate', ok(201)],
  ['POST /delegations', 'officer', 'new_delegate', ok(201)],
  ['POST /delegations', 'bank', 'new_delegate', no(401, 'not_authenticated')],

  // The lists: each party sees their side, no one else sees it at all.
  ['GET /delegations', 'anonymous', 'delegation', no(401, 'not_authenticated')],
  ['GET /delegations', 'unactivated', 'delegation', no(403, 'account_not_activated')],
  ['GET /delegations', 'owner', 'delegation', listed('given')],
  ['GET /delegations', 'delegate', 'delegation', listed('received')],
  ['GET /delegations', 'revoked', 'actor_delegation', listed('received')],
  ['GET /delegations', 'expired', 'actor_delegation', listed('received')],
  ['GET /delegations', 'out_of_scope', 'delegation', absent],
  ['GET /delegations', 'stranger', 'delegation', absent],
  ['GET /delegations', 'officer', 'delegation', absent],
  ['GET /delegations', 'bank', 'delegation', no(401, 'not_authenticated')],

  // Revoking: the grantor alone; to anyone else, the delegate included, it does not exist.
  ['DELETE /delegations/{id}', 'anonymous', 'delegation', no(401, 'not_authenticated')],
  ['DELETE /delegations/{id}', 'unactivated', 'delegation', no(403, 'account_not_activated')],
  ['DELETE /delegations/{id}', 'owner', 'fresh_delegation', ok()],
  ['DELETE /delegations/{id}', 'delegate', 'delegation', no(404, 'delegation_not_found')],
  ['DELETE /delegations/{id}', 'out_of_scope', 'actor_delegation', no(404, 'delegation_not_found')],
  ['DELETE /delegations/{id}', 'stranger', 'delegation', no(404, 'delegation_not_found')],
  ['DELETE /delegations/{id}', 'officer', 'delegation', no(404, 'delegation_not_found')],
  ['DELETE /delegations/{id}', 'bank', 'delegation', no(401, 'not_authenticated')],

  // What the delegate did: for the grantor's eyes.
  ['GET /delegations/{id}/activity', 'anonymous', 'delegation', no(401, 'not_authenticated')],
  ['GET /delegations/{id}/activity', 'unactivated', 'delegation', no(403, 'account_not_activated')],
  ['GET /delegations/{id}/activity', 'owner', 'delegation', ok()],
  ['GET /delegations/{id}/activity', 'delegate', 'delegation', no(404, 'delegation_not_found')],
  ['GET /delegations/{id}/activity', 'revoked', 'actor_delegation', no(404, 'delegation_not_found')],
  ['GET /delegations/{id}/activity', 'stranger', 'delegation', no(404, 'delegation_not_found')],
  ['GET /delegations/{id}/activity', 'officer', 'delegation', no(404, 'delegation_not_found')],
  ['GET /delegations/{id}/activity', 'bank', 'delegation', no(401, 'not_authenticated')],

  // The SMS notices: the holder's own; an authorization does not carry them to the delegate.
  ['GET /me/notifications', 'anonymous', 'owner_notice', no(401, 'not_authenticated')],
  ['GET /me/notifications', 'unactivated', 'owner_notice', no(403, 'account_not_activated')],
  ['GET /me/notifications', 'owner', 'owner_notice', listed('notification')],
  ['GET /me/notifications', 'delegate', 'owner_notice', absent],
  ['GET /me/notifications', 'minor', 'owner_notice', absent],
  ['GET /me/notifications', 'stranger', 'owner_notice', absent],
  ['GET /me/notifications', 'officer', 'owner_notice', absent],
  ['GET /me/notifications', 'bank', 'owner_notice', no(401, 'not_authenticated')],
];

// ---------------------------------------------------------------------------------------
// The world the rows act in.

type Holder = { accountId: string; idNumber: string; auth: Record<string, string> };

type World = {
  owner: Household;
  minor: Holder;
  delegates: Record<DelegateActor, Holder & { delegationId: string }>;
  stranger: Holder;
  officer: Household;
  unactivated: Holder;
  releaser: BuiltEstablishment;
  revokedRequestId: string;
  expiredRequestId: string;
};

let t: TestContext;
let w: World;

const day = (n: number) => addDays(kingdomDay(t.clock.now()), n);
const application = (beneficiaryIdNumber: string, delegationId?: string) => ({
  beneficiaryIdNumber,
  ...(delegationId ? { delegationId } : {}),
  input: { type: 'single', durationMonths: 2 },
});

async function holder(opts: Parameters<typeof buildAccount>[1] = {}): Promise<Holder> {
  const h = await buildHolder(t, opts);
  return { accountId: h.account.id, idNumber: h.person.idNumber, auth: h.auth };
}

async function newWorker(sponsorIdNumber: string): Promise<string> {
  const worker = await buildPerson(t.deps.database.db, { kind: 'resident', sponsorKind: 'person', sponsorId: sponsorIdNumber, profession: 'house_driver' });
  return worker.idNumber;
}

async function created(res: LightMyRequestResponse): Promise<{ id: string; bills: Array<{ billNumber: string; amountHalalas: number }> }> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function delegateOf(services: string[]): Promise<Holder & { delegationId: string }> {
  const d = await holder();
  const res = await authorize(t, w.owner.head.auth, { delegateIdNumber: d.idNumber, services, endsOn: day(30) });
  return { ...d, delegationId: (await created(res)).id };
}

/** A request written directly in a waiting status: the rule under test is who may move it on, not a service's. */
async function waitingRequest(row: Pick<typeof serviceRequests.$inferInsert, 'status' | 'applicantAccountId' | 'beneficiaryIdNumber' | 'relation' | 'consentFrom' | 'releaseFrom'>): Promise<string> {
  const id = newId();
  const now = t.clock.now();
  await t.deps.database.db.insert(serviceRequests).values({
    id,
    number: `R${Date.now()}${Math.floor(Math.random() * 1000)}`,
    service: SERVICE,
    input: { type: 'single', durationMonths: 2 },
    feeHalalas: 20000,
    feeLines: [{ key: 'single_base', amountHalalas: 20000, quantity: 1 }],
    createdAt: now,
    updatedAt: now,
    ...row,
  });
  return id;
}

/** A request awaiting the release of a worker by their current establishment. */
const awaitingRelease = () =>
  waitingRequest({
    status: 'awaiting_release',
    applicantAccountId: w.owner.head.account.id,
    beneficiaryIdNumber: w.releaser.workers[0]!.idNumber,
    relation: 'establishment_recruit',
    releaseFrom: w.releaser.id,
  });

/** A minor's own application awaiting a guardian. */
const awaitingConsent = () =>
  waitingRequest({
    status: 'awaiting_consent',
    applicantAccountId: w.minor.accountId,
    beneficiaryIdNumber: w.minor.idNumber,
    relation: 'self',
    consentFrom: [w.owner.head.person.idNumber],
  });

beforeAll(async () => {
  t = await createTestApp();
  registerService({
    code: ELSEWHERE,
    name: { ar: 'خدمة أخرى', en: 'Another service' },
    description: { ar: 'خدمة للاختبار', en: 'A service for tests' },
    beneficiaryKinds: ['citizen'],
    relations: ['self'],
    delegable: true,
    input: z.strictObject({}),
    rules: {},
    eligibility: async () => [],
    fee: () => [],
    fulfil: async () => ({ documents: [] }),
  });
  const db = t.deps.database.db;
  const owner = await buildHousehold(t);
  const minorAccount = await buildAccount(db, { person: owner.son });
  const officer = await buildHousehold(t);
  const office = await buildOffice(db);
  await grantStaffRole(db, officer.head.account.id, 'officer', office.id);
  const unactivated = await buildAccount(db, { status: 'registered' });
  w = {
    owner,
    minor: { accountId: minorAccount.account.id, idNumber: owner.son.idNumber, auth: await bearer(t, minorAccount.account.id) },
    officer,
    stranger: await holder(),
    unactivated: { accountId: unactivated.account.id, idNumber: unactivated.person.idNumber, auth: await bearer(t, unactivated.account.id) },
    delegates: {} as World['delegates'],
    releaser: await buildEstablishment(t, { workers: 1 }),
    revokedRequestId: '',
    expiredRequestId: '',
  };
  w.delegates = {
    delegate: await delegateOf([SERVICE]),
    out_of_scope: await delegateOf([ELSEWHERE]),
    revoked: await delegateOf([SERVICE]),
    expired: await delegateOf([SERVICE]),
  };
  const { revoked, expired } = w.delegates;
  w.revokedRequestId = (await created(await submitRequest(t, revoked.auth, SERVICE, application(await newWorker(owner.head.person.idNumber), revoked.delegationId)))).id;
  expect((await revokeAuthorization(t, owner.head.auth, revoked.delegationId)).statusCode).toBe(200);
  w.expiredRequestId = (await created(await submitRequest(t, expired.auth, SERVICE, application(await newWorker(owner.head.person.idNumber), expired.delegationId)))).id;
  // Its period passes: moved into the past rather than moving the clock every row shares.
  const now = t.clock.now();
  await db
    .update(delegations)
    .set({ startsAt: new Date(now.getTime() - 10 * DAY), endsAt: new Date(now.getTime() - DAY) })
    .where(eq(delegations.id, expired.delegationId));
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------
// Running a row.

function authOf(actor: Actor): Record<string, string> {
  switch (actor) {
    case 'anonymous':
    case 'bank':
    case 'kiosk':
      return {};
    case 'owner':
      return w.owner.head.auth;
    case 'releaser':
      return w.releaser.owner.auth;
    case 'officer':
      return w.officer.head.auth;
    case 'minor':
    case 'stranger':
    case 'unactivated':
      return w[actor].auth;
    default:
      return w.delegates[actor].auth;
  }
}

function delegationOf(actor: Actor): string | undefined {
  return actor in w.delegates ? w.delegates[actor as DelegateActor].delegationId : undefined;
}

type Resolved = { id?: string; body?: Record<string, unknown> };

async function resolve(target: Target, actor: Actor): Promise<Resolved> {
  const owner = w.owner.head;
  switch (target) {
    case 'nothing':
      return {};
    case 'owner_worker':
      return { body: application(await newWorker(owner.person.idNumber), delegationOf(actor)) };
    case 'owner_worker_borrowed':
      return { body: application(await newWorker(owner.person.idNumber), w.delegates.delegate.delegationId) };
    case 'officer_worker':
      return { body: application(await newWorker(w.officer.head.person.idNumber)) };
    case 'own_request':
      return { id: (await created(await submitRequest(t, owner.auth, SERVICE, application(await newWorker(owner.person.idNumber))))).id };
    case 'delegated_request': {
      const d = w.delegates.delegate;
      return { id: (await created(await submitRequest(t, d.auth, SERVICE, application(await newWorker(owner.person.idNumber), d.delegationId)))).id };
    }
    case 'revoked_request':
      return { id: w.revokedRequestId };
    case 'expired_request':
      return { id: w.expiredRequestId };
    case 'officer_request':
      return { id: (await created(await submitRequest(t, w.officer.head.auth, SERVICE, application(await newWorker(w.officer.head.person.idNumber))))).id };
    case 'awaiting_consent':
      return { id: await awaitingConsent() };
    case 'awaiting_release':
      return { id: await awaitingRelease() };
    case 'unpaid_bill': {
      const r = await created(await submitRequest(t, owner.auth, SERVICE, application(await newWorker(owner.person.idNumber))));
      return { body: { billNumber: r.bills[0]!.billNumber, amountHalalas: r.bills[0]!.amountHalalas } };
    }
    case 'new_delegate':
      return { body: { delegateIdNumber: (await holder()).idNumber, services: [SERVICE], endsOn: day(10) } };
    case 'delegation':
      return { id: w.delegates.delegate.delegationId };
    case 'actor_delegation':
      return { id: delegationOf(actor)! };
    case 'fresh_delegation': {
      const res = await authorize(t, owner.auth, { delegateIdNumber: (await holder()).idNumber, services: [SERVICE], endsOn: day(10) });
      return { id: (await created(res)).id };
    }
    case 'owner_notice': {
      // Queued now by the wall clock: the accounts were created by it, after the test clock started.
      const text = `Notice ${newId()}`;
      const now = new Date();
      await t.deps.database.db.insert(smsOutbox).values({ id: newId(), to: owner.account.mobile, body: text, kind: 'notice', status: 'sent', createdAt: now, nextAttemptAt: now });
      return { id: text };
    }
  }
}

function call(endpoint: Endpoint, r: Resolved): { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: Record<string, unknown> } {
  switch (endpoint) {
    case 'GET /services':
      return { method: 'GET', url: '/api/v1/services' };
    case 'POST /services/{code}/quote':
      return { method: 'POST', url: `/api/v1/services/${SERVICE}/quote`, payload: r.body! };
    case 'POST /services/{code}/requests':
      return { method: 'POST', url: `/api/v1/services/${SERVICE}/requests`, payload: r.body! };
    case 'GET /requests':
      return { method: 'GET', url: '/api/v1/requests' };
    case 'GET /requests/{id}':
      return { method: 'GET', url: `/api/v1/requests/${r.id}` };
    case 'POST /requests/{id}/cancel':
      return { method: 'POST', url: `/api/v1/requests/${r.id}/cancel` };
    case 'POST /requests/{id}/consent':
      return { method: 'POST', url: `/api/v1/requests/${r.id}/consent`, payload: { decision: 'approve' } };
    case 'POST /requests/{id}/release':
      return { method: 'POST', url: `/api/v1/requests/${r.id}/release`, payload: { decision: 'release' } };
    case 'POST /channels/payments':
      return { method: 'POST', url: '/api/v1/channels/payments', payload: r.body! };
    case 'POST /delegations':
      return { method: 'POST', url: '/api/v1/delegations', payload: r.body! };
    case 'GET /delegations':
      return { method: 'GET', url: '/api/v1/delegations' };
    case 'DELETE /delegations/{id}':
      return { method: 'DELETE', url: `/api/v1/delegations/${r.id}` };
    case 'GET /delegations/{id}/activity':
      return { method: 'GET', url: `/api/v1/delegations/${r.id}/activity` };
    case 'GET /me/notifications':
      return { method: 'GET', url: '/api/v1/me/notifications' };
  }
}

/** Channel clients sign every call, as a bank or kiosk would, with the sandbox secret. */
function channelHeaders(actor: Actor, method: string, url: string, body: string): Record<string, string> {
  if (actor !== 'bank' && actor !== 'kiosk') return {};
  const clientId = actor === 'bank' ? 'atm-alrajhi' : 'kiosk-airports';
  const timestamp = String(Math.floor(t.clock.now().getTime() / 1000));
  return { 'x-client-id': clientId, 'x-timestamp': timestamp, 'x-signature': sign(`sandbox-secret-${clientId}`, timestamp, method, url, body) };
}

async function run(endpoint: Endpoint, actor: Actor, target: Target) {
  const resolved = await resolve(target, actor);
  const { method, url, payload } = call(endpoint, resolved);
  const body = payload ? JSON.stringify(payload) : '';
  const headers: Record<string, string> = {
    ...authOf(actor),
    ...channelHeaders(actor, method, url, body),
    ...(payload ? { 'content-type': 'application/json' } : {}),
    ...(endpoint === 'POST /services/{code}/requests' ? { 'idempotency-key': randomUUID() } : {}),
  };
  const res = await t.app.inject({ method, url, headers, ...(payload ? { payload: body } : {}) });
  return { res, resolved };
}

function where(
  json: { requests?: Array<{ id: string }>; given?: Array<{ id: string }>; received?: Array<{ id: string }>; notifications?: Array<{ text: string }> },
  id: string,
): Outcome['listed'] {
  if (json.requests?.some((r) => r.id === id)) return 'request';
  if (json.notifications?.some((n) => n.text === id)) return 'notification';
  if (json.given?.some((d) => d.id === id)) return 'given';
  if (json.received?.some((d) => d.id === id)) return 'received';
  return 'absent';
}

describe('the permission matrix of the e-services', () => {
  it.each(matrix.map((c) => [...c] as [Endpoint, Actor, Target, Outcome]))('%s by %s on %s', async (endpoint, actor, target, expected) => {
    const { res, resolved } = await run(endpoint, actor, target);
    expect(res.statusCode, `${ACTORS[actor]}: ${res.body}`).toBe(expected.status);
    if (expected.code) expect(res.json().error.code).toBe(expected.code);
    else expect(res.json()).not.toHaveProperty('error');
    if (expected.listed) expect(where(res.json(), resolved.id!)).toBe(expected.listed);
  });

  it('covers every e-services endpoint the API publishes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const published = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/v1\/(services|requests|delegations|channels\/payments|me\/notifications)(\/|$)/.test(path))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace('/api/v1', '').replace(/\{(service|requestId|delegationId)\}/, (_m, p: string) => (p === 'service' ? '{code}' : '{id}'))}`));
    expect([...new Set(published)].sort()).toEqual([...ENDPOINTS].sort());
  });

  it('has, for every endpoint, an anonymous row and a row where someone is allowed', () => {
    for (const endpoint of ENDPOINTS) {
      const rows = matrix.filter(([e]) => e === endpoint);
      expect(rows.some(([, actor]) => actor === 'anonymous'), endpoint).toBe(true);
      expect(rows.some(([, , , o]) => o.status < 300), endpoint).toBe(true);
    }
  });
});
