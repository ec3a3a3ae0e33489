// Reads and writes of the account rows that activation touches.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { accounts } from '../../db/schema';
import type { ActivationChannel } from './activation-rules';

const activationColumns = {
  id: accounts.id,
  idNumber: accounts.idNumber,
  mobile: accounts.mobile,
  language: accounts.language,
  status: accounts.status,
  activationChannel: accounts.activationChannel,
  activationLocation: accounts.activationLocation,
  activatedAt: accounts.activatedAt,
};

export type AccountActivationRow = {
  id: string;
  idNumber: string;
  mobile: string;
  language: 'ar' | 'en';
  status: 'registered' | 'active' | 'suspended';
  activationChannel: ActivationChannel | null;
  activationLocation: string | null;
  activatedAt: Date | null;
};

export async function findAccountByIdNumber(ex: Executor, idNumber: string): Promise<AccountActivationRow | undefined> {
  const [row] = await ex.select(activationColumns).from(accounts).where(eq(accounts.idNumber, idNumber)).limit(1);
  return row;
}

/**
 * Activates the account only if it is still registered, in one statement: among concurrent
 * requests exactly one gets the row back, the others get nothing and re-read.
 */
export async function activateIfRegistered(
  tx: Executor,
  idNumber: string,
  activation: { channel: ActivationChannel; location: string; at: Date; by: string | null },
): Promise<AccountActivationRow | undefined> {
  const [row] = await tx
    .update(accounts)
    .set({
      status: 'active',
      activationChannel: activation.channel,
      activationLocation: activation.location,
      activatedAt: activation.at,
      activatedBy: activation.by,
    })
    .where(and(eq(accounts.idNumber, idNumber), eq(accounts.status, 'registered')))
    .returning(activationColumns);
  return row;
}
