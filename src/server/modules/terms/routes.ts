import { z } from 'zod';
import { desc } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { termsVersions } from '../../db/schema';
import { isoTimestamp } from '../../http/schemas';

export const termsRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/terms',
      {
        config: { access: 'public' },
        schema: {
          tags: ['registration'],
          summary: 'The current terms of use, which registration accepts',
          response: { 200: z.object({ version: z.number().int(), text: z.object({ ar: z.string(), en: z.string() }), publishedAt: isoTimestamp }) },
        },
      },
      async () => {
        const [t] = await deps.database.db.select().from(termsVersions).orderBy(desc(termsVersions.version)).limit(1);
        return { version: t!.version, text: { ar: t!.textAr, en: t!.textEn }, publishedAt: t!.publishedAt.toISOString() };
      },
    );
  };
