import { DirectionProvider, MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isUnauthenticated } from '../api/client';
import { ME_KEY } from '../session/queries';
import { directionOf, type Language } from './language';
import { cssVariablesResolver, theme } from './theme';

export function createQueryClient(): QueryClient {
  // A session that ended while a page was open: forget the person, so that the pages behind
  // the login send them to log in again (and back here afterwards).
  const onError = (err: unknown) => {
    if (isUnauthenticated(err) && client.getQueryData(ME_KEY)) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
  return client;
}

export function Providers({ language, client, children }: { language: Language; client: QueryClient; children: ReactNode }) {
  return (
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" forceColorScheme="light">
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
