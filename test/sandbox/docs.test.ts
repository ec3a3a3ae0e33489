import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SANDBOX_OFFICES } from '../../src/server/modules/sandbox/offices';
import { PERSONA_ESTABLISHMENTS, PERSONA_RELATIVES, PERSONA_WORKERS, PERSONAS, SANDBOX_PASSWORD } from '../../src/server/modules/sandbox/personas';

const doc = fs.readFileSync(new URL('../../docs/sandbox.md', import.meta.url), 'utf8');

describe('docs/sandbox.md', () => {
  it('lists every persona as seeded: identity number, username, mobile, birth date', () => {
    expect(doc).toContain(SANDBOX_PASSWORD);
    for (const p of PERSONAS) {
      const row = doc.split('\n').find((line) => line.includes(`\`${p.person.idNumber}\``));
      expect(row, p.key).toBeDefined();
      expect(row).toContain(`\`${p.person.mobile.replace('+966', '0')}\``);
      expect(row).toContain(p.person.birthDate);
      if (p.account) expect(row).toContain(`\`${p.account.username}\``);
    }
  });

  it("lists the personas' relatives and the offices", () => {
    for (const r of PERSONA_RELATIVES) {
      const row = doc.split('\n').find((line) => line.includes(`\`${r.person.idNumber}\``));
      expect(row, r.person.name.en).toContain(r.person.name.en);
      expect(row).toContain(r.person.birthDate);
    }
    for (const w of PERSONA_WORKERS) {
      const row = doc.split('\n').find((line) => line.includes(`\`${w.person.idNumber}\``));
      expect(row, w.person.name.en).toContain(w.person.name.en);
      expect(row).toContain(w.person.birthDate);
    }
    for (const e of PERSONA_ESTABLISHMENTS) expect(doc).toContain(`| \`${e.id}\` | ${e.name.en} | ${e.region} |`);
    for (const o of SANDBOX_OFFICES) expect(doc).toContain(`| \`${o.id}\` | ${o.kind} | ${o.nameEn} | ${o.region} | ${o.city} |`);
  });
});
