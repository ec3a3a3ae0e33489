// The SMS a delegate receives when an authorization is given or revoked, in their language.
import { delegationNotice } from '../sms/messages';
import type { DelegationRow } from './repository';
import { serviceName } from './establishment-scope';
import type { Names } from './names';
import { periodDays } from './rules';

export function noticeFor(kind: 'granted' | 'revoked', d: DelegationRow, grantorName: Names, lang: 'ar' | 'en'): string {
  const { startsOn, endsOn } = periodDays(d.startsAt, d.endsAt);
  const services = d.services.map((code) => serviceName(code)[lang]).join(lang === 'ar' ? '، ' : ', ');
  return delegationNotice(kind, { grantorName: grantorName[lang], services, startsOn, endsOn }, lang);
}
