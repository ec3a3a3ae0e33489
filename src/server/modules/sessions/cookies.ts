import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/access';
import { SESSION_ABSOLUTE_MS } from './store';

// __Host- cookies: Secure, Path=/, no Domain. Browsers treat localhost as secure, so this
// works in development too. The CSRF cookie is readable by the portal's script, which echoes
// it in X-CSRF-Token; a page on another site can neither read it nor send the session cookie.
export function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string): void {
  const common = { path: '/', secure: true, sameSite: 'strict' as const, maxAge: SESSION_ABSOLUTE_MS / 1000 };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  const common = { path: '/', secure: true, sameSite: 'strict' as const };
  reply.clearCookie(SESSION_COOKIE, { ...common, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, common);
}
