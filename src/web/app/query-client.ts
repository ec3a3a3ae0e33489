// The portal's one query client. A page's route starts the page's queries from its loader, as
// soon as the route is known and before the page has rendered (its own chunk, or the person's
// session, may still be on their way); the page's hooks then find them under way. What such a
// start fetched counts as fresh for a few seconds, so that the hooks, mounting meanwhile, take
// it rather than ask again; any change the portal makes (a mutation) ends that grace at once.
import { MutationCache, QueryCache, QueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { isUnauthenticated } from '../api/client';
import { ME_KEY } from '../session/queries';

const PREFETCH_GRACE_MS = 5_000;

/** When a page's loader started each query, and in which epoch (a mutation begins a new one). */
const prefetched = new WeakMap<Query, { at: number; epoch: number }>();
let epoch = 0;

function staleTime(query: Query): number {
  const mark = prefetched.get(query);
  return mark && mark.epoch === epoch && Date.now() - mark.at < PREFETCH_GRACE_MS ? PREFETCH_GRACE_MS : 0;
}

export function createQueryClient(): QueryClient {
  // A session that ended while a page was open: forget the person, so that the pages behind
  // the login send them to log in again (and back here afterwards).
  const onError = (err: unknown) => {
    if (isUnauthenticated(err) && client.getQueryData(ME_KEY)) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      onError,
      onSuccess: () => {
        epoch++;
      },
    }),
    defaultOptions: {
      // Queries that set their own staleTime keep it.
      queries: { refetchOnWindowFocus: false, retry: false, staleTime },
      mutations: { retry: false },
    },
  });
  return client;
}

export const queryClient = createQueryClient();

/** What a page starts: the options its hook passes (queryOptions or infiniteQueryOptions). */
export type PageQuery = { queryKey: QueryKey; initialPageParam?: unknown };

/**
 * Starts the queries that have no answer yet, without waiting for them; those already answered
 * are left to the page's hooks (refreshed as they mount, as before).
 */
export function prefetch(client: QueryClient, queries: readonly PageQuery[]): void {
  for (const q of queries) {
    if (client.getQueryState(q.queryKey)?.data !== undefined) continue;
    const started = 'initialPageParam' in q ? client.infiniteQuery(q as Parameters<QueryClient['infiniteQuery']>[0]) : client.query(q as Parameters<QueryClient['query']>[0]);
    // A failure is the page's to show, through its hook (and the cache's onError).
    started.catch(() => undefined);
    const query = client.getQueryCache().find({ queryKey: q.queryKey, exact: true });
    if (query) prefetched.set(query, { at: Date.now(), epoch });
  }
}

/** A route loader that starts the page's queries and lets the page render at once. */
export function prefetching(select: (args: LoaderFunctionArgs) => readonly PageQuery[]) {
  return (args: LoaderFunctionArgs): null => {
    prefetch(queryClient, select(args));
    return null;
  };
}
