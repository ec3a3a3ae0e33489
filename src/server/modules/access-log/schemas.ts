// The wire shapes of the access log.
import { z } from 'zod';
import { isoTimestamp } from '../../http/schemas';

const text = z.object({ ar: z.string(), en: z.string() });
const accountKinds = ['self', 'head_of_family', 'sponsor', 'account_holder'] as const;

export const accessLogQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('entries per page, 1 to 100'),
  before: z
    .string()
    .regex(/^\d{1,15}\.\d{1,19}$/, 'not a cursor from this log')
    .optional()
    .describe('nextCursor of the previous page'),
});

export const accessLogView = z.object({
  entries: z.array(
    z.object({
      at: isoTimestamp,
      on: z.object({ gregorian: z.string(), hijri: z.string() }).describe('the day in Riyadh, Gregorian and Hijri'),
      action: z.string().describe('stable code: documents.viewed, person.viewed, request.created, session.created...'),
      what: text,
      service: z.object({ code: z.string(), name: text }).nullable(),
      requestId: z.string().nullable(),
      channel: z.enum(['web', 'api', 'atm', 'kiosk', 'office', 'system']),
      who: z.object({
        kind: z.enum(['self', 'officer', 'delegate', 'head_of_family', 'sponsor', 'account_holder', 'bank', 'kiosk', 'channel', 'system', 'anonymous']),
        label: text,
        name: text.nullable().describe('for accounts, their name; for a bank or kiosk, its network'),
        office: text.nullable().describe('for officers, their office'),
      }),
      onBehalfOf: z.object({ kind: z.enum(accountKinds), label: text, name: text.nullable() }).nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
