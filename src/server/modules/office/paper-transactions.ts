// A transaction still done on paper at a passports office: the officer records it, unless the
// establishment is small enough that the service must be done online (the rule and its limit
// are in src/domain/paper-transactions.ts and the dated service parameters).
import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Executor } from '../../db/client';
import { paperTransactions } from '../../db/schema';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { newId } from '../../platform/crypto';
import { loadParameters } from '../../services/parameters';
import { kingdomToday } from '../../services/engine/requests';
import { paperAllowed, type PaperService } from '../../../domain/paper-transactions';
import type { Officer } from './activate-at-office';

export type PaperTransactionRow = typeof paperTransactions.$inferSelect;

export type PaperTransactionInput = {
  officer: Officer;
  establishmentId: string;
  service: PaperService;
  beneficiaryIdNumber: string;
  reference: string | null;
  requestId: string;
};

export const PAPER_PARAMETERS = { service: 'paper_transactions', maxWorkers: 'max_workers_without_paper' } as const;

export async function recordPaperTransaction(
  deps: Pick<Deps, 'database' | 'clock' | 'labour'>,
  input: PaperTransactionInput,
): Promise<PaperTransactionRow> {
  const officeId = requireOffice(input.officer);
  const db = deps.database.db;
  const now = deps.clock.now();
  const params = await loadParameters(db, PAPER_PARAMETERS.service, kingdomToday(now));
  const maxWorkersWithoutPaper = params.get(PAPER_PARAMETERS.maxWorkers);

  // Asked before anything is written: the labour ministry down is a 503 with nothing recorded.
  const establishment = await deps.labour.findEstablishment(input.establishmentId);
  if (!establishment) throw new AppError('establishment_unknown');
  if (!paperAllowed(input.service, establishment.workerCount, maxWorkersWithoutPaper)) {
    throw new AppError('paper_transaction_not_allowed', {
      service: input.service,
      workerCount: establishment.workerCount,
      maxWorkersWithoutPaper,
      eService: `/api/v1/services/${input.service}/requests`,
    });
  }

  const row: PaperTransactionRow = {
    id: newId(),
    officeId,
    officerAccountId: input.officer.accountId,
    establishmentId: establishment.id,
    service: input.service,
    beneficiaryIdNumber: input.beneficiaryIdNumber,
    reference: input.reference,
    at: now,
  };
  await db.transaction(async (tx) => {
    await tx.insert(paperTransactions).values(row);
    await audit(tx, {
      at: now,
      action: 'paper_transaction.recorded',
      actor: { kind: 'officer', id: input.officer.accountId },
      subjectIdNumber: input.beneficiaryIdNumber,
      channel: 'office',
      requestId: input.requestId,
      details: { paperTransactionId: row.id, officeId, establishmentId: establishment.id, service: input.service, workerCount: establishment.workerCount },
    });
  });
  return row;
}

export type PaperTransactionPage = { transactions: PaperTransactionRow[]; nextCursor: string | null };

/** The officer's office's paper transactions, newest first; `before` is a cursor from the previous page. */
export async function listPaperTransactions(
  deps: Pick<Deps, 'database'>,
  input: { officer: Officer; limit: number; before?: string | undefined },
): Promise<PaperTransactionPage> {
  const officeId = requireOffice(input.officer);
  const rows = await pageOfOffice(deps.database.db, officeId, input.limit + 1, input.before ? decodeCursor(input.before) : null);
  const page = rows.slice(0, input.limit);
  return { transactions: page, nextCursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!) : null };
}

type Cursor = { at: Date; id: string };

function pageOfOffice(db: Executor, officeId: string, limit: number, before: Cursor | null) {
  const older = before ? or(lt(paperTransactions.at, before.at), and(eq(paperTransactions.at, before.at), lt(paperTransactions.id, before.id))) : undefined;
  return db
    .select()
    .from(paperTransactions)
    .where(and(eq(paperTransactions.officeId, officeId), older))
    .orderBy(desc(paperTransactions.at), desc(paperTransactions.id))
    .limit(limit);
}

export function encodeCursor(row: { at: Date; id: string }): string {
  return `${row.at.getTime()}.${row.id}`;
}

export function decodeCursor(cursor: string): Cursor {
  const [ms, id] = cursor.split('.') as [string, string];
  return { at: new Date(Number(ms)), id };
}

function requireOffice(officer: Officer): string {
  // A paper transaction happens at an office; a staff account without one has nowhere to record it.
  if (!officer.officeId) throw new AppError('officer_without_office');
  return officer.officeId;
}
