// One worker of an establishment: their documents and warnings, their open requests, and the
// services the user may apply for on their behalf, each opening the service's page with the
// establishment and the worker already chosen.
import { Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWorkers, type Establishment } from '../../api/establishments';
import { pick } from '../../api/pick';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { EstablishmentGate } from './establishment-page';
import { WarningBadge } from './workers-table';

/** Services applied for an establishment's own worker (a transfer of services is for another's). */
const WORKER_SERVICES = ['iqama_renew', 'iqama_issue', 'exit_reentry_visa', 'final_exit_visa', 'profession_change', 'transfer_of_information'];

export function WorkerPage() {
  return <RequireAuth>{() => <EstablishmentGate>{(e) => <WorkerView e={e} />}</EstablishmentGate>}</RequireAuth>;
}

function WorkerView({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const { workerId = '' } = useParams();
  const found = useWorkers(e.id, { search: workerId, sort: 'name', order: 'asc', page: 1, pageSize: 10 });
  const back = (
    <Button component={Link} to={`/establishments/${e.id}`} variant="subtle" w="fit-content">
      {t('establishments.worker.back', { name: pick(e.name, i18n.language) })}
    </Button>
  );
  if (found.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  const w = found.data?.workers.find((x) => x.idNumber === workerId);
  if (!w)
    return (
      <Stack>
        <PageHeading documentTitle={t('establishments.worker.notFound')}>{t('establishments.worker.notFound')}</PageHeading>
        <ApiErrorAlert error={found.error} />
        {back}
      </Stack>
    );
  const name = pick(w.name, i18n.language);
  const facts: Fact[] = [
    { label: t('fields.idNumber'), value: <Ltr>{w.idNumber}</Ltr>, testId: 'worker-id-number' },
    { label: t('establishments.workers.nationality'), value: <Ltr>{w.nationality}</Ltr> },
    { label: t('establishments.workers.profession'), value: w.profession ? (w.profession.name ? pick(w.profession.name, i18n.language) : w.profession.code) : '—' },
    { label: t('establishments.workers.iqamaExpiry'), value: w.iqama ? <DualDate iso={w.iqama.expiresOn.gregorian} /> : t('establishments.worker.noIqama') },
    {
      label: t('establishments.workers.passportExpiry'),
      value: w.passport ? (
        <>
          <Ltr>{w.passport.number}</Ltr> — <DualDate iso={w.passport.expiresOn.gregorian} />
        </>
      ) : (
        '—'
      ),
    },
    { label: t('establishments.workers.establishment'), value: pick(e.name, i18n.language) },
  ];
  const services = e.services.filter((s) => WORKER_SERVICES.includes(s.code));
  return (
    <Stack gap="lg" maw={920}>
      <div>
        <PageHeading documentTitle={name}>{name}</PageHeading>
        {back}
      </div>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="worker-facts">
        <Title order={2} size="h3" id="worker-facts" mb="md">
          {t('establishments.worker.details')}
        </Title>
        <Facts items={facts} />
        {w.warnings.length > 0 && (
          <Group gap="xs" mt="md">
            {w.warnings.map((x) => (
              <WarningBadge key={x.code} code={x.code}>
                {pick(x.message, i18n.language)}
              </WarningBadge>
            ))}
          </Group>
        )}
        {w.openRequests.count > 0 && (
          <>
            <Title order={3} size="h4" mt="lg" mb="xs">
              {t('establishments.workers.openRequests')}
            </Title>
            {w.openRequests.requests.map((r) => (
              <Anchor key={r.id} component={Link} to={`/requests/${r.id}`} display="block">
                {pick(r.serviceName, i18n.language)} (<Ltr>{r.number}</Ltr>)
              </Anchor>
            ))}
          </>
        )}
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="worker-services">
        <Title order={2} size="h3" id="worker-services" mb="xs">
          {t('establishments.worker.services')}
        </Title>
        <Text mb="md">{t('establishments.worker.servicesIntro', { name })}</Text>
        {services.length === 0 ? (
          <Text>{t('establishments.worker.noServices')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {services.map((s) => (
              <li key={s.code}>
                <Button
                  component={Link}
                  to={`/services/${s.code}?establishment=${e.id}&worker=${w.idNumber}`}
                  variant="light"
                  fullWidth
                  justify="flex-start"
                  data-testid={`worker-service-${s.code}`}
                >
                  {pick(s.name, i18n.language)}
                </Button>
              </li>
            ))}
          </SimpleGrid>
        )}
      </Card>
    </Stack>
  );
}
