// The wire shapes of the iqama card pickup. Requests are strict (an unknown field is a 400).
import { z } from 'zod';
import { CARD_STATUSES } from '../../db/schema';
import { idNumberSchema, isoTimestamp } from '../../http/schemas';

const text = z.object({ ar: z.string(), en: z.string() });
const status = z.enum(CARD_STATUSES).describe('printed (on its way to the office), ready (at the office, to collect) or handed_over');

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('at most this many cards (1 to 200)'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('skip this many cards, newest first'),
};

export const cardsQuery = z.strictObject({ status: status.optional(), ...page });

export const officeCardsQuery = z.strictObject({
  status: status.optional(),
  uncollected: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only cards ready for longer than the dated iqama_cards.uncollected_after_days'),
  limit: page.limit,
  cursor: z
    .string()
    .regex(/^\d{1,15}\.[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'not a cursor from this list')
    .optional()
    .describe('nextCursor of the previous page, asked with the same filter'),
});

export const establishmentParams = z.strictObject({ id: z.string().regex(/^7\d{9}$/).describe('the establishment’s unified number') });
export const cardParams = z.strictObject({ id: z.string().uuid() });

export const handOverBody = z.strictObject({
  collectorIdNumber: idNumberSchema.describe('the identity number of the person collecting the card, checked by the officer against their document'),
});

export const cardView = z.object({
  id: z.string(),
  requestId: z.string(),
  requestNumber: z.string(),
  holderIdNumber: z.string().describe('the iqama number (the resident’s identity number)'),
  expiresOn: z.object({ gregorian: z.string(), hijri: z.string() }),
  establishmentId: z.string().nullable().describe('the establishment that applied; null for a head of family’s or sponsor’s card'),
  office: z.object({ id: z.string(), name: text }).describe('where the card is collected'),
  status,
  printedAt: isoTimestamp,
  readyAt: isoTimestamp.nullable(),
  handedOverAt: isoTimestamp.nullable(),
  uncollected: z.boolean().describe('ready for longer than the dated iqama_cards.uncollected_after_days'),
});

export const cardsView = z.object({ cards: z.array(cardView) });

export const officeCardView = cardView.extend({
  holderName: text.nullable().describe('the holder’s name as the population registry has it; null when it has none or cannot be reached'),
});

export const officeCardsView = z.object({
  cards: z.array(officeCardView),
  nextCursor: z.string().nullable().describe('for the next page (the cursor query parameter); null when this page is the last'),
});

export const handedOverView = cardView.extend({
  collectorRole: z.enum(['holder', 'establishment_owner', 'establishment_staff', 'applicant']).describe('why the collector was entitled'),
});
