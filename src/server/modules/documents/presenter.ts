// What leaves about documents and people: the fields listed here, nothing else. No mobile,
// birth date, sponsor or profession; the registry's record stays in the registry.
import { datePair, daysBetween } from '../../../domain/calendar';
import type { RegistryPerson } from '../../adapters/population-registry/port';
import { documentStatus } from './document-status';
import type { IssuedDocumentRow } from './repository';
import type { DocumentsOf, PersonEntry } from './view-documents';

/** The facts about an issued document a holder may read; the rest of `details` is internal. */
const DETAIL_FIELDS = ['type', 'durationMonths', 'validityDays', 'validityYears'] as const;

function dated(expiresOn: string, today: string) {
  return { expiresOn: datePair(expiresOn), daysLeft: daysBetween(today, expiresOn) };
}

function registryDocuments(person: RegistryPerson, today: string) {
  const { passport, iqama } = person;
  return {
    passport: passport
      ? { number: passport.number, issuedOn: datePair(passport.issuedOn), ...dated(passport.expiresOn, today), status: documentStatus('valid', passport.expiresOn, today) }
      : null,
    // The registry keeps no issue date for an iqama; its number is the holder's identity number.
    iqama: iqama ? { number: iqama.number, issuedOn: null, ...dated(iqama.expiresOn, today), status: documentStatus('valid', iqama.expiresOn, today) } : null,
  };
}

export function presentIssued(row: IssuedDocumentRow, today: string) {
  const details: Record<string, string | number> = {};
  for (const key of DETAIL_FIELDS) {
    const v = row.details[key];
    if (typeof v === 'string' || typeof v === 'number') details[key] = v;
  }
  return {
    kind: row.kind,
    number: row.number,
    issuedOn: datePair(row.issuedOn),
    ...dated(row.expiresOn, today),
    status: documentStatus(row.status, row.expiresOn, today),
    requestId: row.requestId,
    details,
  };
}

export function presentDocuments(view: DocumentsOf) {
  const { person, relation, issued, today } = view;
  return {
    holder: { idNumber: person.idNumber, kind: person.kind, name: { ar: person.name.ar, en: person.name.en } },
    relation,
    today: datePair(today),
    ...registryDocuments(person, today),
    issued: issued.map((d) => presentIssued(d, today)),
  };
}

function expiry(doc: { expiresOn: string } | null, today: string) {
  return doc ? { ...dated(doc.expiresOn, today), status: documentStatus('valid', doc.expiresOn, today) } : null;
}

/** In the list only the expiries: the numbers are in each person's own documents view. */
export function presentPeople(view: { people: PersonEntry[]; today: string }) {
  return {
    today: datePair(view.today),
    people: view.people.map(({ person, relation, familyRelation }) => ({
      idNumber: person.idNumber,
      kind: person.kind,
      name: { ar: person.name.ar, en: person.name.en },
      relation,
      familyRelation,
      passport: expiry(person.passport, view.today),
      iqama: expiry(person.iqama, view.today),
    })),
  };
}
