// The wire shapes of channel activation. Requests are strict (an unknown field is a 400);
// identity numbers accept Arabic-Indic digits.
import { z } from 'zod';
import { idNumberSchema } from '../../http/schemas';

/** Templates travel as base64 or base64url text; the registry decides whether they match. */
const fingerprintTemplate = z
  .string()
  .min(1)
  .max(8192)
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'expected a base64 or base64url fingerprint template');

export const bankCardEvidence = z
  .strictObject({
    type: z.literal('bank_card'),
    cardholderIdNumber: idNumberSchema.describe("the identity number of the card's holder, as the bank knows it"),
  })
  .describe('ATM networks: the bank attests who holds the card used at the ATM');

export const fingerprintsEvidence = z
  .strictObject({
    type: z.literal('fingerprints'),
    rightIndex: fingerprintTemplate.describe('right index fingerprint template'),
    leftIndex: fingerprintTemplate.describe('left index fingerprint template'),
  })
  .describe('airport kiosks: both index fingerprints, matched against the population registry');

export const channelActivationBody = z.strictObject({
  idNumber: idNumberSchema,
  evidence: z.discriminatedUnion('type', [bankCardEvidence, fingerprintsEvidence]),
});

/** Documented here; checked (with the signature) before the body is even validated. */
export const channelHeaders = z.looseObject({
  'x-client-id': z.string().describe('the channel client id, e.g. atm-alrajhi or kiosk-airports'),
  'x-timestamp': z.string().describe('Unix time in seconds; refused when more than 300 s from the server clock'),
  'x-signature': z
    .string()
    .describe('lowercase hex HMAC-SHA256, keyed with the client secret, of `X-Timestamp.METHOD.path.rawBody`'),
});

export const activationView = z.object({
  accountId: z.string(),
  status: z.literal('active'),
  channel: z.enum(['office', 'atm', 'kiosk']),
  activatedAt: z.string().describe('ISO timestamp of the first successful activation'),
  location: z.string().describe('the channel client id, or the office id'),
});

export const channelActivationView = activationView.extend({ channel: z.enum(['atm', 'kiosk']) });
