// What leaves about a profession: its code, its names and whether it is domestic work.
import type { z } from 'zod';
import type { Profession } from '../../adapters/labour/port';
import type { professionView } from './schemas';

export function presentProfession(p: Profession): z.infer<typeof professionView> {
  return { code: p.code, name: { ar: p.name.ar, en: p.name.en }, domestic: p.domestic };
}
