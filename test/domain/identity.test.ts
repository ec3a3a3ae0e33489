import { describe, expect, it } from 'vitest';
import { toAsciiDigits } from '../../src/domain/digits';
import { identityKind, luhnCheckDigit, makeIdentityNumber, parseIdentityNumber } from '../../src/domain/identity-number';
import { maskMobile, normalizeMobile } from '../../src/domain/mobile';
import { checkPassword, passwordLength } from '../../src/domain/password-policy';
import { isCommonPassword } from '../../src/server/modules/passwords/common-passwords';

describe('identity numbers', () => {
  it('computes the Luhn check digit', () => {
    // 79927398713 is the textbook Luhn example: payload 7992739871 → 3.
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
  it('accepts valid citizen and resident numbers and tells them apart', () => {
    const citizen = makeIdentityNumber('citizen', 12345678);
    const resident = makeIdentityNumber('resident', 87654321);
    expect(parseIdentityNumber(citizen)).toBe(citizen);
    expect(identityKind(citizen)).toBe('citizen');
    expect(identityKind(resident)).toBe('resident');
  });
  it('refuses a wrong check digit, a wrong first digit, a wrong length and letters', () => {
    const valid = makeIdentityNumber('citizen', 1);
    const wrongCheck = valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10);
    expect(parseIdentityNumber(wrongCheck)).toBeNull();
    expect(parseIdentityNumber('3' + valid.slice(1))).toBeNull();
    expect(parseIdentityNumber(valid.slice(0, 9))).toBeNull();
    expect(parseIdentityNumber(valid + '0')).toBeNull();
    expect(parseIdentityNumber('1abcdefghi')).toBeNull();
    expect(parseIdentityNumber('')).toBeNull();
  });
  it('accepts Arabic-Indic digits', () => {
    const valid = makeIdentityNumber('resident', 4242);
    const arabic = [...valid].map((d) => String.fromCodePoint(0x0660 + Number(d))).join('');
    expect(parseIdentityNumber(arabic)).toBe(valid);
  });
  it('refuses a serial that does not fit', () => {
    expect(() => makeIdentityNumber('citizen', 123_456_789)).toThrow(RangeError);
  });
});

describe('digits', () => {
  it('turns Arabic-Indic and Eastern Arabic-Indic digits into ASCII and leaves the rest', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('a١b')).toBe('a1b');
  });
});

describe('mobiles', () => {
  it.each(['0501234567', '501234567', '966501234567', '+966501234567', '00966501234567', '050 123 4567', '050-123-4567', '٠٥٠١٢٣٤٥٦٧'])(
    'normalizes %s',
    (input) => expect(normalizeMobile(input)).toBe('+966501234567'),
  );
  it.each(['0401234567', '+971501234567', '05012345', '05012345678', '+96650123456', 'abc', '', '0501234567\u202E'])('refuses %s', (input) =>
    expect(normalizeMobile(input)).toBeNull(),
  );
  it('masks all but the last three digits', () => {
    expect(maskMobile('+966501234567')).toBe('05XXXXX567');
  });
});

describe('password rules', () => {
  const personal = { idNumber: '1000000008', username: 'salem.q', mobile: '+966501234567' };
  const check = (p: string) => checkPassword(p, personal, isCommonPassword);

  it('accepts 8 characters of any script, with no composition rules', () => {
    expect(check('كلمةسرية')).toBeNull(); // 8 Arabic letters
    expect(check('tortoise-harbour')).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    expect(passwordLength('😀😀😀😀')).toBe(4);
    expect(check('😀😀😀😀😀😀😀')).toBe('password_too_short');
  });
  it('refuses fewer than 8 and more than 128 characters', () => {
    expect(check('short1!')).toBe('password_too_short');
    expect(check('x'.repeat(128))).toBeNull();
    expect(check('x'.repeat(129))).toBe('password_too_long');
  });
  it('refuses common passwords from the blocklist, whatever the case', () => {
    expect(check('password')).toBe('password_common');
    expect(check('PASSWORD')).toBe('password_common');
    expect(check('12345678')).toBe('password_common');
    expect(check('١٢٣٤٥٦٧٨')).toBe('password_common');
  });
  it('refuses passwords containing the identity number, username or mobile', () => {
    expect(check('my1000000008pass')).toBe('password_contains_personal_data');
    expect(check('Salem.Q-forever')).toBe('password_contains_personal_data');
    expect(check('x0501234567x')).toBe('password_contains_personal_data');
    expect(check('966501234567!!')).toBe('password_contains_personal_data');
  });
});
