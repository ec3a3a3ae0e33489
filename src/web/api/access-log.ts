// Who looked at my data: the holder's access log, newest first, a page at a time.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { DatePair } from './eservices';
import type { Bilingual } from './types';

export type ActorKind = 'self' | 'officer' | 'delegate' | 'head_of_family' | 'sponsor' | 'account_holder' | 'bank' | 'kiosk' | 'channel' | 'system' | 'anonymous';

export type AccessEntry = {
  at: string;
  on: DatePair;
  action: string;
  what: Bilingual;
  service: { code: string; name: Bilingual } | null;
  requestId: string | null;
  channel: 'web' | 'api' | 'atm' | 'kiosk' | 'office' | 'system';
  who: { kind: ActorKind; label: Bilingual; name: Bilingual | null; office: Bilingual | null };
  onBehalfOf: { kind: ActorKind; label: Bilingual; name: Bilingual | null } | null;
};

type Page = { entries: AccessEntry[]; nextCursor: string | null };

export function accessLogQuery(pageSize: number) {
  return infiniteQueryOptions({
    queryKey: ['access-log', pageSize],
    queryFn: ({ pageParam }) => api.get<Page>(`/api/v1/me/access-log?limit=${pageSize}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

export function useAccessLog(pageSize = 20) {
  return useInfiniteQuery(accessLogQuery(pageSize));
}
