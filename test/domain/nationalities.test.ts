// Nationality names: the alpha-3 codes the registry records, named in Arabic and English.
import { describe, expect, it } from 'vitest';
import { nationalityName } from '../../src/domain/nationalities';

describe('nationalityName', () => {
  it('names an ISO 3166-1 alpha-3 code in both languages', () => {
    expect(nationalityName('IND')).toEqual({ ar: 'الهند', en: 'India' });
    expect(nationalityName('BGD')?.en).toBe('Bangladesh');
    expect(nationalityName('SAU')?.ar).toContain('السعودية');
  });

  it('has no name for a code outside ISO 3166-1, nor for an alpha-2 code', () => {
    expect(nationalityName('XXA')).toBeNull();
    expect(nationalityName('IN')).toBeNull();
    expect(nationalityName('')).toBeNull();
  });
});
