// Who is logged in, and whether this server is a sandbox. Both are asked once and cached.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, isUnauthenticated } from '../api/client';
import { forgetCsrfToken, maySessionExist } from '../api/csrf';
import type { Me } from '../api/types';

export const ME_KEY = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: async (): Promise<Me | null> => {
    try {
      return await api.get<Me>('/api/v1/me');
    } catch (err) {
      if (isUnauthenticated(err)) return null;
      throw err;
    }
  },
  staleTime: 60_000,
  retry: false,
});

/** The logged-in account, null when nobody is. */
export function useMe(opts: { required?: boolean } = {}) {
  return useQuery({
    ...meQuery,
    // Anonymous visitors are not asked (saves a 401 on every public page), unless a page
    // needs an answer.
    enabled: opts.required === true || maySessionExist(),
  });
}

/** The mode the server wrote into the page it served; unknown under Vite's development server. */
function modeOfPage(): boolean | undefined {
  const mode = document.querySelector<HTMLMetaElement>('meta[name="absher-mode"]')?.content;
  return mode === undefined ? undefined : mode === 'sandbox';
}

/** Whether this server is a sandbox: undefined until known. */
export function useSandboxModeQuery() {
  return useQuery({
    queryKey: ['sandbox-mode'],
    // Known from the page itself when the server served it: nothing to ask.
    initialData: modeOfPage,
    queryFn: async () => {
      try {
        await api.get<unknown>('/api/v1/sandbox/personas');
        return true;
      } catch {
        return false;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSandboxMode(): boolean {
  return useSandboxModeQuery().data === true;
}

/** Logs out and goes home. Home first (committed at once, not as a transition), then forget
 * the person: a page behind the login would otherwise see nobody and send them to log in. */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.delete<void>('/api/v1/sessions/current');
      } catch (err) {
        // A session that already ended is logged out all the same.
        if (!isUnauthenticated(err)) throw err;
      }
    },
    onSettled: async () => {
      forgetCsrfToken();
      await navigate('/', { flushSync: true });
      client.setQueryData(ME_KEY, null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'sandbox-mode' });
    },
  });
}
