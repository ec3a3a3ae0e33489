// Errors carry stable codes, never HTTP statuses: the edge maps each code to its status
// once, here, and picks the Arabic or English message by Accept-Language.

type Entry = { status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503; ar: string; en: string };

export const errorCatalogue = {
  // input
  invalid_input: { status: 400, ar: 'البيانات المدخلة غير صحيحة.', en: 'The request is not valid.' },
  malformed_json: { status: 400, ar: 'تعذّرت قراءة الطلب: صيغة JSON غير صحيحة.', en: 'The request body is not valid JSON.' },
  body_too_large: { status: 413, ar: 'حجم الطلب أكبر من المسموح.', en: 'The request body is too large.' },
  unsupported_media_type: { status: 415, ar: 'نوع المحتوى غير مدعوم؛ استخدم JSON.', en: 'Unsupported content type; send JSON.' },
  invalid_id_number: { status: 400, ar: 'رقم الهوية غير صحيح: عشرة أرقام تبدأ بـ1 للمواطن أو 2 للمقيم.', en: 'The identity number is not valid: ten digits starting with 1 for a citizen or 2 for a resident.' },
  invalid_mobile: { status: 400, ar: 'رقم الجوال غير صحيح: يُقبل رقم جوال سعودي فقط.', en: 'The mobile number is not valid: only Saudi mobiles are accepted.' },
  invalid_code: { status: 400, ar: 'رمز التحقق يتكون من ستة أرقام.', en: 'The verification code has six digits.' },

  // authentication
  not_authenticated: { status: 401, ar: 'يجب تسجيل الدخول أولاً.', en: 'You need to log in first.' },
  session_expired: { status: 401, ar: 'انتهت الجلسة؛ سجّل الدخول مرة أخرى.', en: 'Your session has ended; please log in again.' },
  invalid_credentials: { status: 401, ar: 'اسم المستخدم أو كلمة المرور غير صحيحة.', en: 'The login or password is not correct.' },
  csrf_token_invalid: { status: 403, ar: 'تعذّر التحقق من مصدر الطلب؛ أعد تحميل الصفحة.', en: 'The request could not be verified; reload the page.' },
  forbidden: { status: 403, ar: 'ليست لديك صلاحية لهذا الإجراء.', en: 'You are not allowed to do this.' },
  account_not_activated: {
    status: 403,
    ar: 'الحساب مسجّل ولم يُفعَّل بعد. فعّله بزيارة أحد مكاتب الجوازات، أو عبر صراف آلي لأحد البنوك (الراجحي، الرياض، سامبا، الإنماء)، أو بالبصمة في أجهزة الخدمة الذاتية بالمطارات.',
    en: 'The account is registered but not yet activated. Activate it at a passports office, at an ATM of Al Rajhi, Riyad Bank, Samba or Alinma, or with your fingerprints at an airport self-service kiosk.',
  },
  account_suspended: { status: 403, ar: 'الحساب موقوف؛ راجع مكتب الجوازات.', en: 'The account is suspended; please contact a passports office.' },

  // one-time codes
  code_incorrect: { status: 422, ar: 'رمز التحقق غير صحيح.', en: 'The verification code is not correct.' },
  code_expired: { status: 422, ar: 'انتهت صلاحية رمز التحقق؛ اطلب رمزاً جديداً.', en: 'The verification code has expired; ask for a new one.' },
  code_attempts_exceeded: { status: 422, ar: 'تجاوزت عدد المحاولات المسموح لهذا الرمز؛ اطلب رمزاً جديداً.', en: 'Too many tries for this code; ask for a new one.' },
  code_already_used: { status: 409, ar: 'استُخدم رمز التحقق من قبل.', en: 'This verification code has already been used.' },
  resend_too_soon: { status: 429, ar: 'انتظر دقيقة قبل طلب رمز جديد.', en: 'Wait a minute before asking for a new code.' },
  resend_daily_limit: { status: 429, ar: 'بلغت الحد اليومي لرسائل التحقق لهذا الجوال.', en: 'The daily limit of verification messages for this mobile has been reached.' },
  code_not_verified: { status: 409, ar: 'أدخل رمز التحقق المرسل إلى جوالك أولاً.', en: 'Enter the code sent to your mobile first.' },
  challenge_not_found: { status: 404, ar: 'طلب التحقق غير موجود أو انتهى.', en: 'The verification request does not exist or has ended.' },

  // registration
  registration_not_found: { status: 404, ar: 'لا يوجد تسجيل لهذه الهوية.', en: 'There is no registration for this identity.' },
  registration_expired: { status: 409, ar: 'انتهت مهلة التسجيل؛ ابدأ من جديد.', en: 'The registration has expired; please start again.' },
  registration_not_verified: { status: 409, ar: 'تحقق من رقم الجوال أولاً.', en: 'Verify the mobile number first.' },
  registration_already_verified: { status: 409, ar: 'تم التحقق من رقم الجوال مسبقاً.', en: 'The mobile number has already been verified.' },
  registration_completed: { status: 409, ar: 'اكتمل هذا التسجيل مسبقاً.', en: 'This registration has already been completed.' },
  identity_not_found: { status: 422, ar: 'رقم الهوية غير موجود في سجل مركز المعلومات الوطني.', en: 'The identity number is not in the national population registry.' },
  birth_date_mismatch: { status: 422, ar: 'تاريخ الميلاد لا يطابق السجل.', en: 'The birth date does not match the registry.' },
  mobile_mismatch: { status: 422, ar: 'رقم الجوال ليس المسجّل لهذه الهوية.', en: 'The mobile number is not the one registered to this identity.' },
  identity_already_registered: { status: 409, ar: 'هذه الهوية مسجّلة مسبقاً؛ سجّل الدخول أو استعد كلمة المرور.', en: 'This identity is already registered; log in or reset your password.' },
  username_taken: { status: 409, ar: 'اسم المستخدم مستخدم من قبل؛ اختر اسماً آخر.', en: 'The username is taken; choose another.' },
  terms_not_accepted: { status: 422, ar: 'يجب الموافقة على الشروط والأحكام.', en: 'You must accept the terms and conditions.' },
  password_too_short: { status: 422, ar: 'كلمة المرور يجب ألا تقل عن 8 أحرف.', en: 'The password needs at least 8 characters.' },
  password_too_long: { status: 422, ar: 'كلمة المرور يجب ألا تزيد على 128 حرفاً.', en: 'The password can have at most 128 characters.' },
  password_common: { status: 422, ar: 'كلمة المرور شائعة وسهلة التخمين؛ اختر غيرها.', en: 'This password is common and easy to guess; choose another.' },
  password_contains_personal_data: { status: 422, ar: 'كلمة المرور يجب ألا تحتوي رقم الهوية أو اسم المستخدم أو رقم الجوال.', en: 'The password must not contain your identity number, username or mobile.' },

  // login throttling
  too_many_attempts: { status: 429, ar: 'محاولات كثيرة؛ حاول مرة أخرى لاحقاً.', en: 'Too many attempts; try again later.' },

  // password reset
  reset_details_mismatch: { status: 422, ar: 'البيانات لا تطابق حساباً مسجّلاً.', en: 'The details do not match a registered account.' },

  // channels and activation
  missing_signature: { status: 401, ar: 'الطلب غير موقّع.', en: 'The request is not signed.' },
  unknown_client: { status: 401, ar: 'الجهة غير معروفة.', en: 'The client is not known.' },
  signature_invalid: { status: 401, ar: 'التوقيع غير صحيح.', en: 'The signature is not valid.' },
  signature_expired: { status: 401, ar: 'انتهت صلاحية التوقيع؛ تحقق من ساعة الجهاز.', en: 'The signature timestamp is outside the allowed window.' },
  signature_replayed: { status: 401, ar: 'استُخدم هذا التوقيع من قبل.', en: 'This signature has already been used.' },
  evidence_type_not_allowed: { status: 422, ar: 'نوع الإثبات غير مقبول من هذه القناة.', en: 'This channel cannot present this kind of evidence.' },
  cardholder_mismatch: { status: 422, ar: 'هوية حامل البطاقة لا تطابق هوية الحساب.', en: "The cardholder's identity is not the account's." },
  fingerprints_mismatch: { status: 422, ar: 'البصمات لا تطابق سجل مركز المعلومات الوطني.', en: 'The fingerprints do not match the population registry.' },
  account_already_active: { status: 409, ar: 'الحساب مفعّل مسبقاً.', en: 'The account is already active.' },
  account_not_found: { status: 404, ar: 'الحساب غير موجود.', en: 'The account does not exist.' },
  person_not_found: { status: 404, ar: 'الشخص غير موجود في السجل.', en: 'The person is not in the registry.' },
  sponsor_not_found: { status: 422, ar: 'الكفيل غير موجود في سجل مركز المعلومات الوطني.', en: 'The sponsor is not in the population registry.' },
  not_an_officer: { status: 403, ar: 'هذا الإجراء لموظفي الجوازات فقط.', en: 'Only passports officers can do this.' },
  original_document_not_checked: { status: 422, ar: 'يجب التحقق من الوثيقة الأصلية قبل التفعيل.', en: 'The original document must be checked before activation.' },
  activation_account_suspended: {
    status: 409,
    ar: 'الحساب موقوف ولا يمكن تفعيله؛ يراجع صاحبه مكتب الجوازات.',
    en: 'The account is suspended and cannot be activated; its holder should visit a passports office.',
  },
  document_not_valid_for_identity: {
    status: 422,
    ar: 'الوثيقة لا تناسب نوع الهوية: الهوية الوطنية للمواطن، والإقامة للمقيم، وجواز السفر لكليهما.',
    en: 'This document does not fit the identity: a national ID card for a citizen, an iqama for a resident, a passport for either.',
  },
  officer_without_office: { status: 403, ar: 'حسابك غير مرتبط بمكتب جوازات؛ أعمال المكتب تتطلب ذلك.', en: 'Your staff account is not assigned to a passports office; office work needs one.' },

  // e-services
  service_not_found: { status: 404, ar: 'الخدمة غير موجودة.', en: 'There is no such service.' },
  request_not_found: { status: 404, ar: 'الطلب غير موجود.', en: 'The request does not exist.' },
  not_your_beneficiary: { status: 403, ar: 'لا يمكنك تقديم طلب لهذا الشخص: ليس أنت ولا أحد أفراد أسرتك أو عمالتك.', en: 'You cannot apply for this person: they are neither you nor a member of your family or household.' },
  relation_not_allowed: { status: 403, ar: 'هذه الخدمة لا تُقدَّم بهذه الصفة لهذا الشخص.', en: 'This service cannot be requested in this capacity for this person.' },
  service_not_for_beneficiary: { status: 422, ar: 'هذه الخدمة غير متاحة لهذه الفئة (مواطن أو مقيم).', en: 'This service is not available for this kind of person (citizen or resident).' },
  conflicting_request: { status: 409, ar: 'يوجد طلب مفتوح مماثل لهذا الشخص؛ أكمله أو ألغه أولاً.', en: 'A similar open request exists for this person; finish or cancel it first.' },
  request_action_not_allowed: { status: 409, ar: 'لا يمكن تنفيذ هذا الإجراء في الحالة الحالية للطلب.', en: 'This action is not possible in the request’s current status.' },
  consent_not_yours: { status: 403, ar: 'الموافقة على هذا الطلب لمن طُلبت منه فقط: ولي الأمر، أو العامل المطلوب نقل خدماته.', en: 'Only the person asked can consent to this request: the guardian, or the worker whose services are to be transferred.' },
  idempotency_key_required: { status: 400, ar: 'يجب إرسال الترويسة Idempotency-Key مع هذا الطلب.', en: 'This request needs an Idempotency-Key header.' },
  idempotency_key_reused: { status: 422, ar: 'استُخدم مفتاح Idempotency-Key مع طلب مختلف.', en: 'This Idempotency-Key was used with a different request.' },
  request_in_progress: { status: 409, ar: 'طلب بالمفتاح نفسه قيد التنفيذ؛ أعد المحاولة بعد لحظات.', en: 'A request with the same key is in progress; retry in a moment.' },

  // bills and payments
  bill_not_found: { status: 404, ar: 'رقم الفاتورة غير موجود.', en: 'There is no bill with this number.' },
  amount_mismatch: { status: 409, ar: 'المبلغ لا يطابق مبلغ الفاتورة.', en: 'The amount does not match the bill.' },
  bill_expired: { status: 409, ar: 'انتهت صلاحية الفاتورة؛ قدّم الطلب من جديد.', en: 'The bill has expired; submit the request again.' },
  bill_cancelled: { status: 409, ar: 'أُلغيت الفاتورة لأن الطلب أُلغي.', en: 'The bill was cancelled with its request.' },
  payment_channel_not_allowed: { status: 403, ar: 'هذه الجهة لا تستطيع سداد الفواتير.', en: 'This client cannot pay bills.' },

  // e-authorizations
  delegation_not_found: { status: 404, ar: 'التفويض غير موجود.', en: 'The authorization does not exist.' },
  delegation_revoked: { status: 403, ar: 'أُلغي هذا التفويض.', en: 'This authorization has been revoked.' },
  delegation_not_in_force: { status: 403, ar: 'التفويض غير سارٍ الآن.', en: 'This authorization is not in force now.' },
  delegation_out_of_scope: { status: 403, ar: 'هذه الخدمة خارج نطاق التفويض.', en: 'This service is outside the authorization.' },
  delegate_not_citizen: { status: 422, ar: 'لا يُفوَّض إلا مواطن سعودي (رقم هوية يبدأ بـ1).', en: 'Only a Saudi citizen can be authorized (an identity number starting with 1).' },
  delegation_to_self: { status: 422, ar: 'لا يمكنك تفويض نفسك.', en: 'You cannot authorize yourself.' },
  delegate_account_not_active: { status: 422, ar: 'ليس لدى المفوَّض حساب مفعّل في أبشر.', en: 'The person to authorize has no active Absher account.' },
  delegation_service_not_found: { status: 422, ar: 'إحدى الخدمات المختارة غير موجودة.', en: 'One of the chosen services does not exist.' },
  delegation_service_not_delegable: { status: 422, ar: 'إحدى الخدمات المختارة لا يجوز التفويض فيها.', en: 'One of the chosen services cannot be delegated.' },
  delegation_start_in_past: { status: 422, ar: 'يجب أن يبدأ التفويض اليوم أو بعده.', en: 'The authorization must start today or later.' },
  delegation_end_not_after_start: { status: 422, ar: 'يجب أن يكون تاريخ انتهاء التفويض بعد تاريخ بدايته.', en: 'The authorization must end after it starts.' },
  delegation_period_too_long: { status: 422, ar: 'مدة التفويض سنة واحدة على الأكثر.', en: 'An authorization lasts one year at most.' },
  delegation_overlaps: {
    status: 409,
    ar: 'يوجد تفويض آخر لهذا الشخص بالخدمة نفسها في فترة متداخلة؛ ألغه أولاً أو اختر فترة أخرى.',
    en: 'You already authorize this person for the same service over an overlapping period; revoke it first or choose another period.',
  },
  delegation_already_ended: { status: 409, ar: 'انتهت مدة هذا التفويض؛ لا حاجة لإلغائه.', en: 'This authorization has already ended; there is nothing to revoke.' },

  // establishments
  establishment_not_found: { status: 404, ar: 'المنشأة غير موجودة أو لا صلاحية لك عليها.', en: 'There is no such establishment, or you have no access to it.' },
  release_not_yours: { status: 403, ar: 'إخلاء الطرف للمنشأة التي يعمل لديها العامل حالياً.', en: 'Only the worker’s current establishment can release them.' },
  iqama_card_not_found: { status: 404, ar: 'بطاقة الإقامة غير موجودة.', en: 'There is no such iqama card.' },
  iqama_card_at_another_office: { status: 403, ar: 'بطاقة الإقامة هذه تُستلم من مكتب جوازات آخر.', en: 'This iqama card is collected at another passports office.' },
  iqama_card_not_printed: { status: 409, ar: 'وصلت بطاقة الإقامة هذه إلى المكتب من قبل.', en: 'This iqama card has already arrived at the office.' },
  iqama_card_not_ready: { status: 409, ar: 'لم تصل بطاقة الإقامة هذه إلى المكتب بعد.', en: 'This iqama card has not arrived at the office yet.' },
  iqama_card_already_handed_over: { status: 409, ar: 'سُلّمت بطاقة الإقامة هذه من قبل.', en: 'This iqama card has already been handed over.' },
  collector_not_entitled: {
    status: 422,
    ar: 'لا يحق لهذا الشخص استلام البطاقة: تُسلّم لمالك المنشأة أو لمفوض ساري التفويض منها، أو لمقدم الطلب من رب الأسرة أو الكفيل، أو لصاحب الإقامة نفسه.',
    en: 'This person may not collect the card: it is handed to the establishment’s owner or staff with an authorization in force, to the head of family or sponsor who applied, or to the holder.',
  },
  establishment_not_owned: {
    status: 403,
    ar: 'لا تسجّلك وزارة الموارد البشرية مالكاً لهذه المنشأة؛ يفتحها مالكها في أبشر.',
    en: 'The labour ministry does not record you as this establishment’s owner; its owner opens it on Absher.',
  },
  establishment_already_opened: { status: 409, ar: 'المنشأة مفتوحة في أبشر مسبقاً.', en: 'This establishment is already open on Absher.' },
  establishment_owner_only: { status: 403, ar: 'إدارة مستخدمي المنشأة لمالكها فقط.', en: 'Only the establishment’s owner can manage its staff.' },
  staff_service_not_allowed: {
    status: 422,
    ar: 'يُفوَّض مستخدمو المنشأة في خدماتها فقط: الإقامات والتأشيرات وتعديل المهنة ونقل الخدمات ونقل المعلومات.',
    en: 'Staff can be authorized only for the establishment’s services: iqamas, visas, profession change, transfer of services and of information.',
  },
  // paper transactions at an office, and the statistics
  paper_transaction_not_allowed: {
    status: 422,
    ar: 'لا تُقبل المعاملة الورقية لهذه المنشأة: المنشآت التي لا يزيد عدد عمالها على الحد المعتمد تُنجز إصدار الإقامة وتجديدها وتأشيرتي الخروج والعودة والخروج النهائي إلكترونياً عبر خدمات أبشر للمنشآت.',
    en: 'Paper is not accepted for this establishment: establishments with no more workers than the limit in force do iqama issue and renewal, exit and re-entry and final exit visas online, through the Absher e-services for establishments.',
  },
  establishment_unknown: { status: 404, ar: 'لا توجد منشأة بهذا الرقم الموحد لدى وزارة العمل.', en: 'The labour ministry has no establishment with this unified number.' },
  statistics_range_invalid: { status: 400, ar: 'يجب ألا يسبق تاريخ النهاية تاريخ البداية.', en: 'The end date must not be before the start date.' },
  statistics_range_too_long: { status: 400, ar: 'الفترة 366 يوماً على الأكثر.', en: 'The period is 366 days at most.' },
  statistics_office_not_found: { status: 404, ar: 'مكتب الجوازات غير موجود.', en: 'There is no such passports office.' },

  // generic
  not_found: { status: 404, ar: 'المورد غير موجود.', en: 'The resource does not exist.' },
  rate_limited: { status: 429, ar: 'طلبات كثيرة؛ انتظر قليلاً.', en: 'Too many requests; wait a moment.' },
  dependency_unavailable: { status: 503, ar: 'الخدمة غير متاحة مؤقتاً؛ حاول لاحقاً.', en: 'A service is temporarily unavailable; try again later.' },
  internal_error: { status: 500, ar: 'حدث خطأ غير متوقع.', en: 'An unexpected error occurred.' },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    /** Seconds the client should wait, sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export type Language = 'ar' | 'en';

export function messageFor(code: ErrorCode, lang: Language): string {
  return errorCatalogue[code][lang];
}

/** `ar` unless the client prefers English (Accept-Language: en...). */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'ar';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag.startsWith('ar') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'ar';
}
