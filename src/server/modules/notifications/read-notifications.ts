// The account holder's notifications: a page of the notices sent to their mobile, newest first.
import type { Deps } from '../../deps';
import { noticesFor, type Cursor, type NoticeRow } from './repository';

export type NotificationsPage = { rows: NoticeRow[]; nextCursor: string | null };

export function encodeCursor(row: Pick<NoticeRow, 'createdAt' | 'id'>): string {
  return `${row.createdAt.getTime()}.${row.id}`;
}

export function decodeCursor(cursor: string): Cursor {
  const dot = cursor.indexOf('.');
  return { at: new Date(Number(cursor.slice(0, dot))), id: cursor.slice(dot + 1).toLowerCase() };
}

export async function readNotifications(deps: Pick<Deps, 'database'>, accountId: string, opts: { limit: number; before?: string | undefined }): Promise<NotificationsPage> {
  const rows = await noticesFor(deps.database.db, accountId, opts.limit + 1, opts.before ? decodeCursor(opts.before) : null);
  const page = rows.slice(0, opts.limit);
  return { rows: page, nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!) : null };
}
