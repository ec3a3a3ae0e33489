// The wire shapes of the establishments' endpoints. Requests are strict (an unknown field is a 400).
import { z } from 'zod';
import { idNumberSchema, isoDateSchema, isoTimestamp } from '../../http/schemas';
import { ESTABLISHMENT_SERVICES } from '../delegations/establishment-scope';
import { givenView } from '../delegations/schemas';
import { EXPIRING_WINDOWS, MAX_BULK_WORKERS, MAX_PAGE_SIZE, WARNING_DAYS, WARNINGS, WORKER_SORTS } from './rules';

const text = z.object({ ar: z.string(), en: z.string() });
const datePair = z.object({ gregorian: z.string().describe('YYYY-MM-DD'), hijri: z.string().describe('Umm al-Qura YYYY-MM-DD') });

export const establishmentIdSchema = z.string().regex(/^7\d{9}$/, 'a unified number: 10 digits starting with 7');

export const establishmentParams = z.strictObject({ establishmentId: establishmentIdSchema });
export const staffParams = z.strictObject({ establishmentId: establishmentIdSchema, delegationId: z.string().uuid() });

export const openBody = z.strictObject({ establishmentId: establishmentIdSchema.describe('the unified number the labour ministry knows the establishment by') });

const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25);

const workersFilter = {
  search: z.string().trim().min(1).max(64).optional().describe('part of a name (Arabic or English) or the start of an identity/iqama number'),
  nationality: z.string().regex(/^[A-Z]{3}$/).optional().describe('ISO 3166 alpha-3 code, e.g. IND'),
  profession: z.string().regex(/^[a-z_]{2,40}$/).optional().describe('a profession code of the labour ministry'),
  expiring: z.enum(EXPIRING_WINDOWS).optional().describe('only workers whose iqama or passport expires within this many days (expired ones and those without an iqama included)'),
  sort: z.enum(WORKER_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export const workersQuery = z.strictObject({ ...workersFilter, page, pageSize });
export type WorkersQueryInput = z.infer<typeof workersQuery>;
export const workersCsvQuery = z.strictObject({ ...workersFilter, lang: z.enum(['ar', 'en']).optional().describe('the header row’s language (default: Accept-Language, Arabic first)') });
export type WorkersCsvQueryInput = z.infer<typeof workersCsvQuery>;

export const REQUEST_ROLES = ['applicant', 'releasing'] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];
export const requestsQuery = z.strictObject({
  page,
  pageSize,
  role: z.enum(REQUEST_ROLES).optional().describe('only the requests it made (applicant), or only the transfers of services awaiting its release (releasing)'),
});

const paging = { total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), pages: z.number().int() };

export const establishmentSummary = z.object({
  id: z.string().describe('the unified number'),
  name: text,
  region: z.string(),
  role: z.enum(['owner', 'staff']),
  opened: z.boolean().describe('owner: whether it is open on Absher (open it with POST /establishments)'),
  openedAt: isoTimestamp.nullable(),
  services: z
    .array(z.object({ code: z.string(), name: text }))
    .describe('staff: the services authorized (the union of the authorizations in force); owner: every establishment service'),
  staffUntil: isoTimestamp.nullable().describe('staff: when the last authorization in force ends'),
});
export const establishmentList = z.object({ establishments: z.array(establishmentSummary) });

export const establishmentDetails = z.object({
  id: z.string().describe('the unified number'),
  crNumber: z.string().describe('commercial registration'),
  labourFile: z.string().describe('the labour ministry’s file number'),
  name: text,
  region: z.string(),
  city: z.string(),
  workerCount: z.number().int(),
  openedAt: isoTimestamp,
  role: z.enum(['owner', 'staff']),
  services: z.array(z.object({ code: z.string(), name: text })),
  paperAllowed: z.boolean().describe('establishments of at most 100 workers may not use paper for iqamas, exit/re-entry and final exit'),
});

export const staffBody = z.strictObject({
  staffIdNumber: idNumberSchema.describe('the Saudi citizen to authorize (identity number starting with 1, with an active account)'),
  services: z.array(z.enum(ESTABLISHMENT_SERVICES)).min(1).max(ESTABLISHMENT_SERVICES.length).describe('the establishment services the staff member may carry out'),
  startsOn: isoDateSchema.optional().describe('the first day, today or later (default today, Riyadh time)'),
  endsOn: isoDateSchema.describe('the last day, included: at most one year after the first'),
});
export const staffView = givenView.describe('a staff authorization; `delegate` is the staff member');
export const staffList = z.object({ staff: z.array(staffView).describe('newest first') });

const warning = z.object({ code: z.enum(Object.keys(WARNINGS) as [keyof typeof WARNINGS, ...Array<keyof typeof WARNINGS>]), message: text });
const expiry = z.object({ expiresOn: datePair, daysLeft: z.number().int().describe('0 on the last day, negative once expired') });

export const workerView = z.object({
  idNumber: z.string(),
  iqamaNumber: z.string().nullable().describe('the identity number, once an iqama is issued'),
  name: text,
  nationality: z.string(),
  profession: z.object({ code: z.string(), name: text.nullable().describe('null when the labour ministry could not be asked') }).nullable(),
  passport: expiry.extend({ number: z.string() }).nullable(),
  iqama: expiry.nullable(),
  warnings: z.array(warning).describe(`expired, or expiring within ${WARNING_DAYS} days; an iqama not yet issued`),
  openRequests: z.object({
    count: z.number().int(),
    requests: z.array(z.object({ id: z.string(), number: z.string(), service: z.string(), serviceName: text, status: z.string() })),
  }),
});
export const workersPage = z.object({ today: datePair, ...paging, workers: z.array(workerView) });
export const workerNationalities = z.object({
  nationalities: z
    .array(z.object({ code: z.string().describe('ISO 3166 alpha-3, as the workers view filters by'), name: text.nullable().describe('null for a code outside ISO 3166-1'), count: z.number().int() }))
    .describe('by code'),
});

const billView = z.object({ billNumber: z.string(), amountHalalas: z.number().int(), status: z.string(), expiresAt: isoTimestamp });
export const establishmentRequestView = z.object({
  id: z.string(),
  number: z.string(),
  service: z.string(),
  serviceName: text,
  status: z.string(),
  beneficiaryIdNumber: z.string(),
  role: z.enum(REQUEST_ROLES).describe('applicant: the establishment made it; releasing: a transfer of services awaiting its release'),
  byStaff: z.boolean(),
  feeHalalas: z.number().int(),
  bills: z.array(billView),
  createdAt: isoTimestamp,
  createdOn: datePair,
  decidedAt: isoTimestamp.nullable(),
});
export const requestsPage = z.object({ ...paging, requests: z.array(establishmentRequestView) });

export const renewalsBody = z.strictObject({
  workers: z.array(idNumberSchema).min(1).max(MAX_BULK_WORKERS).describe(`identity (iqama) numbers of the establishment’s workers, at most ${MAX_BULK_WORKERS}`),
  quarters: z.number().int().min(1).max(4).describe('how many quarters of a year to renew for'),
  pickupOfficeId: z.string().min(1).max(64).describe('the passports office where the cards will be collected (GET /offices)'),
});
export const renewalOutcome = z.object({
  idNumber: z.string(),
  outcome: z.enum(['submitted', 'refused', 'conflict', 'error']),
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  status: z.string().nullable().describe('the request’s status (awaiting_payment until the bank pays its bill)'),
  billNumber: z.string().nullable().describe('pay it at a bank like any bill'),
  amountHalalas: z.number().int().nullable(),
  existing: z.boolean().describe('true when the worker’s open renewal was found rather than made now (a retried bulk never bills twice)'),
  refusals: z.array(z.object({ code: z.string(), message: z.string() })),
});
export const renewalsResult = z.object({
  summary: z.object({ submitted: z.number().int(), refused: z.number().int(), conflict: z.number().int(), error: z.number().int(), totalHalalas: z.number().int() }),
  results: z.array(renewalOutcome),
});
