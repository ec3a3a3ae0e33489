// A worker's sponsorship, as the services an establishment performs for its workers and the
// transfer of services share it. The population registry records a transfer's new sponsor only
// after the transfer's commit (its afterIssue step, retried while the registry is down), so a
// check of the registry's sponsor cannot tell that a transfer issued a moment ago moved the
// worker. The directorate's own issued transfers can: every such service is exclusive on the
// worker's sponsorship (the lock a transfer of services decides under), and refuses what the
// former sponsor asked for once a transfer of the worker to another establishment was issued
// after the request was made, or before it with the registry not yet told.
//
// Individuals' services (a citizen's domestic worker, a dependant, the resident themself) are
// not exclusive: a transfer of services is only between establishments.
import { and, eq, gte, isNotNull, ne, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { serviceRequests } from '../../db/schema';
import { refuse, type ServiceContext, type ServiceDefinition, type Text } from '../definition';

export const TRANSFER_OF_SERVICES = 'transfer_of_services';

/** The name of the lock on a worker's sponsorship (see db/locks). */
export function sponsorshipLock(idNumber: string): string {
  return `sponsorship:${idNumber}`;
}

/** The refusal the establishments' services share, spread into each service's rule table. */
export const sponsorshipRules = {
  worker_transferred: {
    ar: 'نُقلت خدمات العامل إلى منشأة أخرى، فلم يعد على كفالة هذه المنشأة.',
    en: 'The worker’s services were transferred to another establishment; the worker is no longer sponsored by this one.',
  },
} as const satisfies Record<string, Text>;

/**
 * Whether a transfer of services of the worker was issued since `since` (the same instant
 * counts: the safe side, any fee is owed back), leaving aside the request `except` and
 * transfers to `awayFrom` itself. With `untold`, one issued earlier whose new sponsor the
 * registry has not yet been told counts too.
 */
export async function transferredSince(
  ex: Executor,
  idNumber: string,
  since: Date,
  opts: { except?: string; awayFrom?: string; untold?: boolean } = {},
): Promise<boolean> {
  const when = gte(serviceRequests.decidedAt, since);
  const [row] = await ex
    .select({ id: serviceRequests.id })
    .from(serviceRequests)
    .where(
      and(
        eq(serviceRequests.service, TRANSFER_OF_SERVICES),
        eq(serviceRequests.beneficiaryIdNumber, idNumber),
        eq(serviceRequests.status, 'issued'),
        opts.except ? ne(serviceRequests.id, opts.except) : undefined,
        opts.awayFrom ? ne(serviceRequests.establishmentId, opts.awayFrom) : undefined,
        opts.untold ? or(when, isNotNull(serviceRequests.afterIssuePendingSince)) : when,
      ),
    )
    .limit(1);
  return !!row;
}

/** The establishment that applied for its worker; none for individuals' applications. */
function sponsoringEstablishment(ctx: ServiceContext): string | null {
  return ctx.relation === 'establishment_worker' ? (ctx.establishment?.id ?? null) : null;
}

/**
 * The `exclusive` of a service an establishment performs for a worker it sponsors: for an
 * establishment's application, the worker's sponsorship lock, and the refusal once a transfer
 * of services moved the worker elsewhere: at submission one the registry was not yet told of
 * (or issued this instant), at fulfilment one issued since the request was made or still
 * untold. For anyone else's application no lock and no check (the key is null).
 */
export function sponsoredWorker<Input>(): NonNullable<ServiceDefinition<Input>['exclusive']> {
  const transferred = async (ex: Executor, ctx: ServiceContext, since: Date) => {
    const establishment = sponsoringEstablishment(ctx);
    if (!establishment) return [];
    const moved = await transferredSince(ex, ctx.beneficiary.idNumber, since, { awayFrom: establishment, untold: true });
    return moved ? [refuse(sponsorshipRules, 'worker_transferred')] : [];
  };
  return {
    key: (ctx) => (sponsoringEstablishment(ctx) ? sponsorshipLock(ctx.beneficiary.idNumber) : null),
    atSubmission: (ex, ctx) => transferred(ex, ctx, ctx.now),
    atFulfilment: (tx, ctx, _i, request) => transferred(tx, ctx, request.createdAt),
  };
}
