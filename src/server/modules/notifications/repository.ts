// The notices the SMS outbox queued for an account's registered mobile. The outbox records the
// number, not the account, and a number can pass to someone else or be given by two people.
// So a notice is the account's own only when, at the time it was queued, this account held
// the number and no other account did: nothing from before the account was created (a
// previous holder's), nothing from once another account registered with the same number.
// One-time codes are never read here.
import { and, desc, eq, gte, lt, lte, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { isConstant } from '../../db/predicates';
import { accounts, smsOutbox } from '../../db/schema';

export type Cursor = { at: Date; id: string };
export type NoticeRow = { id: string; body: string; status: 'pending' | 'sent' | 'failed'; createdAt: Date };

const other = alias(accounts, 'other_holder');

export async function noticesFor(db: Executor, accountId: string, limit: number, before: Cursor | null): Promise<NoticeRow[]> {
  const older = before ? or(lt(smsOutbox.createdAt, before.at), and(eq(smsOutbox.createdAt, before.at), lt(smsOutbox.id, before.id))) : undefined;
  const sharedThen = db
    .select({ one: sql`1` })
    .from(other)
    .where(and(eq(other.mobile, accounts.mobile), ne(other.id, accounts.id), lte(other.createdAt, smsOutbox.createdAt)));
  return db
    .select({ id: smsOutbox.id, body: smsOutbox.body, status: smsOutbox.status, createdAt: smsOutbox.createdAt })
    .from(smsOutbox)
    .innerJoin(accounts, and(eq(accounts.id, accountId), eq(smsOutbox.to, accounts.mobile), gte(smsOutbox.createdAt, accounts.createdAt)))
    .where(and(isConstant(smsOutbox.kind, 'notice'), older, notExists(sharedThen)))
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
    .limit(limit);
}
