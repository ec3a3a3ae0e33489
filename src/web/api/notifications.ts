// The SMS notices sent to the holder's registered mobile, newest first, a page at a time.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';

export type NotificationStatus = 'pending' | 'sent' | 'failed';
export type Notification = { text: string; queuedAt: string; status: NotificationStatus };

type Page = { notifications: Notification[]; nextCursor: string | null };

export function useNotifications(pageSize = 5) {
  return useInfiniteQuery({
    queryKey: ['notifications', pageSize],
    queryFn: ({ pageParam }) => api.get<Page>(`/api/v1/me/notifications?limit=${pageSize}${pageParam ? `&before=${encodeURIComponent(pageParam)}` : ''}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    retry: false,
  });
}
