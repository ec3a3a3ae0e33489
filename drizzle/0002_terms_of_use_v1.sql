-- The first published version of the terms of use. A later version is a new row (a new
-- migration or a supervisor's action); an account records the version it accepted.
INSERT INTO terms_versions (version, text_ar, text_en, published_at) VALUES (
  1,
  'شروط استخدام الخدمات الإلكترونية للمديرية العامة للجوازات: أقرّ بأن البيانات التي أدخلتها صحيحة وتخصّني، وبأنني المسؤول عن سرية كلمة المرور ورموز التحقق المرسلة إلى جوالي، وبأن كل ما يتم عبر حسابي يُعدّ صادراً مني، وبأن المديرية تسجّل كل عملية على الحساب وتحتفظ بها، وبأن إساءة الاستخدام أو انتحال الشخصية يعرّض صاحبه للمساءلة النظامية.',
  'Terms of use of the passports directorate''s e-services: I confirm that the data I entered is correct and mine; that I am responsible for keeping my password and the codes sent to my mobile secret; that everything done through my account is taken as done by me; that the directorate records and keeps every operation on the account; and that misuse or impersonation is subject to legal action.',
  '2026-01-01T00:00:00Z'
) ON CONFLICT (version) DO NOTHING;
