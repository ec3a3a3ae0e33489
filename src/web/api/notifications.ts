// The SMS notices sent to the holder's registered mobile, newest first, a page at a time.
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';

export type NotificationStatus = 'pending' | 'sent' | 'failed';
export type Notification = { text: string; queuedAt: string; status: NotificationStatus };

type Page = { notifications: Notification[]; nextCursor: string | null };

export function notificationsQuery(pageSize: number) {
  return infiniteQueryOptions({
    queryKey: ['notifications', pageSize],
    queryFn: ({ pageParam }) => api.get<Page>(`/api/v1/me/notifications?limit=${pageSize}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}

export function useNotifications(pageSize: number) {
  return useInfiniteQuery(notificationsQuery(pageSize));
}
