// What a page asks the API for first, asked while the portal's code is still on its way. The
// index.html the server sends carries this file as its first script (compiled in by
// src/web/build/early-requests.ts): it reads the address, whether a session may exist and the
// language, and sends the GET requests the page's route will start (app/page-loaders.ts), so
// that the API answers while the browser fetches and runs the entry rather than after it. The
// API client (api/client.ts) takes each answer once, for the same path in the same language,
// while the address is still the one it was asked for; anything else is asked as before.
//
// It runs before any module has loaded: it imports nothing, and the names of the storage it
// reads are defined here for the rest of the portal.

/** Where the interface language is remembered on this device (app/language.ts). */
export const LANGUAGE_KEY = 'absher.language';
/** The session's readable companion cookie, echoed as X-CSRF-Token (api/csrf.ts). */
export const CSRF_COOKIE = '__Host-absher_csrf';
/** The login response's copy of that token, for when the cookie cannot be read. */
export const CSRF_KEY = 'absher.csrf';

type Language = 'ar' | 'en';
type Early = { address: string; language: Language; responses: Map<string, Promise<Response>> };
const EARLY = '__absherEarly';
type EarlyGlobal = { [EARLY]?: Early };

/** The headers of every API call: JSON, and the interface language for the server's messages. */
export function apiHeaders(language: string): Record<string, string> {
  return { Accept: 'application/json', 'Accept-Language': language === 'en' ? 'en' : 'ar' };
}

/** The workers view's query string when the address names no filter, sort or page. */
const DEFAULT_WORKERS_SEARCH = 'sort=name&order=asc&page=1&pageSize=25';
const WORKERS_PARAMS = ['search', 'nationality', 'profession', 'expiring', 'sort', 'order', 'page', 'pageSize'];

/**
 * The API paths the routes start for this address (the shell's and the page's loaders, and the
 * home page's first queries, in app/page-loaders.ts), as the API client will ask for them. Matched as the router matches:
 * static segments whatever their case, a trailing slash ignored.
 */
export function pageRequests(pathname: string, search: URLSearchParams, session: boolean): string[] {
  const paths = session ? ['/api/v1/me'] : [];
  const segments = pathname.split('/').filter(Boolean);
  const [first = '', id = ''] = segments;
  const page = segments.length === 0 ? '' : `${first.toLowerCase()}${segments.length > 1 ? '/:' : ''}`;
  if (segments.length > 2) return paths;
  switch (page) {
    case '':
      paths.push('/api/v1/services');
      break;
    case 'dashboard':
      if (session)
        paths.push(
          '/api/v1/requests',
          '/api/v1/me/notifications?limit=5',
          '/api/v1/me/documents',
          '/api/v1/people',
          '/api/v1/delegations',
          '/api/v1/me/access-log?limit=3',
          '/api/v1/offices',
        );
      break;
    case 'services/:':
      paths.push('/api/v1/services', '/api/v1/offices');
      // A delegate or an establishment types the beneficiary instead of choosing one.
      if (session && !search.get('delegation') && !search.get('establishment')) paths.push('/api/v1/people');
      break;
    case 'establishments/:':
      if (session && /^7\d{9}$/.test(id)) {
        const at = `/api/v1/establishments/${id}`;
        paths.push(at);
        // A view the address shapes is left to the page, which reads it.
        if (!WORKERS_PARAMS.some((p) => search.has(p))) paths.push(`${at}/workers?${DEFAULT_WORKERS_SEARCH}`);
        paths.push(`${at}/workers/nationalities`, '/api/v1/professions');
      }
      break;
    case 'office':
      if (session)
        paths.push(
          '/api/v1/office/iqama-cards?status=printed&limit=200',
          '/api/v1/office/iqama-cards?status=ready&limit=200',
          '/api/v1/office/iqama-cards?uncollected=true&limit=200',
          '/api/v1/office/paper-transactions?limit=10',
          '/api/v1/services',
        );
      break;
    case 'statistics':
      paths.push('/api/v1/statistics/summary', '/api/v1/services');
      break;
  }
  return paths;
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

/** A hint that a session may exist: its CSRF cookie, or the login response's copy of it. */
function maySessionExist(): boolean {
  const prefix = `${CSRF_COOKIE}=`;
  if (document.cookie.split(';').some((c) => c.trim().startsWith(prefix) && c.trim().length > prefix.length)) return true;
  try {
    return sessionStorage.getItem(CSRF_KEY) !== null;
  } catch {
    return false;
  }
}

const currentAddress = () => location.pathname + location.search;

/**
 * Sends this address's requests and keeps their answers for the API client. The browser has by
 * now asked for the page's scripts and styles (its preload scanner reads the whole head before
 * this script runs), so the API requests queue behind them for the six connections it opens.
 */
export function startEarlyRequests(): void {
  try {
    const language = storedLanguage();
    const responses = new Map<string, Promise<Response>>();
    for (const path of pageRequests(location.pathname, new URLSearchParams(location.search), maySessionExist())) {
      const response = fetch(path, { headers: apiHeaders(language), credentials: 'same-origin' });
      // A failure is reported to whoever takes the answer, as their own request's would be.
      response.catch(() => undefined);
      responses.set(path, response);
    }
    (globalThis as EarlyGlobal)[EARLY] = { address: currentAddress(), language, responses };
  } catch {
    // Nothing asked early: the routes ask as they always did.
  }
}

/** The answer asked early for this GET, once; none once the address or the language has changed. */
export function takeEarlyResponse(path: string, language: string): Promise<Response> | undefined {
  const early = (globalThis as EarlyGlobal)[EARLY];
  if (!early || early.responses.size === 0) return undefined;
  const response = early.responses.get(path);
  if (response === undefined || early.language !== (language === 'en' ? 'en' : 'ar') || early.address !== currentAddress()) return undefined;
  early.responses.delete(path);
  return response;
}

/** Drops the answers not yet taken: once the portal changes something, they may be out of date. */
export function forgetEarlyResponses(): void {
  (globalThis as EarlyGlobal)[EARLY]?.responses.clear();
}
