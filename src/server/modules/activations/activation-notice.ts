// The SMS notice sent when an account is activated, in the holder's language: by which
// channel, where and when. It tells the holder at once if someone else proved their identity.
import type { Language } from '../../errors';
import { HOUR } from '../../platform/clock';
import type { ActivationChannel } from './activation-rules';

export type PlaceName = { ar: string; en: string };

/** Display names of the known channel clients; an unknown client is named by its id. */
const CLIENT_NAMES: Record<string, PlaceName> = {
  'atm-alrajhi': { ar: 'مصرف الراجحي', en: 'Al Rajhi Bank' },
  'atm-riyadbank': { ar: 'بنك الرياض', en: 'Riyad Bank' },
  'atm-samba': { ar: 'سامبا', en: 'Samba' },
  'atm-alinma': { ar: 'مصرف الإنماء', en: 'Alinma Bank' },
  'kiosk-airports': { ar: 'المطارات', en: 'airports' },
};

export function channelClientName(clientId: string): PlaceName {
  return CLIENT_NAMES[clientId] ?? { ar: clientId, en: clientId };
}

const CHANNEL_NAMES = {
  office: { ar: 'مكتب الجوازات', en: 'a passports office' },
  atm: { ar: 'صراف آلي', en: 'an ATM' },
  kiosk: { ar: 'جهاز الخدمة الذاتية بالبصمة', en: 'a fingerprint self-service kiosk' },
} as const satisfies Record<ActivationChannel, PlaceName>;

/** Saudi Arabia keeps UTC+3 all year (no daylight saving), so a fixed offset is exact. */
function riyadhTime(at: Date): string {
  return new Date(at.getTime() + 3 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

export function activationNotice(lang: Language, channel: ActivationChannel, place: PlaceName, at: Date): string {
  const when = riyadhTime(at);
  const how = CHANNEL_NAMES[channel];
  return lang === 'en'
    ? `Your Absher account was activated at ${how.en} (${place.en}) on ${when} Riyadh time. If this was not you, visit a passports office at once.`
    : `تم تفعيل حسابك في أبشر عبر ${how.ar} (${place.ar}) في ${when} بتوقيت الرياض. إن لم تكن أنت فراجع مكتب الجوازات فوراً.`;
}
