// The names of the parties to an authorization. Accounts keep a copy of the registry's names,
// except those loaded in bulk: for those the registry is asked, outside any transaction, and
// a registry that is down leaves the name unknown rather than failing the answer.
import type { Deps } from '../../deps';
import { maskIdNumber } from './rules';

export type Names = { ar: string; en: string };

type Named = { idNumber: string; nameAr: string | null; nameEn: string | null };

export async function namesOf(deps: Pick<Deps, 'registry'>, parties: readonly Named[]): Promise<Map<string, Names | null>> {
  const names = new Map<string, Names | null>();
  const missing = new Set<string>();
  for (const p of parties) {
    if (p.nameAr && p.nameEn) names.set(p.idNumber, { ar: p.nameAr, en: p.nameEn });
    else missing.add(p.idNumber);
  }
  await Promise.all(
    [...missing].map(async (idNumber) => {
      const person = await deps.registry.findPerson(idNumber).catch(() => null);
      names.set(idNumber, person ? { ar: person.name.ar, en: person.name.en } : null);
    }),
  );
  return names;
}

/** For an SMS, which must name someone: the masked identity number when the name is unknown. */
export function nameOrMask(names: Names | null | undefined, idNumber: string): Names {
  return names ?? { ar: maskIdNumber(idNumber), en: maskIdNumber(idNumber) };
}
