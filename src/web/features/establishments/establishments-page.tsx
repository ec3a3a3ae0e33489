// The establishments the user may act for: those they own (open one on Absher here) and those
// they are staff of, each leading to its workers, services and iqama cards.
import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstablishments, useOpenEstablishment, type EstablishmentSummary } from '../../api/establishments';
import { pick } from '../../api/pick';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { StatusBadge } from '../dashboard/eservices-sections';
import { regionLabel } from './labels';

export function EstablishmentsPage() {
  return <RequireAuth>{() => <Establishments />}</RequireAuth>;
}

function Establishments() {
  const { t } = useTranslation();
  const list = useEstablishments();
  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={t('establishments.title')}>{t('establishments.title')}</PageHeading>
        <Text>{t('establishments.intro')}</Text>
      </div>
      {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      <ApiErrorAlert error={list.error} />
      {list.data && list.data.length === 0 && <Text data-testid="no-establishments">{t('establishments.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.data.map((e) => (
            <EstablishmentCard key={`${e.role}-${e.id}`} e={e} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

function EstablishmentCard({ e }: { e: EstablishmentSummary }) {
  const { t, i18n } = useTranslation();
  const open = useOpenEstablishment();
  const facts: Fact[] = [
    { label: t('establishments.unifiedNumber'), value: <Ltr>{e.id}</Ltr> },
    { label: t('establishments.region'), value: regionLabel(t, e.region) },
    { label: t('establishments.role'), value: t(`establishments.roles.${e.role}`) },
    {
      label: t('establishments.onAbsher'),
      value: <StatusBadge color={e.opened ? 'absher' : 'gray'}>{e.opened ? t('establishments.opened') : t('establishments.notOpened')}</StatusBadge>,
    },
  ];
  if (e.openedAt) facts.push({ label: t('establishments.openedAt'), value: <DualDate iso={e.openedAt} /> });
  if (e.staffUntil) facts.push({ label: t('establishments.staffUntil'), value: <DualDate iso={e.staffUntil} /> });
  const name = pick(e.name, i18n.language);
  return (
    <Card withBorder radius="md" padding="lg" component="li" data-testid={`establishment-${e.id}`}>
      <Title order={2} size="h4" mb="sm">
        {name}
      </Title>
      <Facts items={facts} />
      {e.role === 'staff' && (
        <Text size="sm" mt="sm">
          {t('establishments.staffServices')}: {e.services.map((s) => pick(s.name, i18n.language)).join(t('common.listSeparator'))}
        </Text>
      )}
      <Group mt="md">
        {e.opened ? (
          <Button component={Link} to={`/establishments/${e.id}`} data-testid={`open-establishment-${e.id}`} aria-label={t('establishments.manageNamed', { name })}>
            {t('establishments.manage')}
          </Button>
        ) : (
          <Button variant="light" loading={open.isPending} onClick={() => open.mutate(e.id)} data-testid={`open-on-absher-${e.id}`} aria-label={t('establishments.openNamed', { name })}>
            {t('establishments.open')}
          </Button>
        )}
      </Group>
      {!e.opened && <Text size="sm" mt="xs">{t('establishments.openHint')}</Text>}
      <ApiErrorAlert error={open.error} />
      {open.isSuccess && (
        <Alert color="absher" variant="light" mt="sm" role="status">
          {t('establishments.openedNow')}
        </Alert>
      )}
    </Card>
  );
}
