// One establishment: its record from the labour ministry, its workers (filtered, sorted, paged,
// exported as CSV, with warnings for what expires) and the bulk renewal of the selected
// workers' iqamas; its iqama cards, its requests and (for the owner) its staff have their own
// pages.
import { Alert, Button, Card, Group, Loader, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEstablishment, type Establishment, type Worker } from '../../api/establishments';
import { pick } from '../../api/pick';
import { TRANSFER_SERVICE } from '../../api/transfers';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { BulkRenewal } from './bulk-renewal';
import { regionLabel } from './labels';
import { WorkersTable } from './workers-table';

export function EstablishmentPage() {
  return <RequireAuth>{() => <EstablishmentLoader />}</RequireAuth>;
}

/** The establishment named in the path, or why it cannot be shown. */
export function useRouteEstablishment() {
  const { id = '' } = useParams();
  return { id, establishment: useEstablishment(id) };
}

export function EstablishmentGate({ children }: { children: (e: Establishment) => ReactNode }) {
  const { t } = useTranslation();
  const { establishment } = useRouteEstablishment();
  if (establishment.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  if (establishment.isError)
    return (
      <Stack>
        <PageHeading documentTitle={t('establishments.loadFailed')}>{t('establishments.loadFailed')}</PageHeading>
        <ApiErrorAlert error={establishment.error} />
        <Button component={Link} to="/establishments" variant="subtle" w="fit-content">
          {t('establishments.back')}
        </Button>
      </Stack>
    );
  return <>{children(establishment.data)}</>;
}

function EstablishmentLoader() {
  return <EstablishmentGate>{(e) => <EstablishmentView e={e} />}</EstablishmentGate>;
}

function EstablishmentView({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  // Kept across pages and filters: a person may gather workers from several pages.
  const [selected, setSelected] = useState<Map<string, Worker>>(new Map());
  const canRenew = e.services.some((s) => s.code === 'iqama_renew');
  const facts: Fact[] = [
    { label: t('establishments.unifiedNumber'), value: <Ltr>{e.id}</Ltr>, testId: 'establishment-id' },
    { label: t('establishments.crNumber'), value: <Ltr>{e.crNumber}</Ltr> },
    { label: t('establishments.labourFile'), value: <Ltr>{e.labourFile}</Ltr> },
    { label: t('establishments.region'), value: `${regionLabel(t, e.region)} — ${e.city}` },
    { label: t('establishments.workerCount'), value: <Ltr>{e.workerCount}</Ltr>, testId: 'worker-count' },
    { label: t('establishments.openedAt'), value: <DualDate iso={e.openedAt} /> },
    { label: t('establishments.role'), value: t(`establishments.roles.${e.role}`) },
  ];
  const name = pick(e.name, i18n.language);
  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={name}>{name}</PageHeading>
        <Group gap="sm">
          <Button component={Link} to={`/establishments/${e.id}/cards`} variant="light" data-testid="establishment-cards-link">
            {t('establishments.cards.title')}
          </Button>
          <Button component={Link} to={`/establishments/${e.id}/requests`} variant="light" data-testid="establishment-requests-link">
            {t('establishmentRequests.link')}
          </Button>
          {e.services.some((s) => s.code === TRANSFER_SERVICE) && (
            <Button component={Link} to={`/establishments/${e.id}/transfers`} variant="light" data-testid="establishment-transfers-link">
              {t('transfers.link')}
            </Button>
          )}
          {e.role === 'owner' && (
            <Button component={Link} to={`/establishments/${e.id}/staff`} variant="light" data-testid="establishment-staff-link">
              {t('establishmentStaff.link')}
            </Button>
          )}
          <Button component={Link} to="/establishments" variant="subtle">
            {t('establishments.back')}
          </Button>
        </Group>
      </div>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="establishment-facts">
        <Title order={2} size="h3" id="establishment-facts" mb="md">
          {t('establishments.details')}
        </Title>
        <Facts items={facts} />
        {!e.paperAllowed && (
          <Alert color="blue" variant="light" mt="md">
            {t('establishments.paperRule')}
          </Alert>
        )}
      </Card>
      <WorkersTable establishment={e} selected={selected} onSelectedChange={setSelected} selectable={canRenew} />
      {canRenew && <BulkRenewal establishment={e} selected={selected} onDone={() => setSelected(new Map())} />}
    </Stack>
  );
}
