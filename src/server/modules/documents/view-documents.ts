// Reading documents: the holder's own, those of the people they act for (family members in
// the registry, residents they sponsor), and the list of those people. Every view of someone's
// records is written to the audit log before anything is shown, in a small transaction of its
// own: people see who looked at their data, so a view that could not be recorded does not happen.
import type { Deps } from '../../deps';
import type { FamilyLink, RegistryPerson } from '../../adapters/population-registry/port';
import { AppError } from '../../errors';
import { audit, type AuditChannel } from '../../platform/audit';
import type { PersonalRelation as Relation } from '../../services/definition';
import { relationOf } from '../../services/engine/acting';
import { kingdomToday } from '../../services/engine/requests';
import { accountIdsOf, issuedDocumentsOf, type IssuedDocumentRow } from './repository';

export type Viewer = { accountId: string; idNumber: string };
export type ViewMeta = { requestId: string; channel: AuditChannel };
type ViewDeps = Pick<Deps, 'database' | 'clock' | 'registry'>;

/** A full view (numbers and every issued document) or the expiries shown in the list of people. */
export type ViewAction = 'documents.viewed' | 'documents.summary_viewed';

export type DocumentsOf = { person: RegistryPerson; relation: Relation; issued: IssuedDocumentRow[]; today: string };

export type PersonEntry = { person: RegistryPerson; relation: Exclude<Relation, 'self'>; familyRelation: FamilyLink['relation'] | null };

export async function viewDocuments(deps: ViewDeps, viewer: Viewer, idNumber: string, meta: ViewMeta): Promise<DocumentsOf> {
  const person = await deps.registry.findPerson(idNumber);
  if (!person && idNumber === viewer.idNumber) throw new AppError('person_not_found');
  // An unknown number answers like a stranger's, so the endpoint cannot probe who exists.
  const relation = person ? await relationOf(deps, viewer.idNumber, person) : null;
  if (!person || !relation) throw new AppError('not_your_beneficiary');
  const issued = await issuedDocumentsOf(deps.database.db, person.idNumber);
  await recordViews(deps, viewer, [{ idNumber: person.idNumber, relation }], 'documents.viewed', meta);
  return { person, relation, issued, today: kingdomToday(deps.clock.now()) };
}

/** The people the viewer may act for: their family in the registry, then the residents they sponsor. */
export async function listPeople(deps: ViewDeps, viewer: Viewer, meta: ViewMeta): Promise<{ people: PersonEntry[]; today: string }> {
  const [links, sponsored] = await Promise.all([deps.registry.familyOf(viewer.idNumber), deps.registry.sponsoredBy(viewer.idNumber)]);
  const members = await Promise.all(links.map((l) => deps.registry.findPerson(l.memberIdNumber)));
  const people: PersonEntry[] = [];
  const seen = new Set<string>([viewer.idNumber]);
  links.forEach((link, i) => {
    const person = members[i];
    if (!person || seen.has(person.idNumber)) return;
    seen.add(person.idNumber);
    people.push({ person, relation: 'family', familyRelation: link.relation });
  });
  for (const person of sponsored) {
    if (seen.has(person.idNumber)) continue;
    seen.add(person.idNumber);
    people.push({ person, relation: 'domestic_worker', familyRelation: null });
  }
  await recordViews(
    deps,
    viewer,
    people.map((p) => ({ idNumber: p.person.idNumber, relation: p.relation })),
    'documents.summary_viewed',
    meta,
  );
  return { people, today: kingdomToday(deps.clock.now()) };
}

async function recordViews(deps: ViewDeps, viewer: Viewer, viewed: Array<{ idNumber: string; relation: Relation }>, action: ViewAction, meta: ViewMeta): Promise<void> {
  if (viewed.length === 0) return;
  const db = deps.database.db;
  const accountIds = await accountIdsOf(
    db,
    viewed.map((v) => v.idNumber),
  );
  const at = deps.clock.now();
  await db.transaction(async (tx) => {
    for (const v of viewed) {
      await audit(tx, {
        at,
        action,
        actor: { kind: 'account', id: viewer.accountId },
        subjectAccountId: accountIds.get(v.idNumber) ?? null,
        subjectIdNumber: v.idNumber,
        channel: meta.channel,
        requestId: meta.requestId,
        // How the viewer stood to the person then, which the registry may no longer say later.
        details: { relation: v.relation },
      });
    }
  });
}
