// A page's loader starts its queries before the page mounts; the page's hooks then take those
// answers instead of asking a second time (a second ask would, for the workers view, also
// record a second view in the audit log), and ask afresh once anything has changed.
import { MutationObserver, QueryObserver, queryOptions, type QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createQueryClient, prefetch } from '../../src/web/app/query-client';

function counted(key: string) {
  const calls = { n: 0 };
  const query = queryOptions({ queryKey: [key], queryFn: async () => ++calls.n });
  return { calls, query };
}

/** A hook mounting: an observer subscribed, until the fetch it may start has ended. */
async function mount(client: QueryClient, query: ReturnType<typeof counted>['query']) {
  const observer = new QueryObserver(client, query);
  const unsubscribe = observer.subscribe(() => undefined);
  await client.getQueryCache().find({ queryKey: query.queryKey })?.promise;
  await new Promise((r) => setTimeout(r, 0));
  unsubscribe();
  return observer.getCurrentResult();
}

describe('queries a page starts before it mounts', () => {
  it('are asked once: the hooks mounting after the answer take it', async () => {
    const client = createQueryClient();
    const { calls, query } = counted('rows');
    prefetch(client, [query]);
    await client.getQueryCache().find({ queryKey: ['rows'] })?.promise;
    expect(calls.n).toBe(1);
    // Two sections of the page read the same query.
    expect((await mount(client, query)).data).toBe(1);
    expect((await mount(client, query)).data).toBe(1);
    expect(calls.n).toBe(1);
  });

  it('are asked once when the hook mounts while the answer is on its way', async () => {
    const client = createQueryClient();
    const { calls, query } = counted('pending');
    prefetch(client, [query]);
    expect((await mount(client, query)).data).toBe(1);
    expect(calls.n).toBe(1);
  });

  it('are left to the hooks when already answered: a page visited again is refreshed as it mounts', async () => {
    const client = createQueryClient();
    const { calls, query } = counted('seen');
    await client.fetchQuery(query);
    prefetch(client, [query]);
    expect(calls.n).toBe(1);
    expect((await mount(client, query)).data).toBe(2);
  });

  it('are asked afresh once the portal has changed something', async () => {
    const client = createQueryClient();
    const { calls, query } = counted('changed');
    prefetch(client, [query]);
    await client.getQueryCache().find({ queryKey: ['changed'] })?.promise;
    await new MutationObserver(client, { mutationFn: async () => 'done' }).mutate();
    expect((await mount(client, query)).data).toBe(2);
    expect(calls.n).toBe(2);
  });

  it('without a start, are asked again as a hook mounts, as before', async () => {
    const client = createQueryClient();
    const { calls, query } = counted('plain');
    await client.fetchQuery(query);
    await mount(client, query);
    expect(calls.n).toBe(2);
  });
});
