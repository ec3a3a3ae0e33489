// Who looked at my data: every entry of the holder's access log, newest first, with who acted
// (a name for accounts, an office for officers, a network for banks and kiosks) and on whose
// behalf; older entries a page at a time.
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccessLog } from '../../api/access-log';
import { RequireAuth } from '../../session/require-auth';
import { PageHeading } from '../../shared/page-heading';
import { AccessEntries } from './access-entries';

export function AccessLogPage() {
  return <RequireAuth>{() => <AccessLog />}</RequireAuth>;
}

function AccessLog() {
  const { t } = useTranslation();
  const log = useAccessLog();
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageHeading documentTitle={t('accessLog.title')}>{t('accessLog.title')}</PageHeading>
        <Text>{t('accessLog.intro')}</Text>
      </div>
      <Card withBorder radius="md" padding="lg" data-testid="access-log">
        {log.isPending ? (
          <Text>{t('app.loading')}</Text>
        ) : log.isError ? (
          <Alert color="red" variant="light" role="alert">
            {t('accessLog.loadFailed')}
          </Alert>
        ) : entries.length === 0 ? (
          <Text>{t('accessLog.none')}</Text>
        ) : (
          <AccessEntries entries={entries} />
        )}
        {log.hasNextPage && (
          <Button variant="light" mt="md" w="fit-content" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} data-testid="access-log-more">
            {t('accessLog.more')}
          </Button>
        )}
      </Card>
    </Stack>
  );
}
