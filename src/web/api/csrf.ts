// The session cookie is HttpOnly; its companion CSRF cookie is readable so that the portal,
// and only the portal, can echo it in X-CSRF-Token on every state-changing request.
import { CSRF_COOKIE, CSRF_KEY as STORAGE_KEY } from '../app/early-requests';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The cookie first (it follows the live session); the login response's copy otherwise. */
export function csrfToken(): string | null {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function keepCsrfToken(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // The cookie still carries it.
  }
}

export function forgetCsrfToken(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}

/** A hint, not a proof, that a session may exist: saves a certain 401 for anonymous visitors. */
export function maySessionExist(): boolean {
  return csrfToken() !== null;
}
