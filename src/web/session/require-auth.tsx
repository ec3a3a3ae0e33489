// Pages behind a login: anonymous visitors go to the login page, and come back here after.
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../api/types';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { useMe } from './queries';

export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe({ required: true });
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (me.isError) return <ApiErrorAlert error={me.error} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
}

/** Only same-site paths: a crafted ?next= must not send anyone to another site. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
