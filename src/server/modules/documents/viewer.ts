// The logged-in holder as the reader of records: their account and identity number. The
// 'account' access has put the session on the request.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps';
import { accounts } from '../../db/schema';
import { AppError } from '../../errors';
import type { Viewer } from './view-documents';

export async function viewerOf(deps: Pick<Deps, 'database'>, req: FastifyRequest): Promise<Viewer> {
  const accountId = req.session!.accountId;
  const [a] = await deps.database.db.select({ idNumber: accounts.idNumber }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!a) throw new AppError('account_not_found');
  return { accountId, idNumber: a.idNumber };
}
