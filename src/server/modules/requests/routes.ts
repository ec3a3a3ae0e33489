// The e-services over HTTP: the public catalogue, the eligibility answer and fee before
// paying, submission (with Idempotency-Key), the applicant's requests, cancelling, a
// guardian's consent, and the banks' payment of bills.
import { z } from 'zod';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toJSONSchema } from 'zod';
import type { Deps } from '../../deps';
import { errorResponse, idNumberSchema, isoTimestamp } from '../../http/schemas';
import { requestMeta } from '../../http/request-meta';
import { allServices, labelFeeLines } from '../../services/catalogue';
import { kingdomToday, billsOf, cancel, consent, eventsOf, listRequests, quote, release, submitApplication, visibleRequest, type Actor } from '../../services/engine/requests';
import { payBill, type Bill } from '../../services/engine/bills';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { presentRequest } from '../../services/engine/presenter';
import type { ServiceDefinition } from '../../services/definition';
import { delegationPartiesOf, establishmentNamesOf } from './parties';

const text = z.object({ ar: z.string(), en: z.string() });
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse, 503: errorResponse };
const security: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

const applicationBody = z.strictObject({
  beneficiaryIdNumber: idNumberSchema.describe('who the service is for: yourself, a family member, a domestic worker'),
  delegationId: z.string().uuid().optional().describe('acting as a delegate: the e-authorization to act under'),
  establishmentId: z
    .string()
    .regex(/^7\d{9}$/)
    .optional()
    .describe('acting for an establishment (its owner, or staff it authorized): its unified number; the beneficiary is one of its workers, or a worker it asks to take on'),
  input: z.record(z.string(), z.unknown()).default({}).describe('the service’s own fields: see the catalogue'),
});

const feeSchema = z.object({
  totalHalalas: z.number().int(),
  lines: z.array(
    z.object({
      key: z.string(),
      label: text.describe('what the line is, in Arabic and English'),
      amountHalalas: z.number().int().describe('for one unit'),
      quantity: z.number().int(),
    }),
  ),
});
const party = z.object({
  name: text.nullable().describe('null when the registry cannot be reached for an account that keeps no copy of its names'),
  idNumberMasked: z.string().describe('the first two and last two digits'),
});
const billSchema = z.object({
  billNumber: z.string(),
  amountHalalas: z.number().int(),
  status: z.enum(['unpaid', 'paid', 'cancelled', 'expired']),
  createdAt: isoTimestamp,
  expiresAt: isoTimestamp,
  paidAt: isoTimestamp.nullable(),
  receiptId: z.string().nullable(),
  refundStatus: z.enum(['due', 'refunded']).nullable(),
});
const requestSchema = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  serviceName: text,
  status: z.string(),
  beneficiary: z.object({ idNumber: z.string(), name: text.nullable() }),
  relation: z.string(),
  byDelegate: z.boolean(),
  delegation: z
    .object({ grantor: party.describe('the holder the delegate acted for'), delegate: party.describe('the delegate who applied') })
    .nullable()
    .describe('when a delegate applied on a holder’s behalf'),
  appliedByYou: z.boolean().optional(),
  consentFromYou: z.boolean().optional().describe('whether your consent is the one asked for (a guardian’s, or the worker’s for a transfer of services)'),
  establishmentId: z.string().nullable().describe('the establishment that applied, when its owner or staff applied'),
  establishmentName: text.nullable().describe('that establishment’s name, as the labour ministry records it'),
  releaseFrom: z.string().nullable().describe('a transfer of services: the establishment whose release is awaited or was given'),
  input: z.record(z.string(), z.unknown()),
  fee: feeSchema,
  bills: z.array(billSchema),
  outcome: z.record(z.string(), z.unknown()).nullable(),
  allowedActions: z.array(z.string()),
  createdAt: isoTimestamp,
  submittedAt: isoTimestamp.nullable(),
  decidedAt: isoTimestamp.nullable(),
  createdOn: z.object({ gregorian: z.string(), hijri: z.string() }),
  events: z
    .array(z.object({ at: isoTimestamp, from: z.string().nullable(), to: z.string(), actorKind: z.string(), onBehalfOf: z.boolean(), details: z.record(z.string(), z.unknown()) }))
    .optional(),
});

/** The account acting, as read with its session. */
function actorOf(req: FastifyRequest): Actor {
  return { accountId: req.session!.accountId, idNumber: req.session!.account.idNumber };
}

/**
 * A service's input as JSON Schema, converted once: the conversion walks the whole schema, and
 * the catalogue is the first thing every visitor's home page asks for.
 */
const inputSchemas = new Map<string, Record<string, unknown>>();
function inputSchemaOf(s: ServiceDefinition<unknown>): Record<string, unknown> {
  let schema = inputSchemas.get(s.code);
  if (!schema) inputSchemas.set(s.code, (schema = toJSONSchema(s.input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>));
  return schema;
}

export const requestRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/services',
      {
        config: { access: 'public' },
        schema: {
          tags: ['e-services'],
          summary: 'The public catalogue: every e-service with who it is for, its rules and its fees in force today',
          response: {
            200: z.object({
              services: z.array(
                z.object({
                  code: z.string(),
                  name: text,
                  description: text,
                  beneficiaryKinds: z.array(z.string()),
                  relations: z.array(z.string()),
                  delegable: z.boolean(),
                  rules: z.array(z.object({ code: z.string(), text })),
                  parameters: z.record(z.string(), z.object({ value: z.number(), unit: z.string(), effectiveFrom: z.string() })),
                  feeLines: z
                    .array(z.object({ key: z.string(), label: text }))
                    .describe('the lines a quote or a bill of this service can hold, with what each is (empty: free)'),
                  input: z.record(z.string(), z.unknown()),
                }),
              ),
            }),
          },
        },
      },
      async () => {
        const today = kingdomToday(deps.clock.now());
        const services = await Promise.all(
          allServices().map(async (s) => ({
            code: s.code,
            name: s.name,
            description: s.description,
            beneficiaryKinds: [...s.beneficiaryKinds],
            relations: [...s.relations],
            delegable: s.delegable,
            rules: Object.entries(s.rules).map(([code, t]) => ({ code, text: t })),
            parameters: (await deps.parameters.load(s.code, today)).all(),
            feeLines: Object.entries(s.feeLabels ?? {}).map(([key, label]) => ({ key, label })),
            input: inputSchemaOf(s),
          })),
        );
        return { services };
      },
    );

    app.post(
      '/services/:service/quote',
      {
        config: { access: 'account' },
        schema: {
          tags: ['e-services'],
          summary: 'The eligibility answer and the fee for an application, before anything is created or paid',
          security,
          params: z.strictObject({ service: z.string().max(64) }),
          body: applicationBody,
          response: {
            200: z.object({
              eligible: z.boolean(),
              relation: z.string(),
              refusals: z.array(z.object({ code: z.string(), message: z.string() })),
              fee: feeSchema,
            }),
            ...errors,
          },
        },
      },
      async (req) => {
        const lang = requestMeta(req).language;
        const q = await quote(deps, actorOf(req), req.params.service, req.body, requestMeta(req));
        return {
          ...q,
          refusals: q.refusals.map((r) => ({ code: r.code, message: r.message[lang] })),
          fee: { ...q.fee, lines: labelFeeLines(req.params.service, q.fee.lines) },
        };
      },
    );

    app.post(
      '/services/:service/requests',
      {
        config: { access: 'account', idempotency: 'required' },
        schema: {
          tags: ['e-services'],
          summary: 'Submit an application (Idempotency-Key required)',
          description:
            'Eligibility is checked now and again at fulfilment. A fee-bearing request waits for its bill to be paid at a bank; a free one is decided at once. A second open request that conflicts (two exit/re-entry visas for one person) is refused with 409 conflicting_request.',
          security,
          params: z.strictObject({ service: z.string().max(64) }),
          body: applicationBody,
          response: { 201: requestSchema, ...errors },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const { row, bills, beneficiary } = await submitApplication(deps, actor, req.params.service, req.body, requestMeta(req));
        return reply.status(201).send(await present(deps, row, actor, false, { bills, beneficiary }));
      },
    );

    app.get(
      '/requests',
      {
        config: { access: 'account' },
        schema: {
          tags: ['e-services'],
          summary: 'Requests you made, made for you, or made on your behalf by a delegate',
          security,
          response: { 200: z.object({ requests: z.array(requestSchema) }), ...errors },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const rows = await listRequests(deps, actor);
        const [allBills, parties, establishmentNames] = await Promise.all([
          billsOf(deps, rows.map((r) => r.id)),
          delegationPartiesOf(deps, rows),
          establishmentNamesOf(deps, rows),
        ]);
        const names = new Map(
          await Promise.all(
            [...new Set(rows.map((r) => r.beneficiaryIdNumber))].map(async (id) => [id, (await deps.registry.findPerson(id).catch(() => null))?.name ?? null] as const),
          ),
        );
        return {
          requests: rows.map((r) =>
            presentRequest(r, {
              bills: allBills.filter((b) => b.requestId === r.id),
              beneficiaryName: names.get(r.beneficiaryIdNumber) ?? null,
              viewer: actor,
              delegation: parties.get(r.id) ?? null,
              establishmentNames,
            }),
          ),
        };
      },
    );

    app.get(
      '/requests/:requestId',
      {
        config: { access: 'account' },
        schema: { tags: ['e-services'], summary: 'One request with its bills and its history', security, params: z.strictObject({ requestId: z.string().uuid() }), response: { 200: requestSchema, ...errors } },
      },
      async (req) => {
        const actor = actorOf(req);
        const r = await visibleRequest(deps, actor, req.params.requestId);
        return present(deps, r, actor, true);
      },
    );

    app.post(
      '/requests/:requestId/cancel',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: { tags: ['e-services'], summary: 'Cancel a request that is not yet paid or consented', security, params: z.strictObject({ requestId: z.string().uuid() }), response: { 200: requestSchema, ...errors } },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(deps, await cancel(deps, actor, req.params.requestId, requestMeta(req)), actor, true);
      },
    );

    app.post(
      '/requests/:requestId/consent',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags: ['e-services'],
          summary: 'A guardian approves or declines a minor’s own application',
          security,
          params: z.strictObject({ requestId: z.string().uuid() }),
          body: z.strictObject({ decision: z.enum(['approve', 'decline']) }),
          response: { 200: requestSchema, ...errors },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(deps, await consent(deps, actor, req.params.requestId, req.body.decision === 'approve', requestMeta(req)), actor, true);
      },
    );

    app.post(
      '/requests/:requestId/release',
      {
        config: { access: 'account', idempotency: 'optional' },
        schema: {
          tags: ['e-services'],
          summary: 'The worker’s current establishment releases them to the establishment that asked, or refuses',
          description: 'For a transfer of services awaiting release. The owner, or staff authorized for transfers of services at the releasing establishment, decide; a refusal rejects the request.',
          security,
          params: z.strictObject({ requestId: z.string().uuid() }),
          body: z.strictObject({ decision: z.enum(['release', 'refuse']) }),
          response: { 200: requestSchema, ...errors },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        return present(deps, await release(deps, actor, req.params.requestId, req.body.decision === 'release', requestMeta(req)), actor, true);
      },
    );

    app.post(
      '/channels/payments',
      {
        config: { access: 'channel', idempotency: 'optional' },
        schema: {
          tags: ['channels'],
          summary: 'A bank pays a government bill (SADAD-style)',
          description:
            'Paying a paid bill again returns the same receipt; a wrong amount is 409 amount_mismatch; an unknown bill 404 bill_not_found; an expired bill 409 bill_expired. A signature is accepted once: sign every retry anew.',
          security: [{ channelSignature: [] }],
          body: z.strictObject({ billNumber: z.string().regex(/^\d{6,20}$/), amountHalalas: z.number().int().positive().max(100_000_000) }),
          response: { 200: z.object({ billNumber: z.string(), status: z.literal('paid'), paidAt: isoTimestamp, receiptId: z.string() }), ...errors },
        },
      },
      async (req) => payBill(deps, req.channelClient!, req.body.billNumber, req.body.amountHalalas, { requestId: req.id }),
    );
  };

/** A request as its viewer sees it; what the caller already holds (its bills, the beneficiary) is not read again. */
async function present(
  deps: Deps,
  r: Parameters<typeof presentRequest>[0],
  actor: Actor,
  withEvents = false,
  known: { bills?: Bill[] | undefined; beneficiary?: RegistryPerson } = {},
) {
  const [bills, events, person, parties, establishmentNames] = await Promise.all([
    known.bills ?? billsOf(deps, [r.id]),
    withEvents ? eventsOf(deps, r.id) : Promise.resolve(undefined),
    known.beneficiary ?? deps.registry.findPerson(r.beneficiaryIdNumber).catch(() => null),
    delegationPartiesOf(deps, [r]),
    establishmentNamesOf(deps, [r]),
  ]);
  return presentRequest(r, { bills, events, beneficiaryName: person?.name ?? null, viewer: actor, delegation: parties.get(r.id) ?? null, establishmentNames });
}

