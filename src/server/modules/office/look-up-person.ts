// An officer looks a person up before activating their account. The view itself is audited:
// the person will be able to see which office looked at their data, and when.
import type { Deps } from '../../deps';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { AppError } from '../../errors';
import { audit } from '../../platform/audit';
import { hmacSha256 } from '../../platform/crypto';
import { findAccountByIdNumber, type AccountActivationRow } from '../activations/repository';
import type { Officer } from './activate-at-office';

export type PersonLookup = { person: RegistryPerson; account: AccountActivationRow | null };

export async function lookUpPerson(
  deps: Pick<Deps, 'database' | 'clock' | 'registry' | 'config'>,
  input: { officer: Officer; idNumber: string; requestId: string },
): Promise<PersonLookup> {
  const person = await deps.registry.findPerson(input.idNumber);
  if (!person) throw new AppError('person_not_found');
  const db = deps.database.db;
  const account = (await findAccountByIdNumber(db, input.idNumber)) ?? null;

  // Written before anything is shown: a view that could not be recorded does not happen.
  await audit(db, {
    at: deps.clock.now(),
    action: 'person.viewed',
    actor: { kind: 'officer', id: input.officer.accountId },
    subjectAccountId: account?.id ?? null,
    channel: 'office',
    requestId: input.requestId,
    details: {
      officeId: input.officer.officeId,
      // Without an account there is no subject to attach the view to; a keyed pseudonym (not
      // the number) lets the view be shown to the person once they register.
      ...(account ? {} : { personRef: personRef(deps.config.secretKey, input.idNumber) }),
    },
  });
  return { person, account };
}

export function personRef(secretKey: string, idNumber: string): string {
  return hmacSha256(secretKey, `person-view:${idNumber}`).toString('hex');
}
