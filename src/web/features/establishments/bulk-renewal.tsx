// The bulk iqama renewal: the selected workers, the quarters and the office where the cards
// will be collected; each worker is checked and billed on their own, so the answer lists an
// outcome per worker with the bill to pay. The Idempotency-Key is made once per submission
// and kept for a retry of the same one, which then finds the renewals already made.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Card, Group, List, Radio, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { useRenewIqamas, type Establishment, type RenewalResult, type Worker } from '../../api/establishments';
import { useOffices } from '../../api/offices';
import { pick } from '../../api/pick';
import { useSandboxMode } from '../../session/queries';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { fieldMessage } from '../../shared/form-errors';
import { Ltr } from '../../shared/ltr';
import { Money } from '../../shared/money';
import { ScrollTable } from '../../shared/scroll-table';
import { StatusBadge } from '../dashboard/eservices-sections';
import { requestStatusLabel } from '../eservices/labels';
import { outcomeColor, outcomeLabel } from './labels';

const MAX_WORKERS = 100;
const schema = z.object({ quarters: z.enum(['1', '2', '3', '4']), pickupOfficeId: z.string().min(1, 'validation.required') });
type Values = z.infer<typeof schema>;

type Props = { establishment: Establishment; selected: Map<string, Worker>; onDone(): void };

export function BulkRenewal({ establishment, selected, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const offices = useOffices();
  const renew = useRenewIqamas(establishment.id);
  // The names of those submitted, for the results once the selection is cleared.
  const names = useRef(new Map<string, string>());
  const submission = useRef<{ json: string; key: string } | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { quarters: '4', pickupOfficeId: '' } });
  const workers = [...selected.values()];
  const tooMany = workers.length > MAX_WORKERS;

  const onSubmit = (v: Values) => {
    if (workers.length === 0 || tooMany) return;
    const body = { workers: workers.map((w) => w.idNumber), quarters: Number(v.quarters), pickupOfficeId: v.pickupOfficeId };
    const json = JSON.stringify(body);
    if (submission.current?.json !== json) submission.current = { json, key: crypto.randomUUID() };
    for (const w of workers) names.current.set(w.idNumber, pick(w.name, i18n.language));
    renew.mutate({ body, key: submission.current.key }, { onSuccess: () => onDone() });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="renew-title" data-testid="bulk-renewal">
      <Title order={2} size="h3" id="renew-title" mb="xs">
        {t('establishments.renew.title')}
      </Title>
      <Text mb="md">{t('establishments.renew.intro')}</Text>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
        <Stack gap="md">
          <div aria-live="polite">
            <Text fw={700} data-testid="selected-count">
              {t('establishments.renew.selected', { count: workers.length })}
            </Text>
            {workers.length > 0 && (
              <Text size="sm">{workers.map((w) => pick(w.name, i18n.language)).join(t('common.listSeparator'))}</Text>
            )}
            {tooMany && (
              <Text c="red.9" size="sm">
                {t('establishments.renew.tooMany', { max: MAX_WORKERS })}
              </Text>
            )}
          </div>
          <Controller
            control={form.control}
            name="quarters"
            render={({ field }) => (
              <Radio.Group label={t('establishments.renew.quarters')} description={t('establishments.renew.quartersHint')} value={field.value} onChange={field.onChange} name={field.name} required>
                <Group mt="xs">
                  {(['1', '2', '3', '4'] as const).map((q) => (
                    <Radio key={q} value={q} label={t('establishments.renew.quarterCount', { count: Number(q) })} data-testid={`quarters-${q}`} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
          <Controller
            control={form.control}
            name="pickupOfficeId"
            render={({ field }) => (
              <Select
                label={t('establishments.renew.office')}
                description={t('establishments.renew.officeHint')}
                required
                data={(offices.data ?? []).filter((o) => o.kind === 'office').map((o) => ({ value: o.id, label: pick(o.name, i18n.language) }))}
                disabled={!offices.data}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={fieldMessage(form.formState.errors.pickupOfficeId?.message)}
                maw={360}
                data-testid="renew-office"
              />
            )}
          />
          <Button type="submit" w="fit-content" disabled={workers.length === 0 || tooMany} loading={renew.isPending} data-testid="renew-submit">
            {t('establishments.renew.submit', { count: workers.length })}
          </Button>
        </Stack>
      </form>
      <ApiErrorAlert error={renew.error} />
      <div role="status" aria-live="polite">
        {renew.data && (
          <Stack gap="sm" mt="lg" data-testid="renew-results">
            <Title order={3} size="h4">
              {t('establishments.renew.resultsTitle')}
            </Title>
            <Alert color={renew.data.summary.submitted > 0 ? 'absher' : 'orange'} variant="light">
              {t('establishments.renew.summary', renew.data.summary)} — {t('establishments.renew.totalToPay')} <Money halalas={renew.data.summary.totalHalalas} testId="renew-total" />
            </Alert>
            <ScrollTable minWidth={720} label={t('establishments.renew.resultsTitle')}>
              <Table verticalSpacing="sm" aria-label={t('establishments.renew.resultsTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('establishments.workers.name')}</Table.Th>
                    <Table.Th scope="col">{t('establishments.renew.outcome')}</Table.Th>
                    <Table.Th scope="col">{t('establishments.renew.request')}</Table.Th>
                    <Table.Th scope="col">{t('establishments.renew.bill')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {renew.data.results.map((r) => (
                    <ResultRow key={r.idNumber} r={r} name={names.current.get(r.idNumber)} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Stack>
        )}
      </div>
    </Card>
  );
}

function ResultRow({ r, name }: { r: RenewalResult; name: string | undefined }) {
  const { t } = useTranslation();
  const sandbox = useSandboxMode();
  return (
    <Table.Tr data-testid={`renewal-${r.idNumber}`}>
      <Table.Th scope="row" fw={500}>
        {name ?? ''} (<Ltr>{r.idNumber}</Ltr>)
      </Table.Th>
      <Table.Td>
        <StatusBadge color={outcomeColor(r.outcome)} testId={`outcome-${r.idNumber}`}>
          {outcomeLabel(t, r.outcome)}
        </StatusBadge>
        {r.existing && (
          <Text size="sm" mt={4}>
            {t('establishments.renew.existing')}
          </Text>
        )}
        {r.refusals.length > 0 && (
          <List size="sm" mt={4}>
            {r.refusals.map((x) => (
              <List.Item key={x.code}>{x.message}</List.Item>
            ))}
          </List>
        )}
      </Table.Td>
      <Table.Td>
        {r.requestId && r.requestNumber ? (
          <>
            <Anchor component={Link} to={`/requests/${r.requestId}`} data-testid={`request-link-${r.idNumber}`}>
              <Ltr>{r.requestNumber}</Ltr>
            </Anchor>
            {r.status && (
              <Text size="sm">{requestStatusLabel(t, r.status)}</Text>
            )}
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {r.billNumber && r.amountHalalas !== null ? (
          <Stack gap={4}>
            <Text size="sm">
              <Ltr testId={`bill-${r.idNumber}`}>{r.billNumber}</Ltr> — <Money halalas={r.amountHalalas} testId={`amount-${r.idNumber}`} />
            </Text>
            {sandbox && r.status === 'awaiting_payment' && (
              <Anchor component={Link} to={`/sandbox/atm?bill=${encodeURIComponent(r.billNumber)}&amount=${r.amountHalalas}`} size="sm" data-testid={`pay-${r.idNumber}`}>
                {t('eservices.bills.payAtAtm')}
              </Anchor>
            )}
          </Stack>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
