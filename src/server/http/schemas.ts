// Zod building blocks shared by the routes. A refusal code as a field's message lets the edge
// answer with that code (invalid_id_number, invalid_mobile) instead of a generic one.
import { z } from 'zod';
import { toAsciiDigits } from '../../domain/digits';
import { parseIdentityNumber } from '../../domain/identity-number';
import { normalizeMobile } from '../../domain/mobile';

export const idNumberSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const parsed = parseIdentityNumber(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'invalid_id_number' });
      return z.NEVER;
    }
    return parsed;
  })
  .describe('10-digit identity number (Arabic-Indic digits accepted)');

export const mobileSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const parsed = normalizeMobile(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'invalid_mobile' });
      return z.NEVER;
    }
    return parsed;
  })
  .describe('Saudi mobile: 05XXXXXXXX, 5XXXXXXXX, 9665XXXXXXXX or +9665XXXXXXXX');

export const codeSchema = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const s = toAsciiDigits(v.trim());
    if (!/^\d{6}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'invalid_code' });
      return z.NEVER;
    }
    return s;
  })
  .describe('the 6-digit code from the SMS');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'not a calendar date');

export const uuidParam = z.string().uuid();

/** Timestamps leave as ISO 8601 strings in UTC. */
export const isoTimestamp = z.iso.datetime();

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});
