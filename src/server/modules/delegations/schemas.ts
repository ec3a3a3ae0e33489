// The wire shapes of e-authorizations. Requests are strict (an unknown field is a 400).
import { z } from 'zod';
import { idNumberSchema, isoDateSchema, isoTimestamp } from '../../http/schemas';
import { DELEGATION_STATUSES, MAX_PERIOD_YEARS } from './rules';

const text = z.object({ ar: z.string(), en: z.string() });
const datePair = z.object({ gregorian: z.string().describe('YYYY-MM-DD'), hijri: z.string().describe('Umm al-Qura YYYY-MM-DD') });

export const grantBody = z.strictObject({
  delegateIdNumber: idNumberSchema.describe('the Saudi citizen to authorize: an identity number starting with 1, with an active account'),
  services: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(50)
    .describe('codes of delegable services from GET /services (those with delegable: true)'),
  startsOn: isoDateSchema.optional().describe('the first day, today or later (default today, Riyadh time)'),
  endsOn: isoDateSchema.describe(`the last day, included: after the first day and at most ${MAX_PERIOD_YEARS} year after it`),
});

export const delegationParams = z.strictObject({ delegationId: z.string().uuid() });

const party = z.object({
  name: text.nullable().describe('null when the registry cannot be reached for an account that keeps no copy of its names'),
  idNumberMasked: z.string().describe('the first two and last two digits'),
});

const delegationBase = z.object({
  id: z.string().describe('the delegationId a delegate passes when applying'),
  services: z.array(z.object({ code: z.string(), name: text })),
  period: z.object({
    startsOn: datePair,
    endsOn: datePair.describe('included'),
    startsAt: isoTimestamp,
    endsAt: isoTimestamp.describe('the instant it stops being in force (the end of endsOn, Riyadh time)'),
  }),
  status: z.enum(DELEGATION_STATUSES),
  createdAt: isoTimestamp,
  revokedAt: isoTimestamp.nullable(),
  establishmentId: z.string().nullable().describe('a staff authorization: the establishment (unified number) it is limited to; null: a personal one'),
});

export const givenView = delegationBase.extend({ delegate: party, canRevoke: z.boolean() });
export const receivedView = delegationBase.extend({ grantor: party });

export const listView = z.object({
  given: z.array(givenView).describe('authorizations you gave, newest first'),
  received: z.array(receivedView).describe('authorizations you received, newest first'),
});

export const activityView = z.object({
  delegation: givenView,
  requests: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      service: z.string(),
      serviceName: text,
      status: z.string(),
      beneficiaryIdNumber: z.string(),
      feeHalalas: z.number().int(),
      bills: z.array(z.object({ billNumber: z.string(), amountHalalas: z.number().int(), status: z.string() })),
      documents: z.array(z.object({ kind: z.string(), number: z.string(), expiresOn: z.string() })),
      createdAt: isoTimestamp,
      decidedAt: isoTimestamp.nullable(),
    }),
  ),
  actions: z
    .array(
      z.object({
        at: isoTimestamp,
        action: z.string().describe('request.quoted, request.created, request.cancelled, ...'),
        channel: z.string(),
        service: z.string().nullable(),
        request: z.object({ id: z.string(), number: z.string().nullable() }).nullable(),
        status: z.string().nullable().describe('the status the action moved the request to'),
      }),
    )
    .describe('every audited action of the delegate on your behalf under this authorization, oldest first'),
});
