// Idempotency-Key on state-changing requests of account holders and channel clients: the same
// key with the same request returns the first answer; the same key with another request is
// refused; a duplicate arriving while the first is still running gets 409 and retries. Answers
// of 5xx are not kept, so that a retry can succeed. Keys live 24 hours.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { AppError } from '../errors';
import type { Clock } from '../platform/clock';
import { DAY } from '../platform/clock';
import { safeEqual, sha256 } from '../platform/crypto';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'required': refuse without the header; 'optional': honour it when sent. */
    idempotency?: 'required' | 'optional';
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string } | null;
  }
}

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

function scopeOf(req: FastifyRequest): string | null {
  if (req.session) return `account:${req.session.accountId}`;
  if (req.channelClient) return `channel:${req.channelClient.id}`;
  return null;
}

export function registerIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  app.decorateRequest('idempotency', null);
  // The claim and the completion run on every state-changing request: built once, planned
  // once per connection.
  const claim = deps.db
    .insert(idempotencyKeys)
    .values({ scope: sql.placeholder('scope'), key: sql.placeholder('key'), requestHash: sql.placeholder('hash'), status: 'in_progress', createdAt: sql.placeholder('now') })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
    .prepare('idempotency_claim');
  const complete = deps.db
    .update(idempotencyKeys)
    .set({ status: 'done', responseStatus: sql`${sql.placeholder('status')}::int`, responseBody: sql`${sql.placeholder('body')}::text` })
    .where(and(eq(idempotencyKeys.scope, sql.placeholder('scope')), eq(idempotencyKeys.key, sql.placeholder('key'))))
    .prepare('idempotency_complete');

  // After access (preValidation) and validation, before the handler.
  app.addHook('preHandler', async (req, reply) => {
    const mode = req.routeOptions.config?.idempotency;
    if (!mode) return;
    const header = req.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) {
      if (mode === 'required') throw new AppError('idempotency_key_required');
      return;
    }
    if (!KEY_PATTERN.test(key)) throw new AppError('invalid_input', { field: 'Idempotency-Key' });
    const scope = scopeOf(req);
    if (!scope) return;
    const hash = sha256(`${req.method} ${req.url}\n${req.rawBody ?? ''}`);
    const now = deps.clock.now();
    const inserted = await claim.execute({ scope, key, hash, now });
    if (inserted.length > 0) {
      req.idempotency = { scope, key };
      return;
    }
    const [row] = await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .limit(1);
    if (!row) throw new AppError('request_in_progress', undefined, 1);
    if (!safeEqual(row.requestHash, hash)) throw new AppError('idempotency_key_reused');
    if (row.status === 'in_progress') throw new AppError('request_in_progress', undefined, 1);
    reply.header('idempotent-replayed', 'true');
    return reply.status(row.responseStatus!).type('application/json; charset=utf-8').send(row.responseBody);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    req.idempotency = null;
    const where = and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key));
    if (reply.statusCode >= 500) {
      await deps.db.delete(idempotencyKeys).where(where);
    } else {
      const body = typeof payload === 'string' ? payload : payload == null ? '' : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload);
      await complete.execute({ scope: idem.scope, key: idem.key, status: reply.statusCode, body });
    }
    return payload;
  });
}

/** Forgets keys older than a day; the maintenance poller calls it. */
export async function purgeIdempotencyKeys(db: Db, clock: Clock): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(clock.now().getTime() - DAY)));
}
