// Request and response schemas of the sandbox endpoints (published in the OpenAPI document).
import { z } from 'zod';
import { RESIDENT_NATIONALITY_CODES } from '../../../domain/synthetic/catalogue';
import { idNumberSchema, isoDateSchema, mobileSchema } from '../../http/schemas';

const bilingual = z.object({ ar: z.string(), en: z.string() });
const gender = z.enum(['m', 'f']).describe('m or f');
const residentNationality = z
  .enum(RESIDENT_NATIONALITY_CODES as [string, ...string[]])
  .describe('ISO 3166 alpha-3 code of a nationality the sandbox has names for');
const unifiedNumber = z
  .string()
  .regex(/^7\d{9}$/, 'a unified number has 10 digits and starts with 7')
  .describe("an establishment's unified number");

export const addPersonBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('citizen'),
      gender: gender.optional(),
      birthDate: isoDateSchema.optional().describe('YYYY-MM-DD; an adult of 18 to 75 when left out'),
      passportExpiresOn: isoDateSchema.optional().describe('YYYY-MM-DD; otherwise drawn, sometimes soon or past'),
    }),
    z.strictObject({
      kind: z.literal('resident'),
      gender: gender.optional(),
      birthDate: isoDateSchema.optional().describe('YYYY-MM-DD; an adult of 21 to 60 when left out'),
      nationality: residentNationality.optional(),
      passportExpiresOn: isoDateSchema.optional(),
      iqamaExpiresOn: isoDateSchema.optional().describe('YYYY-MM-DD; otherwise drawn, sometimes soon or past'),
      sponsor: z
        .discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('establishment'), id: unifiedNumber }),
          z.strictObject({ kind: z.literal('person'), id: idNumberSchema.describe('a head of family already in the registry') }),
        ])
        .optional()
        .describe('otherwise one of the seeded establishments'),
    }),
  ])
  .describe('The kind of person, and optionally fixed details; everything left out is drawn from the synthetic population.');

export type AddPersonInput = z.infer<typeof addPersonBody>;

export const personParams = z.strictObject({ idNumber: idNumberSchema });

const familyEntry = z.object({
  idNumber: z.string(),
  relation: z.enum(['spouse', 'son', 'daughter', 'father', 'mother']).describe("the member's relation to the head"),
});

export const sandboxPersonView = z.object({
  idNumber: z.string(),
  kind: z.enum(['citizen', 'resident']),
  name: bilingual,
  gender,
  birthDate: z.string(),
  nationality: z.string(),
  mobile: z.string().describe('+9665XXXXXXXX, the mobile registered to the identity'),
  fingerprints: z
    .object({ rightIndex: z.string(), leftIndex: z.string() })
    .describe('the two index fingerprint templates (base64url), as an airport kiosk would read them'),
  passport: z.object({ number: z.string(), issuedOn: z.string(), expiresOn: z.string() }).nullable(),
  iqama: z.object({ number: z.string(), expiresOn: z.string() }).nullable(),
  sponsor: z.object({ kind: z.enum(['establishment', 'person']), id: z.string() }).nullable(),
  profession: z.object({ code: z.string(), name: bilingual }).nullable(),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).nullable(),
  family: z.object({
    heads: z.array(familyEntry).describe('the heads of family this person is registered under'),
    members: z.array(familyEntry).describe("the members of this person's family card"),
  }),
});

export const smsQuery = z.strictObject({
  to: mobileSchema,
  limit: z.coerce.number().int().min(1).max(50).default(50).describe('at most this many messages (1-50, default 50)'),
});

export const smsView = z.object({
  messages: z.array(z.object({ to: z.string(), body: z.string(), sentAt: z.string().describe('ISO timestamp') })),
});

export const personasView = z.object({
  password: z.string().describe('the password of every seeded account'),
  personas: z.array(
    z.object({
      key: z.string(),
      role: z.enum(['citizen', 'resident', 'head_of_family', 'officer', 'supervisor', 'establishment_owner']),
      title: bilingual,
      description: bilingual,
      name: bilingual,
      kind: z.enum(['citizen', 'resident']),
      idNumber: z.string(),
      birthDate: z.string(),
      mobile: z.string(),
      username: z.string().nullable().describe('null: no account yet'),
      password: z.string().nullable(),
      status: z.enum(['registered', 'active', 'suspended']).nullable().describe("the account's status now; null: no account"),
      staffRole: z.object({ role: z.enum(['officer', 'supervisor']), officeId: z.string().nullable() }).nullable(),
      establishments: z
        .array(z.object({ id: z.string().describe('unified number'), name: bilingual, openedOnAbsher: z.boolean() }))
        .describe('the establishments the labour ministry sandbox records this persona as owning'),
    }),
  ),
});

export const SANDBOX_MAX_WORKERS = 20_000;
export const ESTABLISHMENT_REGIONS = ['riyadh', 'makkah', 'madinah', 'eastern', 'asir', 'qassim', 'tabuk', 'hail', 'jazan'] as const;

export const addEstablishmentBody = z.strictObject({
  workers: z.number().int().min(0).max(SANDBOX_MAX_WORKERS).describe(`how many synthetic workers it employs (at most ${SANDBOX_MAX_WORKERS})`),
  ownerIdNumber: idNumberSchema.optional().describe('a citizen already in the registry (a persona, or one added with POST /sandbox/persons); otherwise a new citizen is drawn'),
  region: z.enum(ESTABLISHMENT_REGIONS).optional().describe('default riyadh'),
});
export type AddEstablishmentInput = z.infer<typeof addEstablishmentBody>;

export const sandboxEstablishmentView = z.object({
  id: z.string().describe('the unified number'),
  crNumber: z.string(),
  labourFile: z.string(),
  name: bilingual,
  region: z.string(),
  city: z.string(),
  workerCount: z.number().int(),
  owner: z.object({ idNumber: z.string(), birthDate: z.string(), mobile: z.string() }).describe('register with these (POST /registrations), then open the establishment with POST /establishments'),
});

export const agencyParams = z.strictObject({ agency: z.enum(['labour', 'health']) });
export const faultsView = z.object({
  down: z.boolean().describe('every call fails as if the agency could not be reached: the platform answers 503 dependency_unavailable with Retry-After'),
  delayMs: z.number().int().describe('each call waits this long; at or above AGENCY_TIMEOUT_MS it times out'),
  refusalPercent: z.number().int().describe('the share (0–100) of approvals the agency refuses'),
});
export const faultsBody = z.strictObject({
  down: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  refusalPercent: z.number().int().min(0).max(100).optional(),
});
