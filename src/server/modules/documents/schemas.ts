// The wire shapes of the documents views. Dates leave as {gregorian, hijri}: Saudi documents
// carry both, and the holder compares them with the card in hand.
import { z } from 'zod';
import { idNumberSchema } from '../../http/schemas';
import { DOCUMENT_STATUSES } from './document-status';

const text = z.object({ ar: z.string(), en: z.string() });
const datePairSchema = z.object({ gregorian: z.string().describe('YYYY-MM-DD'), hijri: z.string().describe('Umm al-Qura YYYY-MM-DD (AH)') });
const status = z
  .enum(DOCUMENT_STATUSES)
  .describe('valid; expiring_soon (90 days or fewer left); expired; or as recorded: replaced, used, cancelled');
const daysLeft = z.number().int().describe('days from today to the expiry date; negative once expired');

const registryDocument = z.object({
  number: z.string(),
  issuedOn: datePairSchema.nullable(),
  expiresOn: datePairSchema,
  daysLeft,
  status,
});

const issuedDocument = z.object({
  kind: z.enum(['passport', 'iqama', 'exit_reentry_visa', 'final_exit_visa']),
  number: z.string(),
  issuedOn: datePairSchema,
  expiresOn: datePairSchema,
  daysLeft,
  status,
  requestId: z.string().nullable().describe('the request that produced it, when issued through an e-service'),
  details: z.record(z.string(), z.union([z.string(), z.number()])).describe('type, durationMonths, validityDays... as the document has them'),
});

export const documentsView = z.object({
  holder: z.object({ idNumber: z.string(), kind: z.enum(['citizen', 'resident']), name: text }),
  relation: z.enum(['self', 'family', 'domestic_worker']).describe('how you stand to the holder'),
  today: datePairSchema,
  passport: registryDocument.nullable().describe('the current passport, from the population registry'),
  iqama: registryDocument.nullable().describe('residents: the iqama, from the population registry'),
  issued: z.array(issuedDocument).describe('what the directorate issued through the platform, newest first, replaced and used ones included'),
});

const expiry = z.object({ expiresOn: datePairSchema, daysLeft, status });

export const peopleView = z.object({
  today: datePairSchema,
  people: z.array(
    z.object({
      idNumber: z.string(),
      kind: z.enum(['citizen', 'resident']),
      name: text,
      relation: z.enum(['family', 'domestic_worker']).describe('family: registered under you; domestic_worker: a resident you sponsor'),
      familyRelation: z.enum(['spouse', 'son', 'daughter', 'father', 'mother']).nullable(),
      passport: expiry.nullable(),
      iqama: expiry.nullable(),
    }),
  ),
});

export const personParams = z.strictObject({ idNumber: idNumberSchema });
