// What an e-service is: one module declares who may apply for whom, its input, its
// eligibility rules (each refusal a stable code with Arabic and English text), its fee from
// the dated parameters, and what it produces. The engine (./engine) does the rest.
import type { z } from 'zod';
import type { SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { RegistryPerson } from '../adapters/population-registry/port';
import type { Establishment } from '../adapters/labour/port';
import type { Agencies } from './agencies';
import type { Parameters } from './parameters';

export type Text = { ar: string; en: string };

/**
 * How the applicant stands to the beneficiary:
 * - self: the applicant's own record;
 * - family: a member of the applicant's family in the registry (the applicant is its head);
 * - domestic_worker: a resident whose sponsor is the applicant, outside the family;
 * - establishment_worker: a resident sponsored by the establishment the applicant acts for
 *   (its owner, or staff it authorized);
 * - establishment_recruit: a resident sponsored elsewhere whom the establishment asks to
 *   take on (a transfer of services).
 * A delegate acts through the grantor's relation (see delegations).
 */
export type PersonalRelation = 'self' | 'family' | 'domestic_worker';
export type Relation = PersonalRelation | 'establishment_worker' | 'establishment_recruit';

export type Refusal = { code: string; message: Text; details?: Record<string, unknown> };

export type ServiceContext = {
  /** Today, in the kingdom's calendar day, as an ISO date. */
  today: string;
  now: Date;
  beneficiary: RegistryPerson;
  applicant: { accountId: string; idNumber: string };
  relation: Relation;
  /** Whether a delegate is acting (the grantor's relation is `relation`). */
  viaDelegate: boolean;
  /** Acting for an establishment: its labour ministry record (with the worker count). */
  establishment: Establishment | null;
  params: Parameters;
  agencies: Agencies;
  /** For reading the directorate's own rows (open visas, documents); outside any transaction. */
  db: Executor;
};

export type FeeLine = { key: string; amountHalalas: number; quantity: number };

export type Produced = {
  documents: Array<{ kind: string; number: string; issuedOn: string; expiresOn: string }>;
  summary?: Record<string, unknown>;
};

/** What a service whose result is only new rows produces: the result, and the rows' INSERTs (not yet run). */
export type Issued = { produced: Produced; writes: SQLWrapper[] };

export type ServiceDefinition<Input = unknown> = ServiceCommon<Input> &
  (
    | {
        /**
         * Produces the service's result in the fulfilment's transaction: the directorate's own
         * rows only, never an agency call (a transaction never waits on the outside world).
         */
        fulfil(tx: Executor, ctx: ServiceContext, input: Input, requestId: string): Promise<Produced>;
        issue?: never;
      }
    | {
        /**
         * For a service whose result is only new rows (a visa): the result and the INSERTs
         * that write it, which the engine runs in the decision's own statement, beside the
         * request's move, its event and its SMS, with no transaction around them. Reads
         * nothing and writes nothing itself.
         */
        issue(ex: Executor, ctx: ServiceContext, input: Input, requestId: string): Issued;
        fulfil?: never;
      }
  );

type ServiceCommon<Input> = {
  code: string;
  name: Text;
  description: Text;
  /** Who the service is for. */
  beneficiaryKinds: ReadonlyArray<'citizen' | 'resident'>;
  /** Who may apply for whom. */
  relations: readonly Relation[];
  /** Whether an e-authorization can name this service. */
  delegable: boolean;
  input: z.ZodType<Input>;
  /** Every rule the service can refuse with, for the public catalogue and for messages. */
  rules: Record<string, Text>;
  /** The refusals for this application (none: eligible). Called at submission and again at fulfilment. */
  eligibility(ctx: ServiceContext, input: Input): Promise<Refusal[]>;
  /** The fee lines (none: free); may read the directorate's own rows (an earlier late renewal, an earlier transfer). */
  fee(ctx: ServiceContext, input: Input): FeeLine[] | Promise<FeeLine[]>;
  /**
   * What each fee line key means, in Arabic and English, for the catalogue, quotes and bills.
   * A key without a label is shown with the service's name.
   */
  feeLabels?: Record<string, Text>;
  /** Requests with the same key cannot both be open. */
  conflictKey?(ctx: ServiceContext, input: Input): string | null;
  /**
   * For a service two of whose requests must not both succeed for the same subject, when the
   * conflict key cannot say so (two establishments' transfers of one worker). The engine takes
   * a transaction lock on `key` to insert such a request and to decide one, and asks the
   * checks again under it, where the other request's submission or decision is committed and
   * visible: `atSubmission` with the eligibility (for a quote too) and again before the
   * INSERT, `atFulfilment` before the decision (its refusals reject the request like any
   * other's at fulfilment). Services without it add no statement to either, nor does an
   * application whose `key` is null (a service exclusive only when an establishment applies,
   * asked for by an individual): no lock, no check, and a service with `issue` is issued in
   * one statement all the same; with a key, its writes run in the decision's transaction.
   */
  exclusive?: {
    key(ctx: ServiceContext, input: Input): string | null;
    atSubmission(ex: Executor, ctx: ServiceContext, input: Input): Promise<Refusal[]>;
    atFulfilment(tx: Executor, ctx: ServiceContext, input: Input, request: { id: string; createdAt: Date }): Promise<Refusal[]>;
  };
  /** Identity numbers of guardians one of whom must consent first; null when no consent is needed. */
  consentFrom?(ctx: ServiceContext, input: Input): Promise<string[] | null>;
  /** The establishment whose release is awaited after the consent (a transfer of services); null when a waiver applies. */
  releaseFrom?(ctx: ServiceContext, input: Input): string | null;
  /**
   * An agency's approval, asked once eligibility holds at fulfilment, outside any
   * transaction; must be safe to repeat for the same request (the reference is its id).
   * Returns the refusals (none: approved).
   */
  approval?(ctx: ServiceContext, input: Input, requestId: string): Promise<Refusal[]>;
  /** Tells the agencies what was issued, after the commit; must be safe to repeat. */
  afterIssue?(ctx: ServiceContext, input: Input, produced: Produced): Promise<void>;
};

/** A refusal built from the service's own rule table, so the codes and texts stay declared in one place. */
export function refuse<R extends Record<string, Text>>(rules: R, code: keyof R & string, details?: Record<string, unknown>): Refusal {
  return { code, message: rules[code]!, ...(details ? { details } : {}) };
}
