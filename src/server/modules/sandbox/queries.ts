// The sandbox's read use cases: a registry person with their family card, a handset's
// inbox, and the demo personas with their accounts as they stand now.
import type { Executor } from '../../db/client';
import { AppError } from '../../errors';
import { PERSONAS, type Persona } from './personas';
import { accountsOf, familyLinksOf, findPersonRow, smsSentTo, type AccountStatusRow, type FamilyLinkRow, type PersonRow, type SmsRow } from './repository';

export type PersonWithFamily = { row: PersonRow; heads: FamilyLinkRow[]; members: FamilyLinkRow[] };

export async function getSandboxPerson(db: Executor, idNumber: string): Promise<PersonWithFamily> {
  const row = await findPersonRow(db, idNumber);
  if (!row) throw new AppError('person_not_found');
  return { row, ...(await familyLinksOf(db, idNumber)) };
}

export function listSandboxSms(db: Executor, to: string, limit: number): Promise<SmsRow[]> {
  return smsSentTo(db, to, limit);
}

export type PersonaWithAccount = { persona: Persona; account: AccountStatusRow | null };

export async function listPersonas(db: Executor): Promise<PersonaWithAccount[]> {
  const found = await accountsOf(
    db,
    PERSONAS.map((p) => p.person.idNumber),
  );
  const byId = new Map(found.map((a) => [a.idNumber, a]));
  return PERSONAS.map((persona) => ({ persona, account: byId.get(persona.person.idNumber) ?? null }));
}
