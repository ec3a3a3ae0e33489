// Declared permissions. Every API route states who may call it in `config.access`; a route
// without a declaration makes the app refuse to start. The checks run before validation, so
// an unauthenticated caller learns nothing about a route's input.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChannelClientConfig } from '../config';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import type { Clock } from '../platform/clock';
import { safeEqual, sha256 } from '../platform/crypto';
import type { ChannelVerifier } from '../modules/channels/signature';
import { resolveSession, type SessionContext } from '../modules/sessions/store';

export type Access =
  | 'public'
  /** A logged-in, active account holder. */
  | 'account'
  /** A passports officer (or a supervisor) with an office. */
  | 'officer'
  | 'supervisor'
  /** A bank ATM network or airport kiosk fleet, by HMAC signature. */
  | 'channel'
  /** Public, and only in sandbox mode (404 in production). */
  | 'sandbox';

export const SESSION_COOKIE = '__Host-absher_session';
export const CSRF_COOKIE = '__Host-absher_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type StaffContext = { role: 'officer' | 'supervisor'; officeId: string | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: (SessionContext & { via: 'cookie' | 'bearer' }) | null;
    staff: StaffContext | null;
    channelClient: ChannelClientConfig | null;
    rawBody?: string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccess(app: FastifyInstance, deps: { db: Db; clock: Clock; sandbox: boolean; channels: ChannelVerifier }): void {
  app.decorateRequest('session', null);
  app.decorateRequest('staff', null);
  app.decorateRequest('channelClient', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access`);
    }
  });

  app.addHook('preValidation', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    if (access === 'sandbox') {
      if (!deps.sandbox) throw new AppError('not_found');
      return;
    }
    if (access === 'channel') {
      req.channelClient = await deps.channels.verify({
        clientId: header(req, 'x-client-id'),
        timestamp: header(req, 'x-timestamp'),
        signature: header(req, 'x-signature'),
        method: req.method,
        path: req.url,
        rawBody: req.rawBody ?? '',
      });
      return;
    }
    await authenticate(req, deps);
    if (access === 'officer' || access === 'supervisor') {
      // Read with the session, in the same query.
      const roles = req.session!.staffRoles;
      const supervisor = roles.find((r) => r.role === 'supervisor');
      const officer = roles.find((r) => r.role === 'officer');
      const held = access === 'supervisor' ? supervisor : (officer ?? supervisor);
      if (!held) throw new AppError(access === 'officer' ? 'not_an_officer' : 'forbidden');
      req.staff = held;
    }
  });
}

async function authenticate(req: FastifyRequest, deps: { db: Db; clock: Clock }): Promise<void> {
  const auth = header(req, 'authorization');
  const bearer = auth?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/)?.[1];
  const cookie = req.cookies?.[SESSION_COOKIE];
  const token = bearer ?? cookie;
  if (!token) throw new AppError('not_authenticated');
  const found = await resolveSession(deps.db, deps.clock, token);
  if (!found.ok) throw new AppError(found.reason === 'expired' ? 'session_expired' : 'not_authenticated');
  const via = bearer ? 'bearer' : 'cookie';
  // A cookie is sent by the browser on its own; a state change riding on it must also carry
  // the CSRF token that only the portal's own script can read. Bearer tokens are not ambient.
  if (via === 'cookie' && !SAFE_METHODS.has(req.method)) {
    const csrf = header(req, CSRF_HEADER);
    if (!csrf || !safeEqual(sha256(csrf), found.session.csrfHash)) throw new AppError('csrf_token_invalid');
  }
  if (found.session.accountStatus === 'suspended') throw new AppError('account_suspended');
  if (found.session.accountStatus !== 'active') throw new AppError('account_not_activated');
  req.session = { ...found.session, via };
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
