// The audit log is append-only and written in the same transaction as the change it
// records: a use case passes its transaction here, never the global connection.
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';
import { insertInto, type Insert } from '../db/writes';

export type AuditChannel = 'web' | 'api' | 'atm' | 'kiosk' | 'office' | 'system';

export type AuditEntry = {
  at: Date;
  action: string;
  actor: { kind: 'account' | 'officer' | 'channel' | 'system' | 'anonymous'; id?: string | null };
  subjectAccountId?: string | null;
  /** The person the action touched, by identity number, whether or not they have an account. */
  subjectIdNumber?: string | null;
  onBehalfOf?: string | null;
  channel: AuditChannel;
  requestId?: string | null;
  /** Never personal data beyond ids: no codes, passwords, mobiles. */
  details?: Record<string, unknown>;
};

export async function audit(tx: Executor, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(e));
}

/**
 * The audit record's INSERT, not yet run: a use case that writes its change in one statement
 * runs it there, beside the change (see `db/writes.ts`).
 */
export function auditInsert(tx: Executor, e: AuditEntry): Insert {
  return insertInto(tx, auditLog, auditRow(e));
}

function auditRow(e: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: e.at,
    action: e.action,
    actorKind: e.actor.kind,
    actorId: e.actor.id ?? null,
    subjectAccountId: e.subjectAccountId ?? null,
    subjectIdNumber: e.subjectIdNumber ?? null,
    onBehalfOf: e.onBehalfOf ?? null,
    channel: e.channel,
    requestId: e.requestId ?? null,
    details: e.details ?? {},
  };
}
