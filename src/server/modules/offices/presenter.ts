// What leaves about an office: where it is and what it is called, nothing about its staff.
import type { z } from 'zod';
import type { OfficeRow } from './repository';
import type { officeView } from './schemas';

export function presentOffice(o: OfficeRow): z.infer<typeof officeView> {
  return { id: o.id, kind: o.kind, name: { ar: o.nameAr, en: o.nameEn }, region: o.region, city: o.city };
}
