// The establishment's requests, newest first: those it made for its workers and the transfers
// of services awaiting its release, each with its status, its dates and the bills to pay, and a
// link to the request's own page. The page is kept in the address (a link or a reload shows the
// same rows).
import { Anchor, Button, Card, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useEstablishmentRequests, type Establishment, type EstablishmentRequest } from '../../api/establishments';
import { pick } from '../../api/pick';
import { RequireAuth } from '../../session/require-auth';
import { useSandboxMode } from '../../session/queries';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { Money } from '../../shared/money';
import { PageHeading } from '../../shared/page-heading';
import { ScrollTable } from '../../shared/scroll-table';
import { StatusBadge } from '../dashboard/eservices-sections';
import { billStatusLabel, requestStatusColor, requestStatusLabel } from '../eservices/labels';
import { EstablishmentGate } from './establishment-page';

const PAGE_SIZES = ['10', '25', '50', '100'];

export function RequestsPage() {
  return <RequireAuth>{() => <EstablishmentGate>{(e) => <Requests e={e} />}</EstablishmentGate>}</RequireAuth>;
}

function Requests({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('page'));
  const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const pageSize = PAGE_SIZES.includes(params.get('pageSize') ?? '') ? Number(params.get('pageSize')) : 25;
  const requests = useEstablishmentRequests(e.id, page, pageSize);
  const go = (changes: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...changes }, { replace: true, preventScrollReset: true });
  const name = pick(e.name, i18n.language);
  const title = t('establishmentRequests.titleOf', { name });
  const data = requests.data;
  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={title}>{title}</PageHeading>
        <Text>{t('establishmentRequests.intro')}</Text>
        <Button component={Link} to={`/establishments/${e.id}`} variant="subtle" mt="xs">
          {t('establishments.worker.back', { name })}
        </Button>
      </div>
      <Card withBorder radius="md" padding="lg" component="section" aria-label={title} data-testid="establishment-requests">
        <Stack gap="md">
          <ApiErrorAlert error={requests.error} />
          {requests.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {data && (
            <>
              <Text aria-live="polite" data-testid="requests-total">
                {t('establishmentRequests.total', { count: data.total })}
              </Text>
              {data.requests.length === 0 ? (
                <Text>{t('establishmentRequests.none')}</Text>
              ) : (
                <ScrollTable minWidth={900} label={title}>
                  <Table striped verticalSpacing="sm" data-testid="requests-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('establishmentRequests.number')}</Table.Th>
                        <Table.Th scope="col">{t('establishmentRequests.service')}</Table.Th>
                        <Table.Th scope="col">{t('establishmentRequests.worker')}</Table.Th>
                        <Table.Th scope="col">{t('establishmentRequests.status')}</Table.Th>
                        <Table.Th scope="col">{t('establishmentRequests.createdOn')}</Table.Th>
                        <Table.Th scope="col">{t('establishmentRequests.bills')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.requests.map((r) => (
                        <RequestRow key={r.id} r={r} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              <Group justify="space-between" wrap="wrap" gap="sm">
                <Group gap="xs">
                  <Button variant="default" size="sm" disabled={data.page <= 1} onClick={() => go({ page: String(data.page - 1) })} data-testid="requests-previous">
                    {t('establishments.workers.previous')}
                  </Button>
                  <Text size="sm">{t('establishments.workers.pageOf', { page: data.page, pages: Math.max(data.pages, 1) })}</Text>
                  <Button variant="default" size="sm" disabled={data.page >= data.pages} onClick={() => go({ page: String(data.page + 1) })} data-testid="requests-next">
                    {t('establishments.workers.next')}
                  </Button>
                </Group>
                <Select
                  label={t('establishments.workers.pageSize')}
                  data={PAGE_SIZES}
                  value={String(pageSize)}
                  onChange={(v) => v && go({ pageSize: v, page: '1' })}
                  allowDeselect={false}
                  w={120}
                  size="sm"
                />
              </Group>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

function RequestRow({ r }: { r: EstablishmentRequest }) {
  const { t, i18n } = useTranslation();
  const sandbox = useSandboxMode();
  return (
    <Table.Tr data-testid={`request-${r.id}`}>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`/requests/${r.id}`} data-testid={`request-link-${r.id}`}>
          <Ltr>{r.number}</Ltr>
        </Anchor>
      </Table.Th>
      <Table.Td>
        {pick(r.serviceName, i18n.language)}
        {r.role === 'releasing' && (
          <Text size="sm" c="orange.9">
            {t('establishmentRequests.releasing')}
          </Text>
        )}
        {r.byStaff && (
          <Text size="sm" c="dimmed">
            {t('establishmentRequests.byStaff')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Ltr>{r.beneficiaryIdNumber}</Ltr>
      </Table.Td>
      <Table.Td miw={150}>
        <StatusBadge color={requestStatusColor(r.status)} testId={`request-status-${r.id}`}>
          {requestStatusLabel(t, r.status)}
        </StatusBadge>
      </Table.Td>
      <Table.Td>
        <DualDate iso={r.createdOn.gregorian} />
      </Table.Td>
      <Table.Td>
        {r.bills.length === 0 ? (
          '—'
        ) : (
          <Stack gap={6}>
            {r.bills.map((b) => (
              <div key={b.billNumber} data-testid={`request-bill-${b.billNumber}`}>
                <Text size="sm">
                  <Ltr>{b.billNumber}</Ltr> — <Money halalas={b.amountHalalas} />
                </Text>
                <Text size="sm" fw={b.status === 'unpaid' ? 700 : undefined} c={b.status === 'unpaid' ? 'orange.9' : 'dimmed'} data-testid="request-bill-status">
                  {billStatusLabel(t, b.status)}
                </Text>
                {b.status === 'unpaid' && (
                  <Text size="sm">
                    {t('establishmentRequests.payBy')} <DualDate iso={b.expiresAt} />
                  </Text>
                )}
                {sandbox && b.status === 'unpaid' && (
                  <Anchor component={Link} to={`/sandbox/atm?bill=${encodeURIComponent(b.billNumber)}&amount=${b.amountHalalas}`} size="sm" data-testid={`request-pay-${b.billNumber}`}>
                    {t('eservices.bills.payAtAtm')}
                  </Anchor>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
