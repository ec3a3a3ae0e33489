// Bulk iqama renewal: the establishment renews the iqamas of chosen workers, each checked and
// billed on its own through the service engine (service `iqama_renew`), one refusal or
// conflict not stopping the others. The bills are ordinary bills, each paid at a bank.
//
// A retried bulk never bills a worker twice: before submitting, each worker's open renewal is
// looked up by the service's conflict key, and a worker who already has one gets it back
// instead of a new submission; two bulks racing for one worker meet the engine's unique
// index, and the loser reads the winner's request the same way.
import type { Deps } from '../../deps';
import { AppError, messageFor, type Language } from '../../errors';
import { AgencyUnavailableError } from '../../adapters/population-registry/port';
import { RuleRefusal } from '../../services/engine/refusals';
import { submit, type Meta } from '../../services/engine/requests';
import { standingAt } from './access';
import { billsFor, openByConflictKey, type BillRow, type RequestRow } from './repository';

export const RENEWAL_SERVICE = 'iqama_renew';
/**
 * Workers submitted at once: on PostgreSQL enough to use a good part of the pool without
 * starving other callers; the embedded database has one connection, where more would only queue.
 */
const PARALLEL = { postgres: 8, pglite: 2 } as const;

export type Outcome = 'submitted' | 'refused' | 'conflict' | 'error';
export type WorkerResult = {
  idNumber: string;
  outcome: Outcome;
  request: RequestRow | null;
  bill: BillRow | null;
  existing: boolean;
  refusals: Array<{ code: string; message: string }>;
};

/** The renewal's conflict key, as the iqama_renew service declares it: one open renewal per person. */
export function renewalConflictKey(idNumber: string): string {
  return `${RENEWAL_SERVICE}:${idNumber}`;
}

export type RenewCommand = {
  actor: { accountId: string; idNumber: string };
  establishmentId: string;
  workers: string[];
  quarters: number;
  pickupOfficeId: string;
  meta: Meta & { language?: Language };
};

export async function renewIqamas(deps: Deps, cmd: RenewCommand): Promise<WorkerResult[]> {
  // The whole bulk is refused when the caller may not renew iqamas for the establishment.
  await standingAt(deps, cmd.actor.accountId, cmd.establishmentId, RENEWAL_SERVICE);
  const lang = cmd.meta.language ?? 'ar';
  const workers = [...new Set(cmd.workers)];
  const db = deps.database.db;
  const open = await openByConflictKey(db, workers.map(renewalConflictKey));
  // The labour ministry's record of the establishment, read once for the whole bulk.
  const establishment = await deps.labour.findEstablishment(cmd.establishmentId);
  if (!establishment) throw new AppError('establishment_not_found');

  const results = new Map<string, WorkerResult>();
  const found = async (idNumber: string, r: RequestRow): Promise<WorkerResult> => {
    const [bill] = (await billsFor(db, [r.id])).filter((b) => b.status === 'unpaid' || b.status === 'paid').slice(-1);
    // The establishment's own open renewal is this bulk's answer for the worker; anyone else's is a conflict.
    const ours = r.establishmentId === cmd.establishmentId && r.service === RENEWAL_SERVICE;
    return ours
      ? { idNumber, outcome: 'submitted', request: r, bill: bill ?? null, existing: true, refusals: [] }
      : { idNumber, outcome: 'conflict', request: null, bill: null, existing: false, refusals: [refusal('conflicting_request', lang)] };
  };

  const one = async (idNumber: string): Promise<WorkerResult> => {
    const already = open.get(renewalConflictKey(idNumber));
    if (already) return found(idNumber, already);
    try {
      const r = await submit(
        deps,
        cmd.actor,
        RENEWAL_SERVICE,
        { beneficiaryIdNumber: idNumber, establishmentId: cmd.establishmentId, input: { quarters: cmd.quarters, pickupOfficeId: cmd.pickupOfficeId } },
        { requestId: cmd.meta.requestId, channel: cmd.meta.channel },
        { establishment },
      );
      const [bill] = await billsFor(db, [r.id]);
      return { idNumber, outcome: 'submitted', request: r, bill: bill ?? null, existing: false, refusals: [] };
    } catch (err) {
      if (err instanceof RuleRefusal) {
        return { idNumber, outcome: 'refused', request: null, bill: null, existing: false, refusals: err.refusals.map((x) => ({ code: x.code, message: x.message[lang] })) };
      }
      if (err instanceof AppError && err.code === 'conflicting_request') {
        const winner = (await openByConflictKey(db, [renewalConflictKey(idNumber)])).get(renewalConflictKey(idNumber));
        if (winner) return found(idNumber, winner);
        return { idNumber, outcome: 'conflict', request: null, bill: null, existing: false, refusals: [refusal('conflicting_request', lang)] };
      }
      if (err instanceof AppError && err.status < 500) {
        return { idNumber, outcome: 'refused', request: null, bill: null, existing: false, refusals: [{ code: err.code, message: messageFor(err.code, lang) }] };
      }
      if (err instanceof AgencyUnavailableError) {
        return { idNumber, outcome: 'error', request: null, bill: null, existing: false, refusals: [refusal('dependency_unavailable', lang)] };
      }
      deps.logger.error({ err: String(err), requestId: cmd.meta.requestId }, 'bulk iqama renewal: one worker failed');
      return { idNumber, outcome: 'error', request: null, bill: null, existing: false, refusals: [refusal('internal_error', lang)] };
    }
  };

  // A few at a time: each submission is short, and the order of the answer is the order asked.
  let next = 0;
  const lane = async () => {
    while (next < workers.length) {
      const idNumber = workers[next++]!;
      results.set(idNumber, await one(idNumber));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL[deps.database.engine], workers.length) }, lane));
  return workers.map((w) => results.get(w)!);
}

function refusal(code: 'conflicting_request' | 'dependency_unavailable' | 'internal_error', lang: Language) {
  return { code, message: messageFor(code, lang) };
}
