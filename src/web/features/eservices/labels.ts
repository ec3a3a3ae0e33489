// The words for the codes the e-services API answers with; an unknown code is shown as is.
import type { TFunction } from 'i18next';
import { ar } from '../../i18n/ar';

const E = ar.eservices;

function has<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function paramLabel(t: TFunction, key: string): string {
  return has(E.params, key) ? t(`eservices.params.${key}`) : key;
}

export function documentKindLabel(t: TFunction, kind: string): string {
  return has(E.documents.kinds, kind) ? t(`eservices.documents.kinds.${kind}`) : kind;
}

export function documentStatusLabel(t: TFunction, status: string): string {
  return has(E.documents.statuses, status) ? t(`eservices.documents.statuses.${status}`) : status;
}

export function requestStatusLabel(t: TFunction, status: string): string {
  return has(E.requests.statuses, status) ? t(`eservices.requests.statuses.${status}`) : status;
}

export function billStatusLabel(t: TFunction, status: string): string {
  return has(E.bills.statuses, status) ? t(`eservices.bills.statuses.${status}`) : status;
}

export function relationLabel(t: TFunction, relation: string, familyRelation: string | null): string {
  if (familyRelation && has(E.people.familyRelations, familyRelation)) return t(`eservices.people.familyRelations.${familyRelation}`);
  return has(E.people.relations, relation) ? t(`eservices.people.relations.${relation}`) : relation;
}

export function documentStatusColor(status: string): string {
  return status === 'valid' ? 'absher' : status === 'expiring_soon' ? 'orange' : status === 'expired' ? 'red' : 'gray';
}

export function requestStatusColor(status: string): string {
  return status === 'issued' ? 'absher' : status === 'rejected' || status === 'cancelled' ? 'red' : 'orange';
}
