// Paper transactions at the office: the officer records one, and the server refuses those the
// rule moved online (establishments at or below the worker limit, for iqamas, exit and
// re-entry and final exit), saying the establishment's count and the limit.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { toAsciiDigits } from '../../../domain/digits';
import { ApiError, api } from '../../api/client';
import { useServices } from '../../api/eservices';
import { PAPER_SERVICES, PAPER_TRANSACTIONS_KEY, paperTransactionsQuery, type PaperTransaction } from '../../api/office';
import { pick } from '../../api/pick';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { fieldMessage } from '../../shared/form-errors';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';
import { idNumberField, toWire } from '../../shared/validation';
import { ScrollTable } from '../../shared/scroll-table';

const schema = z.object({
  establishmentId: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .refine((v) => /^7\d{9}$/.test(toAsciiDigits(v)), 'validation.unifiedNumber'),
  service: z.enum(PAPER_SERVICES, { error: 'validation.required' }),
  beneficiaryIdNumber: idNumberField,
  reference: z.string().trim().max(64),
});
type Values = z.infer<typeof schema>;

export function PaperTransactions() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const services = useServices();
  const serviceName = (code: string) => {
    const s = services.data?.find((x) => x.code === code);
    return s ? pick(s.name, i18n.language) : code;
  };
  const list = useQuery(paperTransactionsQuery);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { establishmentId: '', service: undefined as unknown as Values['service'], beneficiaryIdNumber: '', reference: '' },
  });
  // One Idempotency-Key per transaction: a retried click of the same one records it once.
  const submission = useRef<{ json: string; key: string } | null>(null);
  const record = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        establishmentId: toAsciiDigits(v.establishmentId.trim()),
        service: v.service,
        beneficiaryIdNumber: toWire.idNumber(v.beneficiaryIdNumber),
        ...(v.reference ? { reference: v.reference } : {}),
      };
      const json = JSON.stringify(body);
      if (submission.current?.json !== json) submission.current = { json, key: crypto.randomUUID() };
      return api.post<PaperTransaction>('/api/v1/office/paper-transactions', body, { headers: { 'Idempotency-Key': submission.current.key } });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: PAPER_TRANSACTIONS_KEY }),
  });
  const refusal = record.error instanceof ApiError && record.error.code === 'paper_transaction_not_allowed' ? record.error : null;
  const detail = (k: string) => (typeof refusal?.details?.[k] === 'number' ? (refusal.details[k] as number) : null);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="paper-title" data-testid="paper-transactions">
      <Title order={2} size="h3" id="paper-title" mb="xs">
        {t('office.paper.title')}
      </Title>
      <Text mb="md">{t('office.paper.intro')}</Text>
      <form
        onSubmit={form.handleSubmit((v) => record.mutate(v))}
        noValidate
        aria-label={t('office.paper.title')}
      >
        <Stack gap="md">
          <Group align="flex-start" gap="sm" wrap="wrap">
            <LtrInput
              label={t('office.paper.establishmentId')}
              description={t('office.paper.unifiedNumber')}
              inputMode="numeric"
              required
              error={fieldMessage(form.formState.errors.establishmentId?.message)}
              style={{ flex: '1 1 220px' }}
              data-testid="paper-establishment"
              {...form.register('establishmentId')}
            />
            <Controller
              control={form.control}
              name="service"
              render={({ field }) => (
                <Select
                  label={t('office.paper.service')}
                  required
                  data={PAPER_SERVICES.map((code) => ({ value: code, label: serviceName(code) }))}
                  value={field.value ?? null}
                  onChange={(v) => field.onChange(v ?? undefined)}
                  error={fieldMessage(form.formState.errors.service?.message)}
                  style={{ flex: '1 1 220px' }}
                  data-testid="paper-service"
                />
              )}
            />
          </Group>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <LtrInput
              label={t('office.paper.beneficiary')}
              inputMode="numeric"
              required
              error={fieldMessage(form.formState.errors.beneficiaryIdNumber?.message)}
              style={{ flex: '1 1 220px' }}
              data-testid="paper-beneficiary"
              {...form.register('beneficiaryIdNumber')}
            />
            <LtrInput
              label={t('office.paper.reference')}
              autoComplete="off"
              error={fieldMessage(form.formState.errors.reference?.message)}
              style={{ flex: '1 1 220px' }}
              data-testid="paper-reference"
              {...form.register('reference')}
            />
          </Group>
          <Button type="submit" w="fit-content" loading={record.isPending} data-testid="paper-submit">
            {t('office.paper.submit')}
          </Button>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {record.isSuccess && (
          <Alert color="absher" variant="light" mt="md" data-testid="paper-recorded">
            {t('office.paper.recorded')}
          </Alert>
        )}
      </div>
      {refusal ? (
        <Alert color="red" variant="light" mt="md" role="alert" title={t('office.paper.refusedTitle')} data-testid="paper-refused">
          <Text size="sm">{refusal.message}</Text>
          {detail('workerCount') !== null && detail('maxWorkersWithoutPaper') !== null && (
            <Text size="sm" mt={4}>
              {t('office.paper.workerCount')}: <Ltr>{detail('workerCount')}</Ltr> — {t('office.paper.limit')}: <Ltr>{detail('maxWorkersWithoutPaper')}</Ltr>
            </Text>
          )}
        </Alert>
      ) : (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <ApiErrorAlert error={record.error} />
        </div>
      )}
      <Title order={3} size="h4" mt="lg" mb="sm">
        {t('office.paper.listTitle')}
      </Title>
      <ApiErrorAlert error={list.error} />
      {list.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {list.data && list.data.length === 0 && <Text>{t('office.paper.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <ScrollTable minWidth={640} label={t('office.paper.listTitle')}>
          <Table verticalSpacing="sm" striped aria-label={t('office.paper.listTitle')} data-testid="paper-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('office.paper.at')}</Table.Th>
                <Table.Th scope="col">{t('office.paper.establishment')}</Table.Th>
                <Table.Th scope="col">{t('office.paper.service')}</Table.Th>
                <Table.Th scope="col">{t('office.paper.beneficiary')}</Table.Th>
                <Table.Th scope="col">{t('office.paper.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>
                    <DualDate iso={x.at} />
                  </Table.Td>
                  <Table.Td>
                    <Ltr>{x.establishmentId}</Ltr>
                  </Table.Td>
                  <Table.Td>{serviceName(x.service)}</Table.Td>
                  <Table.Td>
                    <Ltr>{x.beneficiaryIdNumber}</Ltr>
                  </Table.Td>
                  <Table.Td>{x.reference ? <Ltr>{x.reference}</Ltr> : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Card>
  );
}
