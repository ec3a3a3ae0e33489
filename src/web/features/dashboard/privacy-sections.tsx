// The dashboard's e-authorizations (how many given and received are in force, and the way to
// manage them) and the latest entries of who looked at the holder's data.
import { Alert, Anchor, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccessLog } from '../../api/access-log';
import { useDelegations } from '../../api/delegations';
import { Ltr } from '../../shared/ltr';
import { AccessEntries } from '../access-log/access-entries';
import { RECENT_ACCESS } from './dashboard-loader';
import { Section } from '../../shared/section';

export function MyAuthorizations() {
  const { t } = useTranslation();
  const delegations = useDelegations();
  let body: ReactNode;
  if (delegations.isPending) body = <Loader size="sm" aria-label={t('app.loading')} />;
  else if (delegations.isError)
    body = (
      <Alert color="red" variant="light" role="alert">
        {t('delegations.loadFailed')}
      </Alert>
    );
  else {
    const given = delegations.data.given.filter((d) => d.status === 'in_force').length;
    const received = delegations.data.received.filter((d) => d.status === 'in_force').length;
    body = (
      <>
        <Text data-testid="authorizations-given">
          {t('delegations.summaryGiven')}: <Ltr>{given}</Ltr>
        </Text>
        <Text data-testid="authorizations-received">
          {t('delegations.summaryReceived')}: <Ltr>{received}</Ltr>
        </Text>
      </>
    );
  }
  return (
    <Section id="authorizations-title" title={t('delegations.title')} testId="my-authorizations">
      {body}
      <Group mt="sm">
        <Anchor component={Link} to="/authorizations" data-testid="manage-authorizations">
          {t('delegations.manage')}
        </Anchor>
      </Group>
    </Section>
  );
}

export function RecentAccess() {
  const { t } = useTranslation();
  const log = useAccessLog(RECENT_ACCESS);
  const entries = log.data?.pages[0]?.entries ?? [];
  let body: ReactNode;
  if (log.isPending) body = <Loader size="sm" aria-label={t('app.loading')} />;
  else if (log.isError)
    body = (
      <Alert color="red" variant="light" role="alert">
        {t('accessLog.loadFailed')}
      </Alert>
    );
  else if (entries.length === 0) body = <Text>{t('accessLog.none')}</Text>;
  else
    body = (
      <>
        <Text fw={700} size="sm" mb="xs">
          {t('accessLog.latest')}
        </Text>
        <AccessEntries entries={entries} compact />
      </>
    );
  return (
    <Section id="access-title" title={t('accessLog.title')} testId="recent-access">
      {body}
      <Group mt="sm">
        <Anchor component={Link} to="/access-log" data-testid="view-access-log">
          {t('accessLog.viewAll')}
        </Anchor>
      </Group>
    </Section>
  );
}
