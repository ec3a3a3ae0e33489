// The wire shapes of the offices list.
import { z } from 'zod';

const text = z.object({ ar: z.string(), en: z.string() });

export const officeView = z.object({
  id: z.string().describe('the id services take, e.g. delivery.officeId of a passport application'),
  kind: z.enum(['office', 'airport']).describe('a passports office, or a passports desk at an airport'),
  name: text,
  region: z.string().describe('the region code: riyadh, makkah, madinah, eastern, ...'),
  city: z.string(),
});

export const officesView = z.object({ offices: z.array(officeView) });
