// One schema for the embedded database (PGlite) and PostgreSQL. Migrations are generated
// from this file with `npm run db:generate` and never edited once landed.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---------------------------------------------------------------------------------------
// The sandbox population registry (the national information center's synthetic copy).
// In production the registry is reached over HTTP and these tables stay empty.

export const registryPersons = pgTable(
  'registry_persons',
  {
    idNumber: char('id_number', { length: 10 }).primaryKey(),
    kind: text('kind', { enum: ['citizen', 'resident'] }).notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    gender: char('gender', { length: 1 }).notNull(), // 'm' | 'f'
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    nationality: char('nationality', { length: 3 }).notNull(), // ISO 3166 alpha-3
    mobile: text('mobile').notNull(),
    /** Two fingerprint templates (synthetic: 16 random bytes each). */
    fingerprintRight: bytea('fingerprint_right').notNull(),
    fingerprintLeft: bytea('fingerprint_left').notNull(),
    passportNumber: text('passport_number'),
    passportIssuedOn: date('passport_issued_on', { mode: 'string' }),
    passportExpiresOn: date('passport_expires_on', { mode: 'string' }),
    /** Residents: the iqama (residence permit) expiry; the iqama number is the identity number. */
    iqamaExpiresOn: date('iqama_expires_on', { mode: 'string' }),
    /** Residents: the sponsor, an establishment's unified number or a head of family's identity number. */
    sponsorKind: text('sponsor_kind', { enum: ['establishment', 'person'] }),
    sponsorId: text('sponsor_id'),
    profession: text('profession'),
    maritalStatus: text('marital_status', { enum: ['single', 'married', 'divorced', 'widowed'] }),
    /** Residents: the day of their last entry into the kingdom (the transfer-of-services waiver counts from it). */
    arrivedOn: date('arrived_on', { mode: 'string' }),
  },
  (t) => [
    // A sponsor's residents by identity number (a head of family's workers, the workers view's
    // identity-number sort), and their count, from the index alone.
    index('registry_persons_sponsor_idx').on(t.sponsorId, t.sponsorKind, t.idNumber).where(sql`${t.sponsorId} is not null`),
    // The workers view of an establishment pages through its workers by name or by expiry.
    index('registry_persons_sponsor_name_idx').on(t.sponsorId, t.nameEn, t.idNumber).where(sql`${t.sponsorKind} = 'establishment'`),
    index('registry_persons_sponsor_iqama_idx').on(t.sponsorId, t.iqamaExpiresOn, t.idNumber).where(sql`${t.sponsorKind} = 'establishment'`),
    index('registry_persons_sponsor_passport_idx').on(t.sponsorId, t.passportExpiresOn, t.idNumber).where(sql`${t.sponsorKind} = 'establishment'`),
  ],
);

export const registryFamilyLinks = pgTable(
  'registry_family_links',
  {
    headIdNumber: char('head_id_number', { length: 10 }).notNull(),
    memberIdNumber: char('member_id_number', { length: 10 }).notNull(),
    relation: text('relation', { enum: ['spouse', 'son', 'daughter', 'father', 'mother'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.headIdNumber, t.memberIdNumber] }), index('registry_family_member_idx').on(t.memberIdNumber)],
);

// ---------------------------------------------------------------------------------------
// Accounts and the account life cycle.

export const termsVersions = pgTable('terms_versions', {
  version: integer('version').primaryKey(),
  textAr: text('text_ar').notNull(),
  textEn: text('text_en').notNull(),
  publishedAt: ts('published_at').notNull().defaultNow(),
});

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    idNumber: char('id_number', { length: 10 }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    mobile: text('mobile').notNull(),
    username: text('username').notNull(),
    email: text('email'),
    language: text('language', { enum: ['ar', 'en'] }).notNull(),
    termsVersion: integer('terms_version').notNull().references(() => termsVersions.version),
    status: text('status', { enum: ['pending', 'verified', 'completed'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    verifiedAt: ts('verified_at'),
    completedAt: ts('completed_at'),
  },
  (t) => [index('registrations_id_number_idx').on(t.idNumber)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey(),
    idNumber: char('id_number', { length: 10 }).notNull(),
    /** Lower-cased; unique. */
    username: text('username').notNull(),
    email: text('email'),
    mobile: text('mobile').notNull(),
    /** The names as the registry gave them at registration; null for accounts loaded in bulk. */
    nameAr: text('name_ar'),
    nameEn: text('name_en'),
    language: text('language', { enum: ['ar', 'en'] }).notNull(),
    status: text('status', { enum: ['registered', 'active', 'suspended'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    termsVersion: integer('terms_version').notNull(),
    createdAt: ts('created_at').notNull(),
    activationChannel: text('activation_channel', { enum: ['office', 'atm', 'kiosk'] }),
    /** The channel client id (an ATM network, the kiosk fleet) or the office id. */
    activationLocation: text('activation_location'),
    activatedAt: ts('activated_at'),
    /** The officer's account when activated at an office. */
    activatedBy: uuid('activated_by'),
    passwordChangedAt: ts('password_changed_at'),
  },
  (t) => [
    uniqueIndex('accounts_id_number_uq').on(t.idNumber),
    uniqueIndex('accounts_username_uq').on(t.username),
    // The statistics count registrations and activations per day over millions of accounts.
    index('accounts_created_idx').on(t.createdAt),
    index('accounts_activated_idx').on(t.activatedAt, t.activationChannel, t.activationLocation).where(sql`${t.activatedAt} is not null`),
    // Who else held a mobile, and since when: a notice to a number two accounts hold belongs to neither for sure.
    index('accounts_mobile_idx').on(t.mobile, t.createdAt),
  ],
);

/**
 * Every flow that sends an SMS code: registration, login, password reset. The code is kept
 * only as a keyed hash; a code is bound to its flow and accepted once.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey(),
    purpose: text('purpose', { enum: ['registration', 'login', 'password_reset'] }).notNull(),
    registrationId: uuid('registration_id'),
    accountId: uuid('account_id'),
    mobile: text('mobile').notNull(),
    codeHash: bytea('code_hash').notNull(),
    attempts: smallint('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    /** When the current code was sent (a resend moves it). */
    sentAt: ts('sent_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    verifiedAt: ts('verified_at'),
    /** Set when the flow's next step used the verification (session issued, password reset). */
    consumedAt: ts('consumed_at'),
  },
  (t) => [index('challenges_registration_idx').on(t.registrationId), index('challenges_expires_idx').on(t.expiresAt)],
);

/** Every one-time code sent, for the per-mobile limits on sending and resending. */
export const otpSends = pgTable(
  'otp_sends',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mobile: text('mobile').notNull(),
    sentAt: ts('sent_at').notNull(),
    resend: boolean('resend').notNull(),
  },
  (t) => [index('otp_sends_mobile_idx').on(t.mobile, t.sentAt)],
);

/** Login throttling, per account (or per unknown login, so that unknown ones behave the same). */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  windowStartedAt: ts('window_started_at').notNull(),
  guessesInWindow: integer('guesses_in_window').notNull().default(0),
  lastFailureAt: ts('last_failure_at'),
  nextAttemptAt: ts('next_attempt_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the 256-bit token; the token itself is never stored. */
    tokenHash: bytea('token_hash').primaryKey(),
    id: uuid('id').notNull(),
    accountId: uuid('account_id').notNull(),
    csrfHash: bytea('csrf_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    idleExpiresAt: ts('idle_expires_at').notNull(),
    absoluteExpiresAt: ts('absolute_expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [uniqueIndex('sessions_id_uq').on(t.id), index('sessions_account_idx').on(t.accountId)],
);

// ---------------------------------------------------------------------------------------
// Offices and staff.

export const offices = pgTable('offices', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['office', 'airport'] }).notNull(),
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull(),
  region: text('region').notNull(),
  city: text('city').notNull(),
});

/** Staff roles held by an account: officers at an office, supervisors over all of them. */
export const staffRoles = pgTable(
  'staff_roles',
  {
    accountId: uuid('account_id').notNull(),
    role: text('role', { enum: ['officer', 'supervisor'] }).notNull(),
    officeId: text('office_id').references(() => offices.id),
    grantedAt: ts('granted_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.role] })],
);

// ---------------------------------------------------------------------------------------
// Channels (bank ATM networks, airport kiosks).

/** Each accepted signature, so a replay inside the 300 s window is refused. */
export const channelNonces = pgTable(
  'channel_nonces',
  {
    signature: text('signature').primaryKey(),
    clientId: text('client_id').notNull(),
    seenAt: ts('seen_at').notNull(),
  },
  (t) => [index('channel_nonces_seen_idx').on(t.seenAt)],
);

// ---------------------------------------------------------------------------------------
// SMS: a durable outbox, written in the transaction that decides to send.

export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey(),
    to: text('to').notNull(),
    /** Purged to a placeholder once delivered when it carries a one-time code. */
    body: text('body').notNull(),
    kind: text('kind', { enum: ['otp', 'notice'] }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lockedUntil: ts('locked_until'),
    sentAt: ts('sent_at'),
    providerMessageId: text('provider_message_id'),
    lastError: text('last_error'),
  },
  (t) => [
    index('sms_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('sms_outbox_to_idx').on(t.to, t.createdAt),
    // A holder's notifications, newest first, a page at a time, without walking their one-time codes.
    index('sms_outbox_notices_idx').on(t.to, t.createdAt, t.id).where(sql`${t.kind} = 'notice'`),
  ],
);

/** The sandbox's handsets: what the sandbox SMS gateway delivered, read by GET /sandbox/sms. */
export const sandboxSmsMessages = pgTable(
  'sandbox_sms_messages',
  {
    id: uuid('id').primaryKey(),
    /** Delivery order, which timestamps alone cannot give when two arrive in the same millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    to: text('to').notNull(),
    body: text('body').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [index('sandbox_sms_to_idx').on(t.to, t.seq)],
);

// ---------------------------------------------------------------------------------------
// The audit log: append-only (a trigger refuses UPDATE and DELETE), written in the same
// transaction as the change it records.

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    action: text('action').notNull(),
    actorKind: text('actor_kind', { enum: ['account', 'officer', 'channel', 'system', 'anonymous'] }).notNull(),
    actorId: text('actor_id'),
    /** The account whose records the action touched. */
    subjectAccountId: uuid('subject_account_id'),
    /** The person whose records the action touched, account or not (a dependent, a worker). */
    subjectIdNumber: char('subject_id_number', { length: 10 }),
    /** When the actor acted for someone else (a delegate, a sponsor), whose behalf. */
    onBehalfOf: text('on_behalf_of'),
    channel: text('channel', { enum: ['web', 'api', 'atm', 'kiosk', 'office', 'system'] }).notNull(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_subject_idx').on(t.subjectAccountId, t.at),
    index('audit_subject_person_idx').on(t.subjectIdNumber, t.at).where(sql`${t.subjectIdNumber} is not null`),
  ],
);

/** A key-value row per process-wide fact (the sandbox seed applied, for instance). */
export const systemState = pgTable('system_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------
// The e-services: requests, their fees and bills, and what they produce.

/**
 * Every number a service's rules depend on (fees in halalas, durations, limits), as dated
 * rows: a new schedule is a new row with a later effective date, never a code change.
 */
export const serviceParameters = pgTable(
  'service_parameters',
  {
    service: text('service').notNull(),
    key: text('key').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    value: integer('value').notNull(),
    unit: text('unit', { enum: ['halalas', 'days', 'months', 'years', 'count'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.service, t.key, t.effectiveFrom] })],
);

export const REQUEST_STATUSES = ['awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted', 'issued', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey(),
    /** A short number for people: printed on receipts and read over the phone. */
    number: text('number').notNull(),
    service: text('service').notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    applicantAccountId: uuid('applicant_account_id').notNull(),
    beneficiaryIdNumber: char('beneficiary_id_number', { length: 10 }).notNull(),
    /** How the applicant may act for the beneficiary: self, head of family, sponsor, delegate... */
    relation: text('relation').notNull(),
    /** When a delegate acts: the grantor's account, on whose behalf. */
    onBehalfOfAccountId: uuid('on_behalf_of_account_id'),
    delegationId: uuid('delegation_id'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    feeHalalas: integer('fee_halalas').notNull(),
    feeLines: jsonb('fee_lines').$type<Array<{ key: string; amountHalalas: number; quantity: number }>>().notNull(),
    /** Two requests with the same key cannot both be open (two exit/re-entry visas for one person). */
    conflictKey: text('conflict_key'),
    /** Whose consent is awaited, one of them suffices: a minor's guardians, or the worker asked to move. */
    consentFrom: jsonb('consent_from').$type<string[]>(),
    /** Acting for an establishment: its unified number (the owner or authorized staff applied). */
    establishmentId: text('establishment_id'),
    /** A transfer of services: the establishment whose release is awaited (null when a waiver applies). */
    releaseFrom: text('release_from'),
    /** The refusal codes at fulfilment, or what was produced. */
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    /** Issued, and the agencies not yet told (a service's afterIssue step): the retry job's queue. */
    afterIssuePendingSince: ts('after_issue_pending_since'),
  },
  (t) => [
    uniqueIndex('service_requests_number_uq').on(t.number),
    uniqueIndex('service_requests_open_conflict_uq')
      .on(t.conflictKey)
      .where(sql`${t.status} in ('awaiting_consent', 'awaiting_release', 'awaiting_payment', 'submitted') and ${t.conflictKey} is not null`),
    index('service_requests_applicant_idx').on(t.applicantAccountId, t.createdAt),
    index('service_requests_beneficiary_idx').on(t.beneficiaryIdNumber, t.createdAt),
    index('service_requests_behalf_idx').on(t.onBehalfOfAccountId).where(sql`${t.onBehalfOfAccountId} is not null`),
    index('service_requests_submitted_idx').on(t.submittedAt).where(sql`${t.status} = 'submitted'`),
    index('service_requests_after_issue_idx').on(t.afterIssuePendingSince).where(sql`${t.afterIssuePendingSince} is not null`),
    index('service_requests_establishment_idx').on(t.establishmentId, t.createdAt).where(sql`${t.establishmentId} is not null`),
    index('service_requests_release_idx').on(t.releaseFrom).where(sql`${t.status} = 'awaiting_release'`),
    index('service_requests_issued_idx').on(t.decidedAt).where(sql`${t.status} = 'issued'`),
    // Whose consent a request asks for: the guardian's or the worker's list of their requests.
    index('service_requests_consent_from_idx').using('gin', sql`${t.consentFrom} jsonb_path_ops`).where(sql`${t.consentFrom} is not null`),
  ],
);

/** Each transition of a request: who moved it, for whom, from what to what. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id').notNull(),
    at: ts('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorKind: text('actor_kind', { enum: ['account', 'officer', 'channel', 'system'] }).notNull(),
    actorId: text('actor_id'),
    onBehalfOf: text('on_behalf_of'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

export const bills = pgTable(
  'bills',
  {
    /** SADAD-style: the number a person keys in at the bank. */
    billNumber: text('bill_number').primaryKey(),
    requestId: uuid('request_id').notNull(),
    amountHalalas: integer('amount_halalas').notNull(),
    status: text('status', { enum: ['unpaid', 'paid', 'cancelled', 'expired'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    paidAt: ts('paid_at'),
    paidByClient: text('paid_by_client'),
    receiptId: text('receipt_id'),
    /** What happens to money already paid when the request is rejected: a refund is due, then made. */
    refundStatus: text('refund_status', { enum: ['due', 'refunded'] }),
  },
  (t) => [
    index('bills_request_idx').on(t.requestId),
    // The expiry job's unpaid bills past their date, without reading the paid ones.
    index('bills_unpaid_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'unpaid'`),
  ],
);

/** Idempotency-Key: the first answer to a key, replayed for the same key and body. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: bytea('request_hash').notNull(),
    status: text('status', { enum: ['in_progress', 'done'] }).notNull(),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/** Documents the directorate issued or recorded: passports, visas; iqamas come in the establishments work. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['passport', 'iqama', 'exit_reentry_visa', 'final_exit_visa'] }).notNull(),
    number: text('number').notNull(),
    holderIdNumber: char('holder_id_number', { length: 10 }).notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['valid', 'replaced', 'used', 'cancelled'] }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: uuid('request_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('documents_kind_number_uq').on(t.kind, t.number), index('documents_holder_idx').on(t.holderIdNumber, t.kind)],
);

/** E-authorizations: a holder lets a Saudi citizen carry out named services for them, for a period. */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey(),
    grantorAccountId: uuid('grantor_account_id').notNull(),
    delegateAccountId: uuid('delegate_account_id').notNull(),
    services: jsonb('services').$type<string[]>().notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    revokedAt: ts('revoked_at'),
    createdAt: ts('created_at').notNull(),
    /** A staff authorization: the establishment (unified number) it is limited to; null for a personal one. */
    establishmentId: text('establishment_id'),
  },
  (t) => [index('delegations_grantor_idx').on(t.grantorAccountId), index('delegations_delegate_idx').on(t.delegateAccountId)],
);

/** Sandbox traffic department: unpaid fines per person. */
export const sandboxTrafficFines = pgTable(
  'sandbox_traffic_fines',
  {
    id: uuid('id').primaryKey(),
    idNumber: char('id_number', { length: 10 }).notNull(),
    amountHalalas: integer('amount_halalas').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    paid: boolean('paid').notNull().default(false),
  },
  (t) => [index('sandbox_traffic_fines_person_idx').on(t.idNumber)],
);

/** Sandbox travel bans (a court or security order) per person. */
export const sandboxTravelBans = pgTable('sandbox_travel_bans', {
  idNumber: char('id_number', { length: 10 }).primaryKey(),
  reason: text('reason').notNull(),
  since: date('since', { mode: 'string' }).notNull(),
});

/** Reminders already sent, so that each is sent once per document and threshold. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    idNumber: char('id_number', { length: 10 }).notNull(),
    document: text('document').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    thresholdDays: integer('threshold_days').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.idNumber, t.document, t.expiresOn, t.thresholdDays] })],
);

export const requestNumberSeq = pgSequence('service_request_number_seq', { startWith: 100000 });

// ---------------------------------------------------------------------------------------
// Establishments on the platform, their iqama cards and the office's paper transactions.

/** An establishment opened on the platform by its owner (its details come from the labour ministry). */
export const establishments = pgTable(
  'establishments',
  {
    /** The unified number (700...). */
    id: text('id').primaryKey(),
    ownerAccountId: uuid('owner_account_id').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    region: text('region').notNull(),
    openedAt: ts('opened_at').notNull(),
  },
  (t) => [index('establishments_owner_idx').on(t.ownerAccountId)],
);

export const CARD_STATUSES = ['printed', 'ready', 'handed_over'] as const;

/** An iqama card to collect: printed → ready at the chosen office → handed over by an officer. */
export const iqamaCards = pgTable(
  'iqama_cards',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id').notNull(),
    holderIdNumber: char('holder_id_number', { length: 10 }).notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** Who collects it: the establishment (unified number), or null for a head of family's dependant or worker. */
    establishmentId: text('establishment_id'),
    /** The account that applied (the establishment's user or the head of family), told when the card is ready. */
    applicantAccountId: uuid('applicant_account_id').notNull(),
    officeId: text('office_id').notNull(),
    status: text('status', { enum: CARD_STATUSES }).notNull(),
    printedAt: ts('printed_at').notNull(),
    readyAt: ts('ready_at'),
    handedOverAt: ts('handed_over_at'),
    handedOverBy: uuid('handed_over_by'),
    /** The identity number of the person who collected the card, checked by the officer. */
    collectedByIdNumber: char('collected_by_id_number', { length: 10 }),
  },
  (t) => [
    uniqueIndex('iqama_cards_request_uq').on(t.requestId),
    index('iqama_cards_office_idx').on(t.officeId, t.status, t.readyAt),
    index('iqama_cards_establishment_idx').on(t.establishmentId, t.status).where(sql`${t.establishmentId} is not null`),
    index('iqama_cards_handed_idx').on(t.handedOverAt).where(sql`${t.status} = 'handed_over'`),
  ],
);

/** A transaction still done on paper at an office (large establishments only, for the services that went online). */
export const paperTransactions = pgTable(
  'paper_transactions',
  {
    id: uuid('id').primaryKey(),
    officeId: text('office_id').notNull(),
    officerAccountId: uuid('officer_account_id').notNull(),
    establishmentId: text('establishment_id').notNull(),
    service: text('service').notNull(),
    beneficiaryIdNumber: char('beneficiary_id_number', { length: 10 }).notNull(),
    reference: text('reference'),
    at: ts('at').notNull(),
  },
  (t) => [index('paper_transactions_at_idx').on(t.at), index('paper_transactions_office_idx').on(t.officeId, t.at)],
);

// ---------------------------------------------------------------------------------------
// The sandbox labour and health ministries. In production they are reached over HTTP and
// these tables stay empty.

/** Labour ministry: establishments (the worker count is the number of residents they sponsor). */
export const sandboxEstablishments = pgTable(
  'sandbox_establishments',
  {
    id: text('id').primaryKey(),
    crNumber: text('cr_number').notNull(),
    labourFile: text('labour_file').notNull(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    region: text('region').notNull(),
    city: text('city').notNull(),
    ownerIdNumber: char('owner_id_number', { length: 10 }).notNull(),
  },
  (t) => [index('sandbox_establishments_owner_idx').on(t.ownerIdNumber)],
);

/**
 * Labour ministry: what differs from a worker's default record. By default a resident
 * sponsored by an establishment holds a work permit for their registered profession until
 * their iqama expires, and is not reported absent.
 */
export const sandboxLabourWorkers = pgTable('sandbox_labour_workers', {
  idNumber: char('id_number', { length: 10 }).primaryKey(),
  /** null: no work permit. */
  permitExpiresOn: date('permit_expires_on', { mode: 'string' }),
  absentFromWork: boolean('absent_from_work').notNull().default(false),
});

/** Labour ministry: each approval asked for (a profession change, a transfer of services) and its answer. */
export const sandboxLabourApprovals = pgTable('sandbox_labour_approvals', {
  reference: text('reference').primaryKey(),
  kind: text('kind').notNull(),
  idNumber: char('id_number', { length: 10 }).notNull(),
  establishmentId: text('establishment_id').notNull(),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  approved: boolean('approved').notNull(),
  reason: text('reason'),
  askedAt: ts('asked_at').notNull(),
});

/** Health ministry: medical examination results and medical insurance. */
export const sandboxMedical = pgTable('sandbox_medical', {
  idNumber: char('id_number', { length: 10 }).primaryKey(),
  examResult: text('exam_result', { enum: ['fit', 'unfit'] }),
  examinedOn: date('examined_on', { mode: 'string' }),
  insuredUntil: date('insured_until', { mode: 'string' }),
});
