// The statistics page: the open summary for everyone; for supervisors, below it, the figures
// per day, office and region with their charts. The charts and their library are a chunk of
// their own, fetched only for a supervisor.
import { Stack, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../app/shell';
import { useMe } from '../../session/queries';
import { PageHeading } from '../../shared/page-heading';
import { SummarySection } from './summary-section';

const SupervisorFigures = lazy(() => import('./supervisor-figures').then((m) => ({ default: m.SupervisorFigures })));

export function StatisticsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const supervisor = me.data?.roles?.includes('supervisor') ?? false;
  return (
    <Stack gap={48}>
      <div>
        <PageHeading documentTitle={t('statistics.title')}>{t('statistics.title')}</PageHeading>
        <Text maw={760}>{t('statistics.intro')}</Text>
      </div>
      <SummarySection />
      {supervisor && (
        <Suspense fallback={<PageLoading />}>
          <SupervisorFigures />
        </Suspense>
      )}
    </Stack>
  );
}
