// The SMS sent when a request is decided, in the applicant's language.
import type { serviceRequests } from '../../db/schema';
import type { Language } from '../../errors';
import { findService } from '../catalogue';

export function requestNotice(kind: 'issued' | 'rejected', r: typeof serviceRequests.$inferSelect, lang: Language): string {
  const name = findService(r.service)?.name[lang] ?? r.service;
  if (lang === 'en') {
    return kind === 'issued'
      ? `Absher: your request ${r.number} (${name}) has been issued. Details are in your account.`
      : `Absher: your request ${r.number} (${name}) was not approved. The reasons are in your account.`;
  }
  return kind === 'issued'
    ? `أبشر: صدر طلبك رقم ${r.number} (${name}). التفاصيل في حسابك.`
    : `أبشر: لم تتم الموافقة على طلبك رقم ${r.number} (${name}). الأسباب في حسابك.`;
}
