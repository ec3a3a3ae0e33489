// The texts of the SMS messages, in the recipient's language. The code is the only variable
// part of a code message, so that it can be purged from the outbox once delivered.
import type { Language } from '../../errors';

const codeTexts = {
  registration: {
    ar: (code: string) => `رمز التحقق لتسجيلك في أبشر: ${code}\nصالح لمدة 5 دقائق. لا تشاركه مع أحد.`,
    en: (code: string) => `Your Absher registration code: ${code}\nValid for 5 minutes. Do not share it with anyone.`,
  },
  login: {
    ar: (code: string) => `رمز الدخول إلى أبشر: ${code}\nصالح لمدة 5 دقائق. لن نطلبه منك بالهاتف أبداً.`,
    en: (code: string) => `Your Absher login code: ${code}\nValid for 5 minutes. We will never ask for it by phone.`,
  },
  password_reset: {
    ar: (code: string) => `رمز استعادة كلمة المرور في أبشر: ${code}\nصالح لمدة 5 دقائق. إن لم تطلبه فتجاهل الرسالة.`,
    en: (code: string) => `Your Absher password reset code: ${code}\nValid for 5 minutes. If you did not ask for it, ignore this message.`,
  },
} as const;

export type CodePurpose = keyof typeof codeTexts;

export function codeMessage(purpose: CodePurpose, code: string, lang: Language): string {
  return codeTexts[purpose][lang](code);
}

const notices = {
  registered: {
    ar: 'تم تسجيلك في أبشر. لتفعيل الحساب: زر أحد مكاتب الجوازات، أو استخدم صرافاً آلياً للراجحي أو الرياض أو سامبا أو الإنماء، أو أجهزة البصمة في المطارات.',
    en: 'You are registered on Absher. To activate your account visit a passports office, use an ATM of Al Rajhi, Riyad Bank, Samba or Alinma, or a fingerprint kiosk at an airport.',
  },
  password_changed: {
    ar: 'تم تغيير كلمة المرور لحسابك في أبشر وإنهاء جلساتك الأخرى. إن لم تقم بذلك فراجع مكتب الجوازات فوراً.',
    en: 'Your Absher password was changed and your other sessions were ended. If this was not you, contact a passports office at once.',
  },
} as const;

export type NoticeKind = keyof typeof notices;

export function noticeMessage(kind: NoticeKind, lang: Language): string {
  return notices[kind][lang];
}

/** What an e-authorization notice says: who authorized, for what, and for how long. */
export type DelegationNoticeFacts = { grantorName: string; services: string; startsOn: string; endsOn: string };

const delegationNotices = {
  granted: {
    ar: (f: DelegationNoticeFacts) =>
      `أبشر: فوّضك ${f.grantorName} في: ${f.services}، من ${f.startsOn} إلى ${f.endsOn}. كل ما تنفذه نيابةً عنه يُسجَّل ويطّلع عليه.`,
    en: (f: DelegationNoticeFacts) =>
      `Absher: ${f.grantorName} has authorized you for: ${f.services}, from ${f.startsOn} to ${f.endsOn}. Everything you do on their behalf is recorded and shown to them.`,
  },
  revoked: {
    ar: (f: DelegationNoticeFacts) => `أبشر: ألغى ${f.grantorName} تفويضه لك في: ${f.services}. لم يعد بإمكانك تنفيذها نيابةً عنه.`,
    en: (f: DelegationNoticeFacts) => `Absher: ${f.grantorName} has revoked your authorization for: ${f.services}. You can no longer carry them out on their behalf.`,
  },
} as const;

export function delegationNotice(kind: keyof typeof delegationNotices, facts: DelegationNoticeFacts, lang: Language): string {
  return delegationNotices[kind][lang](facts);
}

/**
 * What an expiry reminder says: whose document, which one, and its last day in both calendars.
 * A resident cannot renew their own iqama; their sponsor does, so they are pointed there.
 */
export type ExpiryReminderFacts = {
  document: 'passport' | 'iqama';
  whose: 'own' | 'dependent' | 'worker';
  /** The holder's name in the message's language, for a dependent's or a worker's document. */
  name: string;
  expiresOn: string;
  /** The Hijri date in words, in the message's language. */
  hijri: string;
};

const expiryReminders = {
  ar: (f: ExpiryReminderFacts) => {
    const when = `في ${f.expiresOn} (${f.hijri})`;
    if (f.whose === 'own') {
      return f.document === 'passport' ? `أبشر: ينتهي جواز سفرك ${when}. جدّده عبر أبشر قبل انتهائه.` : `أبشر: تنتهي إقامتك ${when}. راجع كفيلك لتجديدها قبل انتهائها.`;
    }
    const who = f.whose === 'dependent' ? 'أحد أفراد أسرتك' : 'من عمالتك المنزلية';
    return `أبشر: تنتهي إقامة ${f.name} (${who}) ${when}. جدّدها عبر أبشر قبل انتهائها.`;
  },
  en: (f: ExpiryReminderFacts) => {
    const when = `on ${f.expiresOn} (${f.hijri})`;
    if (f.whose === 'own') {
      return f.document === 'passport' ? `Absher: your passport expires ${when}. Renew it through Absher before then.` : `Absher: your iqama expires ${when}. Ask your sponsor to renew it before then.`;
    }
    const who = f.whose === 'dependent' ? 'a member of your family' : 'your domestic worker';
    return `Absher: the iqama of ${f.name} (${who}) expires ${when}. Renew it through Absher before then.`;
  },
} as const;

export function expiryReminderMessage(facts: ExpiryReminderFacts, lang: Language): string {
  return expiryReminders[lang](facts);
}
