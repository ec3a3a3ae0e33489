// The wire shapes of the officer console. Requests are strict (an unknown field is a 400).
import { z } from 'zod';
import { idNumberSchema } from '../../http/schemas';
import { activationView } from '../activations/schemas';
import { IDENTITY_DOCUMENTS } from './document-rules';

export const officeActivationBody = z.strictObject({
  idNumber: idNumberSchema,
  documentChecked: z
    .boolean()
    .describe('the officer confirms having checked the original document; false is refused with original_document_not_checked'),
  documentType: z
    .enum(IDENTITY_DOCUMENTS)
    .describe('national_id (citizens), iqama (residents) or passport (either)'),
});

export const officeActivationView = activationView.extend({ channel: z.literal('office') });

export const personParams = z.strictObject({ idNumber: idNumberSchema });

const date = z.string().describe('YYYY-MM-DD');

export const personView = z.object({
  idNumber: z.string(),
  kind: z.enum(['citizen', 'resident']),
  name: z.object({ ar: z.string(), en: z.string() }),
  birthDate: date,
  nationality: z.string().describe('ISO 3166 alpha-3'),
  mobile: z.string().describe('masked: 05XXXXX and the last three digits'),
  passport: z.object({ number: z.string(), expiresOn: date }).nullable(),
  iqama: z.object({ number: z.string(), expiresOn: date }).nullable(),
  account: z
    .object({
      accountId: z.string(),
      status: z.enum(['registered', 'active', 'suspended']),
      activation: z
        .object({ channel: z.enum(['office', 'atm', 'kiosk']), at: z.string(), location: z.string() })
        .nullable(),
    })
    .nullable()
    .describe('null when the person has no account'),
});
