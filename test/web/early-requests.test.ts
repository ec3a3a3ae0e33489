// The requests index.html sends before the portal has loaded (app/early-requests.ts) are the
// ones the routes' loaders start (app/page-loaders.ts), path for path: an early request the
// portal never takes is a wasted call on the server, and a page whose request is not sent
// early waits for it as before. The API client takes each early answer once, in the same
// language and at the same address, and asks for anything else itself.
import { matchRoutes, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '../../src/web/api/client';
import { CSRF_COOKIE, forgetEarlyResponses, pageRequests, startEarlyRequests, takeEarlyResponse } from '../../src/web/app/early-requests';
import { homeQueries, pageLoaders, shellLoader } from '../../src/web/app/page-loaders';
import { prefetch, queryClient } from '../../src/web/app/query-client';

/** The browser as the portal's code sees it: address, cookie, storage, and a fetch that records. */
function browser(url: string, opts: { session: boolean; language?: 'ar' | 'en' }) {
  const { pathname, search } = new URL(url, 'http://portal.test');
  const storage = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null, setItem: () => undefined, removeItem: () => undefined });
  const fetched: string[] = [];
  const g = globalThis as Record<string, unknown>;
  g.location = { pathname, search };
  g.document = { cookie: opts.session ? `theme=x; ${CSRF_COOKIE}=token` : 'theme=x' };
  g.localStorage = storage(opts.language === 'en' ? { 'absher.language': 'en' } : {});
  g.sessionStorage = storage({});
  g.fetch = async (path: string, init?: { method?: string }) => {
    if ((init?.method ?? 'GET') === 'GET') fetched.push(path);
    return new Response(JSON.stringify({ path }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetched, pathname, search: new URLSearchParams(search) };
}

const ROUTES: RouteObject[] = [{ path: '/', children: [{ index: true, id: 'home' }, ...Object.keys(pageLoaders).map((p) => ({ path: p, id: p }))] }];

/** What the routes start for this address: the shell's loader, and the page's (or the home page's queries). */
async function loaderRequests(url: string, session: boolean): Promise<string[]> {
  const { fetched } = browser(url, { session });
  queryClient.clear();
  const request = new Request(new URL(url, 'http://portal.test'));
  const match = matchRoutes(ROUTES, new URL(request.url).pathname)?.at(-1);
  const args = { request, params: match?.params ?? {}, context: undefined } as LoaderFunctionArgs;
  shellLoader(args);
  if (match?.route.id === 'home') prefetch(queryClient, homeQueries);
  else if (match?.route.id) pageLoaders[match.route.id as keyof typeof pageLoaders](args);
  await Promise.all(queryClient.getQueryCache().getAll().map((q) => q.promise?.catch(() => undefined)));
  return fetched;
}

const ADDRESSES = [
  '/',
  '/login',
  '/register?step=code',
  '/dashboard',
  '/Dashboard/',
  '/services/exit_reentry_visa',
  '/services/exit_reentry_visa?delegation=d-1',
  '/services/iqama_renew?establishment=7000100000&worker=2000000008',
  '/establishments',
  '/establishments/7000100000',
  '/establishments/7000100000?page=2&sort=iqama_expiry',
  '/establishments/7000100000?search=Ali',
  '/establishments/7000100000?from=menu',
  '/establishments/not-a-number',
  '/establishments/7000100000/cards',
  '/office',
  '/statistics',
  '/requests/r-1',
  '/no/such/page',
];

afterEach(() => {
  for (const k of ['location', 'document', 'localStorage', 'sessionStorage', 'fetch', '__absherEarly']) delete (globalThis as Record<string, unknown>)[k];
});

describe('the requests sent early', () => {
  for (const session of [true, false]) {
    it.each(ADDRESSES)(`are those the routes start, at %s (${session ? 'with' : 'without'} a session)`, async (url) => {
      const { pathname, search } = new URL(url, 'http://portal.test');
      const started = await loaderRequests(url, session);
      // A workers view shaped by the address is left to its page: only its default view is sent early.
      const shaped = session && /^\/establishments\/\d+$/.test(pathname) && /[?&](page|sort|search)=/.test(search);
      const expected = shaped ? started.filter((p) => !p.includes('/workers?')) : started;
      if (shaped) expect(expected).toHaveLength(started.length - 1);
      expect(pageRequests(pathname, new URLSearchParams(search), session).toSorted()).toEqual(expected.toSorted());
    });
  }

  it('include each page of the router that starts its data', async () => {
    // Without this, a page whose loader asks for nothing in any of the addresses above would pass.
    for (const url of ['/', '/dashboard', '/services/exit_reentry_visa', '/establishments/7000100000', '/office', '/statistics']) {
      expect(await loaderRequests(url, true), url).not.toEqual(['/api/v1/me']);
    }
  });
});

describe('an answer asked early', () => {
  beforeEach(() => {
    browser('/statistics', { session: true });
    startEarlyRequests();
  });

  it('is taken once, for its path in its language, while the address is the same', async () => {
    expect(takeEarlyResponse('/api/v1/statistics/summary', 'en')).toBeUndefined();
    const res = await takeEarlyResponse('/api/v1/statistics/summary', 'ar');
    expect(await res?.json()).toEqual({ path: '/api/v1/statistics/summary' });
    expect(takeEarlyResponse('/api/v1/statistics/summary', 'ar')).toBeUndefined();
    (globalThis as Record<string, unknown>).location = { pathname: '/dashboard', search: '' };
    expect(takeEarlyResponse('/api/v1/services', 'ar')).toBeUndefined();
  });

  it('is taken by the API client instead of asking again', async () => {
    const { fetched } = browser('/statistics', { session: true });
    expect(await api.get('/api/v1/services')).toEqual({ path: '/api/v1/services' });
    expect(fetched).toEqual([]);
    // Only once: the next call asks.
    await api.get('/api/v1/services');
    expect(fetched).toEqual(['/api/v1/services']);
  });

  it('is not taken by a request that sends headers of its own, which the early one did not', async () => {
    const { fetched } = browser('/statistics', { session: true });
    await api.get('/api/v1/services', { headers: { 'X-Requested-With': 'test' } });
    expect(fetched).toEqual(['/api/v1/services']);
    // Still there for the request it was sent for.
    expect(takeEarlyResponse('/api/v1/services', 'ar')).toBeDefined();
  });

  it('is dropped once the portal changes something, or when asked for', async () => {
    const { fetched } = browser('/statistics', { session: true });
    await api.post('/api/v1/sessions', {});
    await api.get('/api/v1/services');
    expect(fetched).toEqual(['/api/v1/services']);
    startEarlyRequests();
    forgetEarlyResponses();
    expect(takeEarlyResponse('/api/v1/me', 'ar')).toBeUndefined();
  });

  it('is sent in the language remembered on the device', async () => {
    const { fetched } = browser('/', { session: false, language: 'en' });
    startEarlyRequests();
    expect(fetched).toEqual(['/api/v1/services']);
    expect(takeEarlyResponse('/api/v1/services', 'ar')).toBeUndefined();
    expect(await (await takeEarlyResponse('/api/v1/services', 'en'))?.json()).toEqual({ path: '/api/v1/services' });
  });
});
