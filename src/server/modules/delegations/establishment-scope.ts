// Staff authorizations: an establishment's owner authorizes a citizen for named services of
// the establishment only. They are e-authorizations (the same rows, period and revocation
// rules) scoped by the establishment's unified number, for the services an establishment
// carries out for its workers; they never reach the owner's personal records, and a personal
// authorization never reaches the establishment.
import { findService } from '../../services/catalogue';
import type { Refusal } from './rules';

export const ESTABLISHMENT_SERVICES = [
  'iqama_issue',
  'iqama_renew',
  'exit_reentry_visa',
  'final_exit_visa',
  'profession_change',
  'transfer_of_services',
  'transfer_of_information',
] as const;
export type EstablishmentService = (typeof ESTABLISHMENT_SERVICES)[number];

/** The names used until a service's module is in the catalogue (then the catalogue's name wins). */
const NAMES: Record<EstablishmentService, { ar: string; en: string }> = {
  iqama_issue: { ar: 'إصدار إقامة', en: 'Issue an iqama' },
  iqama_renew: { ar: 'تجديد إقامة', en: 'Renew an iqama' },
  exit_reentry_visa: { ar: 'تأشيرة خروج وعودة', en: 'Exit and re-entry visa' },
  final_exit_visa: { ar: 'تأشيرة خروج نهائي', en: 'Final exit visa' },
  profession_change: { ar: 'تعديل المهنة', en: 'Profession change' },
  transfer_of_services: { ar: 'نقل الخدمات', en: 'Transfer of services' },
  transfer_of_information: { ar: 'نقل المعلومات', en: 'Transfer of information' },
};

export function serviceName(code: string): { ar: string; en: string } {
  return findService(code)?.name ?? NAMES[code as EstablishmentService] ?? { ar: code, en: code };
}

/** Every service named must be one an establishment carries out; the others go back in details. */
export function staffServicesRefusal(codes: readonly string[]): Refusal | null {
  const allowed = new Set<string>(ESTABLISHMENT_SERVICES);
  const outside = codes.filter((c) => !allowed.has(c));
  return outside.length > 0 ? { code: 'staff_service_not_allowed', details: { services: outside, allowed: [...ESTABLISHMENT_SERVICES] } } : null;
}
