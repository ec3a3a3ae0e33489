// Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits are accepted wherever a number is typed.
const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

export function toAsciiDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const cp = ch.codePointAt(0)!;
    if (cp >= ARABIC_INDIC_ZERO && cp <= ARABIC_INDIC_ZERO + 9) out += String(cp - ARABIC_INDIC_ZERO);
    else if (cp >= EXTENDED_ARABIC_INDIC_ZERO && cp <= EXTENDED_ARABIC_INDIC_ZERO + 9) out += String(cp - EXTENDED_ARABIC_INDIC_ZERO);
    else out += ch;
  }
  return out;
}
