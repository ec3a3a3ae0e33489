import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps';
import { errorResponse, isoTimestamp } from '../../http/schemas';
import { maskMobile } from '../../../domain/mobile';
import { identityKind } from '../../../domain/identity-number';
import type { SessionAccount, StaffRole } from '../sessions/store';

const meSchema = z.object({
  accountId: z.string(),
  idNumber: z.string(),
  kind: z.enum(['citizen', 'resident']),
  username: z.string(),
  name: z.object({ ar: z.string(), en: z.string() }),
  status: z.enum(['registered', 'active', 'suspended']),
  activation: z.object({ channel: z.enum(['office', 'atm', 'kiosk']), at: isoTimestamp, location: z.string().nullable() }).nullable(),
  mobileMasked: z.string(),
  language: z.enum(['ar', 'en']),
  roles: z.array(z.enum(['officer', 'supervisor'])),
  officeId: z.string().nullable(),
});

/** What leaves about the holder themself: no password hash, no full mobile. */
export function presentMe(a: SessionAccount, name: { ar: string; en: string }, roles: StaffRole[]): z.infer<typeof meSchema> {
  return {
    accountId: a.id,
    idNumber: a.idNumber,
    kind: identityKind(a.idNumber),
    username: a.username,
    name,
    status: a.status,
    activation: a.activationChannel && a.activatedAt ? { channel: a.activationChannel, at: a.activatedAt.toISOString(), location: a.activationLocation } : null,
    mobileMasked: maskMobile(a.mobile),
    language: a.language,
    roles: roles.map((r) => r.role),
    officeId: roles.find((r) => r.officeId)?.officeId ?? null,
  };
}

export const meRoutes =
  (deps: Deps): FastifyPluginAsync =>
  async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/me',
      {
        config: { access: 'account' },
        schema: {
          tags: ['sessions'],
          summary: 'The logged-in account holder',
          security: [{ bearer: [] }, { cookie: [] }],
          response: { 200: meSchema, 401: errorResponse, 403: errorResponse },
        },
      },
      async (req) => {
        // The session lookup already read the account and its staff roles.
        const { account, staffRoles } = req.session!;
        // Accounts loaded in bulk carry no copy of the names; the registry has them.
        const name =
          account.nameAr && account.nameEn
            ? { ar: account.nameAr, en: account.nameEn }
            : ((await deps.registry.findPerson(account.idNumber))?.name ?? { ar: account.username, en: account.username });
        return presentMe(account, name, staffRoles);
      },
    );
  };
