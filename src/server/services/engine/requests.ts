// The service engine's use cases: quote, submit, consent, cancel, fulfil. Agencies are asked
// outside transactions (a transaction never waits on the outside world); every transition is
// one conditional UPDATE on the status, so that two racing actors cannot both move a request.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { ClaimedSms } from '../../modules/sms/outbox';
import type { Db, Executor } from '../../db/client';
import { isConstant } from '../../db/predicates';
import { perDatabase } from '../../db/prepared';
import { isNotNullViolation, isUniqueViolation } from '../../db/errors';
import { accounts, bills, delegations, requestEvents, requestNumberSeq, serviceRequests, type RequestStatus } from '../../db/schema';
import { AppError, type Language } from '../../errors';
import { isoDate } from '../../../domain/calendar';
import { canMove, type RequestAction } from '../../../domain/requests/lifecycle';
import { audit, auditInsert, type AuditChannel } from '../../platform/audit';
import { alongside, insertInto, present, templateOf, writeAll, writeTemplates, type Write } from '../../db/writes';
import { lockName } from '../../db/locks';
import { newId } from '../../platform/crypto';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { AgencyUnavailableError } from '../../adapters/population-registry/port';
import type { Establishment } from '../../adapters/labour/port';
import type { FeeLine, Refusal, ServiceContext, ServiceDefinition } from '../definition';
import { getService } from '../catalogue';
import { activeDelegation, confirmDelegation, delegationInForceSql, resolveActing, type Acting } from './acting';
import { findEstablishmentAccess } from './establishment-access';
import { RuleRefusal } from './refusals';
import { billValidityDays, createBill, isBillNumberTaken, newBill, type Bill } from './bills';
import { requestNotice } from './notices';

export type Actor = { accountId: string; idNumber: string };
export type Meta = { requestId: string; channel: AuditChannel };
export type Application = { beneficiaryIdNumber: string; delegationId?: string | undefined; establishmentId?: string | undefined; input: unknown };

type RequestRow = typeof serviceRequests.$inferSelect;

/** Today in Riyadh (UTC+3, no daylight saving), which is the day documents are dated. */
export function kingdomToday(now: Date): string {
  return isoDate(new Date(now.getTime() + 3 * 3600_000));
}

export function buildContext(
  deps: Deps,
  def: ServiceDefinition<unknown>,
  beneficiary: RegistryPerson,
  applicant: Actor,
  acting: Pick<Acting, 'relation' | 'viaDelegate'>,
  params: ServiceContext['params'],
  establishment: ServiceContext['establishment'] = null,
): ServiceContext {
  const now = deps.clock.now();
  return {
    today: kingdomToday(now),
    now,
    beneficiary,
    applicant,
    relation: acting.relation,
    viaDelegate: acting.viaDelegate,
    establishment,
    params,
    agencies: { registry: deps.registry, traffic: deps.traffic, travelBans: deps.travelBans, labour: deps.labour, health: deps.health },
    db: deps.database.db,
  };
}

function parseInput(def: ServiceDefinition<unknown>, input: unknown): unknown {
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) {
    throw new AppError('invalid_input', { issues: parsed.error.issues.map((i) => ({ field: ['input', ...i.path].join('.'), problem: i.message })) });
  }
  return parsed.data;
}

/** What a caller already read for a batch of submissions, so that each does not ask again. */
export type Known = { establishment?: Establishment };

async function prepare(deps: Deps, actor: Actor, code: string, app: Application, known: Known = {}) {
  const def = getService(code);
  const input = parseInput(def, app.input);
  const beneficiary = await deps.registry.findPerson(app.beneficiaryIdNumber);
  if (!beneficiary) throw new AppError('person_not_found');
  const acting = await resolveActing(deps, actor, def, beneficiary, app.delegationId, app.establishmentId);
  const params = await deps.parameters.load(def.code, kingdomToday(deps.clock.now()));
  const establishment = !acting.establishmentId
    ? null
    : known.establishment?.id === acting.establishmentId
      ? known.establishment
      : await labourRecordOf(deps, acting.establishmentId);
  const ctx = buildContext(deps, def, beneficiary, actor, acting, params, establishment);
  return { def, input, beneficiary, acting, ctx };
}

/** The labour ministry's record of an establishment opened on the platform. */
async function labourRecordOf(deps: Deps, establishmentId: string) {
  const est = await deps.labour.findEstablishment(establishmentId);
  if (!est) throw new AppError('establishment_not_found');
  return est;
}

function total(lines: FeeLine[]): number {
  return lines.reduce((sum, l) => sum + l.amountHalalas * l.quantity, 0);
}

/** The eligibility answer and the fee, before anything is created or paid. */
export async function quote(deps: Deps, actor: Actor, code: string, app: Application, meta?: Meta) {
  const { def, input, ctx, acting, beneficiary } = await prepare(deps, actor, code, app);
  const refusals = await refusalsOf(def, ctx, input);
  const lines = await def.fee(ctx, input);
  if (acting.onBehalfOfAccountId) {
    // A delegate's quote reads the grantor's household (passport, fines, travel ban): the
    // grantor sees that it happened. Written before the answer leaves, like any view.
    await audit(deps.database.db, {
      at: deps.clock.now(),
      action: 'request.quoted',
      actor: { kind: 'account', id: actor.accountId },
      subjectAccountId: acting.onBehalfOfAccountId,
      subjectIdNumber: beneficiary.idNumber,
      onBehalfOf: acting.onBehalfOfAccountId,
      channel: meta?.channel ?? 'api',
      requestId: meta?.requestId ?? null,
      details: { service: def.code, delegationId: acting.delegationId, eligible: refusals.length === 0 },
    });
  }
  return { eligible: refusals.length === 0, refusals, relation: acting.relation, fee: { totalHalalas: total(lines), lines } };
}

export async function submit(deps: Deps, actor: Actor, code: string, app: Application, meta: Meta, known: Known = {}): Promise<RequestRow> {
  return (await submitApplication(deps, actor, code, app, meta, known)).row;
}

/**
 * Submits, and answers with what the caller will present: the request, its bill (when it
 * waits for payment) and the beneficiary as the registry gave them, so nothing is read twice.
 */
export async function submitApplication(
  deps: Deps,
  actor: Actor,
  code: string,
  app: Application,
  meta: Meta,
  known: Known = {},
): Promise<{ row: RequestRow; bills: Bill[] | undefined; beneficiary: RegistryPerson }> {
  const { def, input, ctx, acting, beneficiary } = await prepare(deps, actor, code, app, known);
  const refusals = await refusalsOf(def, ctx, input);
  if (refusals.length > 0) throw new RuleRefusal(refusals);
  const lines = await def.fee(ctx, input);
  const fee = total(lines);
  const guardians = (await def.consentFrom?.(ctx, input)) ?? null;
  const releaseFrom = def.releaseFrom?.(ctx, input) ?? null;
  const status: RequestStatus = guardians ? 'awaiting_consent' : releaseFrom ? 'awaiting_release' : fee > 0 ? 'awaiting_payment' : 'submitted';
  const validityDays = status === 'awaiting_payment' ? await billValidityDays(deps) : 0;
  const now = deps.clock.now();
  const values = {
    id: newId(),
    service: def.code,
    status,
    applicantAccountId: actor.accountId,
    beneficiaryIdNumber: beneficiary.idNumber,
    relation: acting.relation,
    onBehalfOfAccountId: acting.onBehalfOfAccountId,
    delegationId: acting.delegationId,
    input: input as Record<string, unknown>,
    feeHalalas: fee,
    feeLines: lines,
    conflictKey: def.conflictKey?.(ctx, input) ?? null,
    consentFrom: guardians,
    establishmentId: acting.establishmentId,
    releaseFrom,
    createdAt: now,
    updatedAt: now,
    submittedAt: status === 'submitted' ? now : null,
  };
  // The request, its bill, its event and its audit record: one statement (a transaction only
  // when an authorization must be confirmed under a lock first, or an exclusive service's
  // checks asked again under its subject's lock).
  const write = async (ex: Executor) => {
    const bill = status === 'awaiting_payment' ? newBill(ex, deps, values.id, fee, validityDays) : null;
    const writes = [bill?.insert, ...transitionWrites(ex, deps, values, null, status, { kind: 'account', id: actor.accountId }, meta, { fee })];
    const row = { ...values, number: REQUEST_NUMBER };
    // Outside a transaction, built once per shape and prepared (see `preparedShape`).
    const named: Record<string, unknown> = {};
    const db = deps.database.db;
    const rowTemplate = ex === db ? templateOf('r_', row, named) : null;
    const writeTemplate = rowTemplate && writeTemplates(writes, named);
    const prepared =
      rowTemplate && writeTemplate
        ? preparedShape(submissionShapes(db), 'submit', `${rowTemplate.key}|${writeTemplate.key}`, (name) =>
            alongside(db, writeTemplate.build(db)).insert(serviceRequests).values(rowTemplate.template as never).returning().prepare(name),
          )
        : undefined;
    const [created] = prepared ? await prepared.execute(named) : await alongside(ex, writes).insert(serviceRequests).values(row).returning();
    return { row: created!, bills: bill ? [bill.row] : [] };
  };
  const exclusive = exclusiveFor(def, ctx, input);
  let written: { row: RequestRow; bills: Bill[] } | undefined;
  for (let attempt = 0; !written; attempt++) {
    try {
      written =
        acting.delegationId || exclusive
          ? await deps.database.db.transaction(async (tx) => {
              if (exclusive) {
                await lockName(tx, exclusive.key);
                const late = await exclusive.atSubmission(tx, ctx, input);
                if (late.length > 0) throw new RuleRefusal(late);
              }
              if (acting.delegationId) await confirmDelegation(tx, now, acting.delegationId, def.code);
              return write(tx);
            })
          : await write(deps.database.db);
    } catch (err) {
      if (isUniqueViolation(err, 'service_requests_open_conflict_uq')) throw new AppError('conflicting_request');
      // Nothing was written: draw another bill number.
      if (attempt < 5 && isBillNumberTaken(err)) continue;
      throw err;
    }
  }
  if (written.row.status === 'submitted') return { row: await fulfil(deps, written.row.id, meta), bills: undefined, beneficiary };
  return { ...written, beneficiary };
}

type TransitionSubject = Pick<RequestRow, 'id' | 'service' | 'applicantAccountId' | 'onBehalfOfAccountId' | 'beneficiaryIdNumber' | 'delegationId'>;
type TransitionActor = { kind: 'account' | 'channel' | 'system' | 'officer'; id: string | null };

/** Writes the event and the audit record of a transition, in the transition's transaction. */
async function recordTransition(...args: Parameters<typeof transitionWrites>) {
  await writeAll(args[0], transitionWrites(...args));
}

/** The event and the audit record of a transition, as INSERTs to run beside the change. */
function transitionWrites(
  tx: Executor,
  deps: Deps,
  r: TransitionSubject,
  from: RequestStatus | null,
  to: RequestStatus,
  actor: TransitionActor,
  meta: Meta,
  details: Record<string, unknown> = {},
  eventRequestId: SQL | string = r.id,
) {
  const now = deps.clock.now();
  const onBehalfOf = actor.kind === 'account' && actor.id === r.applicantAccountId ? r.onBehalfOfAccountId : null;
  return [
    insertInto(tx, requestEvents, { requestId: eventRequestId, at: now, fromStatus: from, toStatus: to, actorKind: actor.kind, actorId: actor.id, onBehalfOf, details }),
    auditInsert(tx, {
      at: now,
      action: from === null ? `request.created` : `request.${to}`,
      actor: { kind: actor.kind, id: actor.id },
      // A delegate's action touches the grantor's records: it is filed under the grantor's
      // account, with the authorization it was done under.
      subjectAccountId: onBehalfOf,
      subjectIdNumber: r.beneficiaryIdNumber,
      onBehalfOf,
      channel: meta.channel,
      requestId: meta.requestId,
      details: { requestId: r.id, service: r.service, from, to, ...(onBehalfOf ? { delegationId: r.delegationId } : {}), ...details },
    }),
  ];
}

/**
 * Moves a request from one status to another if it is still in the first: returns the
 * updated row, or null when another actor moved it first. `writes` run in the same statement
 * (see db/writes.ts); when the request did not move they ran all the same, so the caller
 * then rolls its transaction back.
 */
async function move(
  tx: Executor,
  deps: Deps,
  r: RequestRow,
  action: RequestAction,
  to: RequestStatus,
  patch: Partial<RequestRow> = {},
  writes: Parameters<typeof alongside>[1] = [],
): Promise<RequestRow | null> {
  if (!canMove(r.status, action, to)) throw new AppError('request_action_not_allowed', { status: r.status, action });
  const [updated] = await alongside(tx, writes)
    .update(serviceRequests)
    .set({ ...patch, status: to, updatedAt: deps.clock.now() })
    .where(and(eq(serviceRequests.id, r.id), eq(serviceRequests.status, r.status)))
    .returning();
  return updated ?? null;
}

/**
 * `move` without a transaction: the move is a CTE (`moved`) and the writes run beside it in
 * the same statement. The event names the moved row, `(select id from moved)`: when another
 * actor moved the request first that is NULL, the event's NOT NULL fails the statement and
 * nothing of it is written. Returns the updated row, or null when it did not move.
 *
 * A decision's statement is the same for every request of a service but for its values, and
 * building it from the builders cost a third of a millisecond of the event loop each time: it
 * is built once per shape (what is set and written, see `writeTemplates`) and prepared; a
 * write that is not an `Insert` falls back to building it every time.
 */
async function moveInOneStatement(
  db: Db,
  deps: Deps,
  r: RequestRow,
  action: RequestAction,
  to: RequestStatus,
  patch: Partial<RequestRow>,
  writesFor: (movedId: SQL) => ReadonlyArray<Write>,
): Promise<RequestRow | null> {
  if (!canMove(r.status, action, to)) throw new AppError('request_action_not_allowed', { status: r.status, action });
  const set = { ...patch, status: to, updatedAt: deps.clock.now() };
  const writes = writesFor(MOVED_ID);
  try {
    const values: Record<string, unknown> = { moveId: r.id, moveFrom: r.status };
    const setTemplate = templateOf('set_', set, values);
    const writeTemplate = setTemplate && writeTemplates(writes, values);
    const prepared =
      setTemplate && writeTemplate
        ? preparedShape(moveShapes(db), 'move', `${setTemplate.key}|${writeTemplate.key}`, (name) =>
            movedWith(db, db.update(serviceRequests).set(setTemplate.template as never).where(and(eq(serviceRequests.id, sql.placeholder('moveId')), eq(serviceRequests.status, sql.placeholder('moveFrom')))), writeTemplate.build(db)).prepare(name),
          )
        : undefined;
    const [row] = prepared
      ? await prepared.execute(values)
      : await movedWith(db, db.update(serviceRequests).set(set).where(and(eq(serviceRequests.id, r.id), eq(serviceRequests.status, r.status))), present(writes));
    return row ?? null;
  } catch (err) {
    if (isNotNullViolation(err, 'request_events', 'request_id')) return null;
    throw err;
  }
}

const MOVED_ID = sql`(select id from moved)`;
/** The request's number, from its sequence: constant SQL, so part of a statement's shape. */
const REQUEST_NUMBER = sql`'R' || nextval(${sql.raw(`'${requestNumberSeq.seqName}'`)})`;

/** `with moved as (<update> returning *), w0 as (<write>), … select * from moved`. */
function movedWith(db: Db, update: { returning(): { getSQL(): SQL } }, writes: SQLWrapper[]) {
  const moved = db.$with('moved', getTableColumns(serviceRequests)).as(update.returning().getSQL());
  return db.with(moved, ...writes.map((w, i) => db.$with(`w${i}`, {}).as(w.getSQL()))).select().from(moved);
}

type PreparedRequestStatement = { execute(values: Record<string, unknown>): Promise<RequestRow[]> };
/** At most this many shapes of each kind are kept per database; past it, statements are built every time. */
const MAX_SHAPES = 200;
export const moveShapes = perDatabase((_db: Db) => new Map<string, PreparedRequestStatement>());
export const submissionShapes = perDatabase((_db: Db) => new Map<string, PreparedRequestStatement>());

/**
 * The statement prepared for this shape, made (`make`, given its statement name) on first use;
 * undefined once `shapes` holds MAX_SHAPES others, and the caller builds it every time instead.
 */
function preparedShape(shapes: Map<string, PreparedRequestStatement>, kind: string, key: string, make: (name: string) => PreparedRequestStatement): PreparedRequestStatement | undefined {
  let prepared = shapes.get(key);
  if (!prepared && shapes.size < MAX_SHAPES) {
    prepared = make(`${kind}_${createHash('sha1').update(key).digest('hex').slice(0, 20)}`);
    shapes.set(key, prepared);
  }
  return prepared;
}

export async function findRequest(deps: Deps, id: string): Promise<RequestRow | undefined> {
  const [r] = await deps.database.db.select().from(serviceRequests).where(eq(serviceRequests.id, id)).limit(1);
  return r;
}

/**
 * Checks eligibility again with today's agency data and issues or rejects. Safe to call
 * more than once: only the call that moves the request from `submitted` does the work.
 * An agency that is down leaves the request submitted for the next try.
 */
export async function fulfil(deps: Deps, requestId: string, meta: Meta): Promise<RequestRow> {
  const found = await findRequestWithApplicant(deps, requestId);
  if (!found) throw new AppError('request_not_found');
  const r = found.request;
  if (r.status !== 'submitted') return r;
  const def = getService(r.service);
  const { ctx, missing, applicant } = await contextOf(deps, def, r, found.applicant);
  let refusals: Refusal[] = ctx ? await def.eligibility(ctx, r.input) : [MISSING[missing ?? 'person']];
  // The agency's approval is asked only for what is still eligible, once paid.
  if (ctx && refusals.length === 0 && def.approval) refusals = await def.approval(ctx, r.input, r.id);
  // An exclusive service is decided in a transaction, under its subject's lock.
  const outcome =
    ctx && refusals.length === 0 && def.issue && !exclusiveFor(def, ctx, r.input)
      ? await issueInOneStatement(deps, def, ctx, r, applicant, meta)
      : await decideInTransaction(deps, def, ctx, r, refusals, applicant, meta);
  if (!outcome) return (await findRequest(deps, requestId))!;
  await deps.outbox.deliverClaimed(outcome.sms);
  if (outcome.row.afterIssuePendingSince && ctx) await runAfterIssue(deps, def, ctx, outcome.row);
  return outcome.row;
}

type Decision = { row: RequestRow; sms: ClaimedSms[] } | null;

/**
 * Issues a service whose result is only new rows (`issue` in its definition): the documents,
 * the move, the event, the audit record and the SMS in one statement, no transaction.
 */
async function issueInOneStatement(deps: Deps, def: ServiceDefinition<unknown>, ctx: ServiceContext, r: RequestRow, applicant: Recipient | undefined, meta: Meta): Promise<Decision> {
  const db = deps.database.db;
  const { produced, writes } = def.issue!(db, ctx, r.input, r.id);
  const notices = await decisionNotices(db, deps, r, 'issued', applicant);
  const now = deps.clock.now();
  const system = { kind: 'system', id: null } as const;
  const row = await moveInOneStatement(db, deps, r, 'issue', 'issued', { decidedAt: now, outcome: { ...produced }, afterIssuePendingSince: def.afterIssue ? now : null }, (movedId) => [
    ...writes,
    ...transitionWrites(db, deps, r, 'submitted', 'issued', system, meta, { documents: produced.documents.map((d) => d.number) }, movedId),
    ...notices.inserts,
  ]);
  // Another fulfilment decided first: nothing of this one was written.
  return row ? { row, sms: notices.messages } : null;
}

/** Rejects, or issues through the service's `fulfil`, in a transaction. */
async function decideInTransaction(
  deps: Deps,
  def: ServiceDefinition<unknown>,
  ctx: ServiceContext | null,
  r: RequestRow,
  refusals: Refusal[],
  applicant: Recipient | undefined,
  meta: Meta,
): Promise<Decision> {
  const system = { kind: 'system', id: null } as const;
  return deps.database.db
    .transaction(async (tx) => {
      // An exclusive service decides under its subject's lock, after another request's
      // decision about the same subject has committed: that one may refuse this one.
      const exclusive = ctx && refusals.length === 0 ? exclusiveFor(def, ctx, r.input) : null;
      if (ctx && exclusive) {
        await lockName(tx, exclusive.key);
        refusals = await exclusive.atFulfilment(tx, ctx, r.input, r);
      }
      if (refusals.length > 0 || !ctx) {
        const notices = await decisionNotices(tx, deps, r, 'rejected', applicant);
        const moved = await move(tx, deps, r, 'reject', 'rejected', { decidedAt: deps.clock.now(), outcome: { refusals } }, [
          // Money already paid for a request that is then refused is owed back.
          tx.update(bills).set({ refundStatus: 'due' }).where(and(eq(bills.requestId, r.id), eq(bills.status, 'paid'))),
          ...transitionWrites(tx, deps, r, 'submitted', 'rejected', system, meta, { refusals: refusals.map((x) => x.code) }),
          ...notices.inserts,
        ]);
        // Another fulfilment decided first: what was written beside the move is rolled back.
        if (!moved) throw new AppError('request_action_not_allowed');
        return { row: moved, sms: notices.messages };
      }
      // A service with `issue` gets here eligible only when exclusive: its writes run under the lock.
      const produced = def.fulfil ? await def.fulfil(tx, ctx, r.input, r.id) : await issueWithin(tx, def, ctx, r);
      const notices = await decisionNotices(tx, deps, r, 'issued', applicant);
      const moved = await move(
        tx,
        deps,
        r,
        'issue',
        'issued',
        { decidedAt: deps.clock.now(), outcome: { ...produced }, afterIssuePendingSince: def.afterIssue ? deps.clock.now() : null },
        [...transitionWrites(tx, deps, r, 'submitted', 'issued', system, meta, { documents: produced.documents.map((d) => d.number) }), ...notices.inserts],
      );
      if (!moved) throw new AppError('request_action_not_allowed');
      return { row: moved, sms: notices.messages };
    })
    .catch((err) => {
      // Another fulfilment got there first (its documents took the numbers): nothing to do.
      if (err instanceof AppError && err.code === 'request_action_not_allowed') return null;
      throw err;
    });
}

/** A service's `issue` writes, inside the transaction the caller holds. */
async function issueWithin(tx: Executor, def: ServiceDefinition<unknown>, ctx: ServiceContext, r: RequestRow) {
  const { produced, writes } = def.issue!(tx, ctx, r.input, r.id);
  await writeAll(tx, writes);
  return produced;
}

type Recipient = { accountId: string; mobile: string; language: Language };

/**
 * The decision's SMS to the applicant and, when a delegate applied, to the grantor too, as
 * outbox INSERTs to run beside the decision. The applicant read for the context is reused.
 */
async function decisionNotices(tx: Executor, deps: Deps, r: RequestRow, kind: 'issued' | 'rejected', applicant: Recipient | undefined) {
  const known = applicant?.accountId === r.applicantAccountId ? [applicant] : [];
  const others = [r.applicantAccountId, r.onBehalfOfAccountId].filter((id): id is string => !!id && !known.some((k) => k.accountId === id));
  const more =
    others.length === 0
      ? []
      : await tx.select({ accountId: accounts.id, mobile: accounts.mobile, language: accounts.language }).from(accounts).where(inArray(accounts.id, others));
  const queued = [...known, ...more].map((a) => deps.outbox.enqueueInsert(tx, { to: a.mobile, body: requestNotice(kind, r, a.language), kind: 'notice' }));
  return { messages: queued.map((q) => q.message), inserts: queued.map((q) => q.insert) };
}

/** The decision goes by SMS to the applicant and, when a delegate applied, to the grantor too. */
async function notifyDecision(tx: Executor, deps: Deps, r: RequestRow, kind: 'issued' | 'rejected'): Promise<ClaimedSms[]> {
  const notices = await decisionNotices(tx, deps, r, kind, undefined);
  await writeAll(tx, notices.inserts);
  return notices.messages;
}

/** Why a request is refused at fulfilment when what it was made for no longer exists. */
const MISSING = {
  person: { code: 'person_not_found', message: { ar: 'الشخص غير موجود في السجل.', en: 'The person is not in the registry.' } },
  establishment: { code: 'establishment_not_found', message: { ar: 'لم تعد وزارة العمل تعرف المنشأة التي قدّمت الطلب.', en: 'The labour ministry no longer knows the establishment that applied.' } },
} satisfies Record<string, Refusal>;

const applicantColumns = { accountId: accounts.id, idNumber: accounts.idNumber, mobile: accounts.mobile, language: accounts.language };
type Applicant = { accountId: string; idNumber: string; mobile: string; language: Language };

/** A request and its applicant's account (for the context and the decision's SMS), in one read. */
async function findRequestWithApplicant(deps: Deps, id: string): Promise<{ request: RequestRow; applicant: Applicant | undefined } | undefined> {
  const [found] = await requestWithApplicant(deps.database.db).execute({ id });
  return found ? { request: found.request, applicant: found.applicant ?? undefined } : undefined;
}

const requestWithApplicant = perDatabase((db: Db) =>
  db
    .select({ request: getTableColumns(serviceRequests), applicant: applicantColumns })
    .from(serviceRequests)
    .leftJoin(accounts, eq(accounts.id, serviceRequests.applicantAccountId))
    .where(eq(serviceRequests.id, sql.placeholder('id')))
    .limit(1)
    .prepare('request_with_applicant'),
);

async function contextOf(deps: Deps, def: ServiceDefinition<unknown>, r: RequestRow, known?: Applicant) {
  const beneficiary = await deps.registry.findPerson(r.beneficiaryIdNumber);
  const [applicant] = known
    ? [known]
    : await deps.database.db.select(applicantColumns).from(accounts).where(eq(accounts.id, r.applicantAccountId)).limit(1);
  if (!beneficiary || !applicant) return { ctx: null, applicant, missing: 'person' as const };
  const params = await deps.parameters.load(def.code, kingdomToday(deps.clock.now()));
  const acting = { relation: r.relation as ServiceContext['relation'], viaDelegate: r.onBehalfOfAccountId !== null };
  // An establishment the labour ministry no longer knows leaves no context: the request is refused.
  const establishment = r.establishmentId ? await deps.labour.findEstablishment(r.establishmentId) : null;
  if (r.establishmentId && !establishment) return { ctx: null, applicant, missing: 'establishment' as const };
  return { ctx: buildContext(deps, def, beneficiary, applicant, acting, params, establishment), applicant, missing: null };
}

/** An exclusive service's checks and its lock's name for this application; none when it has no key. */
function exclusiveFor(def: ServiceDefinition<unknown>, ctx: ServiceContext, input: unknown) {
  const key = def.exclusive?.key(ctx, input);
  return key ? { ...def.exclusive!, key } : null;
}

/** The eligibility, and the checks of an exclusive service against its subject's other requests. */
async function refusalsOf(def: ServiceDefinition<unknown>, ctx: ServiceContext, input: unknown): Promise<Refusal[]> {
  const exclusive = exclusiveFor(def, ctx, input);
  if (!exclusive) return def.eligibility(ctx, input);
  const [rules, others] = await Promise.all([def.eligibility(ctx, input), exclusive.atSubmission(ctx.db, ctx, input)]);
  return [...rules, ...others];
}

/** Tells the agencies what was issued; on failure the request stays in the retry job's queue. */
async function runAfterIssue(deps: Deps, def: ServiceDefinition<unknown>, ctx: ServiceContext, r: RequestRow): Promise<boolean> {
  try {
    await def.afterIssue!(ctx, r.input, r.outcome as never);
  } catch (err) {
    deps.logger.warn({ err: String(err), requestId: r.id }, 'after-issue step failed; it is retried');
    return false;
  }
  await deps.database.db.update(serviceRequests).set({ afterIssuePendingSince: null }).where(eq(serviceRequests.id, r.id));
  return true;
}

/** Retries the after-issue steps that failed (an agency was down right after the commit). */
export async function retryAfterIssue(deps: Deps, limit = 50): Promise<number> {
  const pending = await deps.database.db
    .select()
    .from(serviceRequests)
    .where(sql`${serviceRequests.afterIssuePendingSince} is not null`)
    .orderBy(asc(serviceRequests.afterIssuePendingSince))
    .limit(limit);
  let done = 0;
  for (const r of pending) {
    const def = getService(r.service);
    const { ctx } = await contextOf(deps, def, r).catch(() => ({ ctx: null }));
    if (ctx && def.afterIssue && (await runAfterIssue(deps, def, ctx, r))) done++;
  }
  return done;
}

/** The requests left submitted, oldest first. */
export function pendingFulfilment(db: Db, limit: number) {
  return db.select({ id: serviceRequests.id }).from(serviceRequests).where(isConstant(serviceRequests.status, 'submitted')).orderBy(asc(serviceRequests.submittedAt)).limit(limit);
}

/** Fulfils what was left submitted (an agency was down); the poller calls it. */
export async function fulfilPending(deps: Deps, limit = 50): Promise<number> {
  const pending = await pendingFulfilment(deps.database.db, limit);
  let done = 0;
  for (const p of pending) {
    try {
      const r = await fulfil(deps, p.id, { requestId: `job-${p.id}`, channel: 'system' });
      if (r.status !== 'submitted') done++;
    } catch (err) {
      if (!(err instanceof AgencyUnavailableError)) deps.logger.warn({ err: String(err), requestId: p.id }, 'fulfilment failed');
    }
  }
  return done;
}

/** The applicant (or the grantor a delegate acted for) cancels a request that is not yet submitted. */
export async function cancel(deps: Deps, actor: Actor, requestId: string, meta: Meta): Promise<RequestRow> {
  const r = await visibleRequest(deps, actor, requestId);
  if (r.applicantAccountId !== actor.accountId && r.onBehalfOfAccountId !== actor.accountId) throw new AppError('forbidden');
  const row = await deps.database.db.transaction(async (tx) => {
    const moved = await move(tx, deps, r, 'cancel', 'cancelled', { decidedAt: deps.clock.now() });
    if (!moved) throw new AppError('request_action_not_allowed');
    await tx.update(bills).set({ status: 'cancelled' }).where(and(eq(bills.requestId, r.id), eq(bills.status, 'unpaid')));
    await recordTransition(tx, deps, moved, r.status, 'cancelled', { kind: 'account', id: actor.accountId }, meta);
    return moved;
  });
  return row;
}

/** A guardian approves or declines a minor's own application. */
export async function consent(deps: Deps, actor: Actor, requestId: string, approve: boolean, meta: Meta): Promise<RequestRow> {
  const r = await findRequest(deps, requestId);
  if (!r) throw new AppError('request_not_found');
  if (!(r.consentFrom ?? []).includes(actor.idNumber)) {
    // Only those who may see the request learn that consent is someone else's to give.
    await visibleRequest(deps, actor, requestId);
    throw new AppError('consent_not_yours');
  }
  const to: RequestStatus = !approve ? 'cancelled' : r.releaseFrom ? 'awaiting_release' : r.feeHalalas > 0 ? 'awaiting_payment' : 'submitted';
  const row = await deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const moved = await move(tx, deps, r, approve ? 'consent' : 'decline', to, {
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'cancelled' ? { decidedAt: now } : {}),
    });
    if (!moved) throw new AppError('request_action_not_allowed');
    if (to === 'awaiting_payment') await createBill(tx, deps, r.id, r.feeHalalas);
    await recordTransition(tx, deps, moved, r.status, to, { kind: 'account', id: actor.accountId }, meta, { consent: approve ? 'approved' : 'declined' });
    return moved;
  });
  return row.status === 'submitted' ? fulfil(deps, row.id, meta) : row;
}

/**
 * The current sponsor releases the worker an establishment asked to take on (then payment
 * or submission), or refuses to (the request is rejected). The owner or staff authorized
 * for transfers of services at the releasing establishment decide.
 */
export async function release(deps: Deps, actor: Actor, requestId: string, approve: boolean, meta: Meta): Promise<RequestRow> {
  const r = await findRequest(deps, requestId);
  if (!r || !r.releaseFrom) throw new AppError('request_not_found');
  const access = await findEstablishmentAccess(deps.database.db, deps.clock.now(), actor.accountId, r.releaseFrom);
  if (!access) {
    await visibleRequest(deps, actor, requestId);
    throw new AppError('release_not_yours');
  }
  if (access.services && !access.services.includes(r.service)) throw new AppError('delegation_out_of_scope');
  const to: RequestStatus = !approve ? 'rejected' : r.feeHalalas > 0 ? 'awaiting_payment' : 'submitted';
  const row = await deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const moved = await move(tx, deps, r, approve ? 'release' : 'refuse_release', to, {
      ...(to === 'submitted' ? { submittedAt: now } : {}),
      ...(to === 'rejected' ? { decidedAt: now, outcome: { refusals: [{ code: 'release_refused', message: RELEASE_REFUSED }] } } : {}),
    });
    if (!moved) throw new AppError('request_action_not_allowed');
    if (to === 'awaiting_payment') await createBill(tx, deps, r.id, r.feeHalalas);
    await recordTransition(tx, deps, moved, r.status, to, { kind: 'account', id: actor.accountId }, meta, {
      release: approve ? 'released' : 'refused',
      establishmentId: r.releaseFrom,
    });
    const sms = to === 'rejected' ? await notifyDecision(tx, deps, moved, 'rejected') : [];
    return { moved, sms };
  });
  await deps.outbox.deliverClaimed(row.sms);
  return row.moved.status === 'submitted' ? fulfil(deps, row.moved.id, meta) : row.moved;
}

const RELEASE_REFUSED = { ar: 'رفضت المنشأة الحالية إخلاء طرف العامل.', en: 'The current establishment refused to release the worker.' };

/**
 * A request the actor may see: theirs as applicant, as beneficiary, as grantor, as a guardian
 * or worker asked to consent, or as a user of the establishment that applied or is asked to release.
 */
export async function visibleRequest(deps: Deps, actor: Actor, requestId: string): Promise<RequestRow> {
  const r = await findRequest(deps, requestId);
  const guardians = r?.consentFrom ?? [];
  if (r && (r.establishmentId || r.releaseFrom)) {
    const now = deps.clock.now();
    for (const est of [r.establishmentId, r.releaseFrom]) {
      if (!est) continue;
      const access = await findEstablishmentAccess(deps.database.db, now, actor.accountId, est);
      if (access && (!access.services || access.services.includes(r.service))) return r;
    }
  }
  const inOwnRight = !!r && (r.onBehalfOfAccountId === actor.accountId || r.beneficiaryIdNumber === actor.idNumber || guardians.includes(actor.idNumber));
  if (!r || !(r.applicantAccountId === actor.accountId || inOwnRight)) {
    // Someone else's request is not acknowledged to exist.
    throw new AppError('request_not_found');
  }
  // A delegate follows what they did for the grantor only while the authorization lasts.
  if (!inOwnRight && r.delegationId) await activeDelegation(deps, r.delegationId, actor.accountId, r.service);
  return r;
}

export async function listRequests(deps: Deps, actor: Actor, limit = 50) {
  return deps.database.db
    .select(getTableColumns(serviceRequests))
    .from(serviceRequests)
    .leftJoin(delegations, eq(delegations.id, serviceRequests.delegationId))
    .where(
      or(
        and(eq(serviceRequests.applicantAccountId, actor.accountId), or(isNull(serviceRequests.delegationId), delegationInForceSql(deps.clock.now()))),
        eq(serviceRequests.onBehalfOfAccountId, actor.accountId),
        eq(serviceRequests.beneficiaryIdNumber, actor.idNumber),
        // A guardian, or a worker an establishment asks to take on, whose consent is asked.
        sql`${serviceRequests.consentFrom} @> ${JSON.stringify([actor.idNumber])}::jsonb`,
      ),
    )
    .orderBy(desc(serviceRequests.createdAt))
    .limit(limit);
}

export async function billsOf(deps: Deps, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return deps.database.db.select().from(bills).where(inArray(bills.requestId, requestIds)).orderBy(asc(bills.createdAt));
}

export async function eventsOf(deps: Deps, requestId: string) {
  return deps.database.db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.id));
}
