// The wire shape of the labour ministry's list of professions.
import { z } from 'zod';

const text = z.object({ ar: z.string(), en: z.string() });

export const professionView = z.object({
  code: z.string().describe('the code workers are filtered by and a profession change asks for'),
  name: text,
  domestic: z.boolean().describe('a domestic worker’s profession (outside the labour law’s establishments)'),
});

export const professionsView = z.object({ professions: z.array(professionView) });
