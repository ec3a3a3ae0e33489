// What each audited action means to the person it was about, in Arabic and English. An
// action without a label here is still shown, with its family's label or a general one, so
// that a new action never disappears from anyone's log.
import type { Text } from '../../services/definition';

export const ACTION_LABELS = {
  'registration.started': { ar: 'بدء التسجيل في أبشر', en: 'Registration on Absher started' },
  'registration.mobile_verified': { ar: 'التحقق من رقم الجوال للتسجيل', en: 'Mobile number verified for registration' },
  'account.registered': { ar: 'إنشاء حسابك في أبشر', en: 'Your Absher account was created' },
  'account.activated': { ar: 'تفعيل حسابك', en: 'Your account was activated' },
  'account.activation_refused': { ar: 'رفض محاولة لتفعيل حسابك', en: 'An attempt to activate your account was refused' },
  'login.password_rejected': { ar: 'إدخال كلمة مرور خاطئة لحسابك', en: 'A wrong password was entered for your account' },
  'login.password_accepted': { ar: 'إدخال كلمة المرور الصحيحة وإرسال رمز الدخول', en: 'The right password was entered and a login code sent' },
  'login.refused': { ar: 'رفض الدخول إلى حسابك', en: 'A login to your account was refused' },
  'session.created': { ar: 'تسجيل الدخول إلى حسابك', en: 'Logged in to your account' },
  'session.ended': { ar: 'تسجيل الخروج', en: 'Logged out' },
  'password_reset.started': { ar: 'طلب استعادة كلمة المرور', en: 'A password reset was requested' },
  'password_reset.unmatched': { ar: 'طلب استعادة كلمة مرور لم يطابق حساباً', en: 'A password reset that matched no account' },
  'password.reset': { ar: 'تغيير كلمة المرور عبر الاستعادة', en: 'The password was changed through a reset' },
  'person.viewed': { ar: 'اطلاع موظف جوازات على بياناتك', en: 'A passports officer looked up your record' },
  'documents.viewed': { ar: 'الاطلاع على وثائقك', en: 'Your documents were viewed' },
  'documents.summary_viewed': { ar: 'الاطلاع على تواريخ انتهاء وثائقك', en: 'The expiry dates of your documents were viewed' },
  'request.quoted': { ar: 'الاستعلام عن أهلية طلب خدمة', en: 'The eligibility for a service was checked' },
  'request.created': { ar: 'تقديم طلب خدمة', en: 'A service request was made' },
  'request.awaiting_consent': { ar: 'طلب بانتظار موافقة ولي الأمر', en: 'A request awaits a guardian’s consent' },
  'request.awaiting_payment': { ar: 'طلب بانتظار سداد الرسوم', en: 'A request awaits payment' },
  'request.submitted': { ar: 'استكمال طلب خدمة', en: 'A service request was submitted' },
  'request.issued': { ar: 'إصدار طلب خدمة', en: 'A service request was issued' },
  'request.rejected': { ar: 'رفض طلب خدمة', en: 'A service request was rejected' },
  'request.cancelled': { ar: 'إلغاء طلب خدمة', en: 'A service request was cancelled' },
  'bill.paid': { ar: 'سداد فاتورة طلب خدمة', en: 'The bill of a service request was paid' },
  'delegation.granted': { ar: 'منح تفويض إلكتروني', en: 'An e-authorization was given' },
  'delegation.revoked': { ar: 'إلغاء تفويض إلكتروني', en: 'An e-authorization was revoked' },
  'establishment.opened': { ar: 'فتح منشأتك في أبشر', en: 'Your establishment was opened on Absher' },
  'establishment.workers_viewed': { ar: 'اطلاع صاحب العمل على بيانات إقامتك وجوازك', en: 'Your employer viewed your iqama and passport details' },
  'establishment.workers_exported': { ar: 'تصدير صاحب العمل لبيانات إقامتك وجوازك', en: 'Your employer exported your iqama and passport details' },
} as const satisfies Record<string, Text>;

const FAMILY_LABELS: Record<string, Text> = {
  request: { ar: 'إجراء على طلب خدمة', en: 'An action on a service request' },
  delegation: { ar: 'إجراء على تفويض إلكتروني', en: 'An action on an e-authorization' },
  documents: { ar: 'إجراء على وثائقك', en: 'An action on your documents' },
  passport: { ar: 'إجراء على جواز سفرك', en: 'An action on your passport' },
  iqama: { ar: 'إجراء على إقامتك', en: 'An action on your iqama' },
  establishment: { ar: 'إجراء من صاحب العمل على بياناتك', en: 'An action by your employer on your records' },
};

const GENERAL_LABEL: Text = { ar: 'إجراء على بياناتك', en: 'An action on your records' };

export function actionLabel(action: string): Text {
  return (ACTION_LABELS as Record<string, Text>)[action] ?? FAMILY_LABELS[action.split('.')[0] ?? ''] ?? GENERAL_LABEL;
}
