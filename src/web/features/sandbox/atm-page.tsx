// The bank's side of an ATM activation: the cardholder inserted a card and the bank attests
// whose it is. In the sandbox the page signs the call with the bank's sandbox secret.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Radio, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { channelPost, SANDBOX_ATM_CLIENTS, type AtmClient } from '../../api/channel-signature';
import type { Activation } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { applyApiErrors, fieldMessage, unplacedError } from '../../shared/form-errors';
import { locationLabel } from '../../shared/labels';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { idNumberField, toWire } from '../../shared/validation';
import { ActivationResult } from './activation-result';
import { AtmBillPayment } from './atm-bill-payment';
import { SandboxOnly } from './sandbox-only';

const schema = z.object({ bank: z.enum(SANDBOX_ATM_CLIENTS), idNumber: idNumberField, cardholderIdNumber: idNumberField });
type Values = z.infer<typeof schema>;

const FIELDS = ['idNumber', 'cardholderIdNumber'] as const;
const CODE_FIELDS = { cardholder_mismatch: 'cardholderIdNumber', registration_not_found: 'idNumber' } as const;

export function AtmPage() {
  return (
    <SandboxOnly>
      <AtmPageContent />
    </SandboxOnly>
  );
}

function AtmPageContent() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const bill = params.get('bill') ?? undefined;
  const amount = Number(params.get('amount')) || undefined;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeading documentTitle={t('sandbox.atm.title')}>{t('sandbox.atm.title')}</PageHeading>
      <Tabs defaultValue={bill ? 'pay' : 'activate'} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="activate" data-testid="tab-activate">
            {t('sandbox.atm.tabActivate')}
          </Tabs.Tab>
          <Tabs.Tab value="pay" data-testid="tab-pay">
            {t('sandbox.atm.tabPay')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="activate">
          <AtmActivation />
        </Tabs.Panel>
        <Tabs.Panel value="pay">
          <AtmBillPayment billNumber={bill} amountHalalas={amount} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AtmActivation() {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, control, setError } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { bank: 'atm-alrajhi', idNumber: '', cardholderIdNumber: '' },
  });
  const activate = useMutation({
    mutationFn: (v: Values) =>
      channelPost<Activation>(v.bank, '/api/v1/channels/activations', {
        idNumber: toWire.idNumber(v.idNumber),
        evidence: { type: 'bank_card', cardholderIdNumber: toWire.idNumber(v.cardholderIdNumber) },
      }),
    onError: (err) => applyApiErrors(err, setError, FIELDS, CODE_FIELDS),
  });

  return (
    <Stack gap="lg">
      <Text>{t('sandbox.atm.intro')}</Text>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={handleSubmit((v) => activate.mutate(v))} noValidate>
          <Stack gap="md">
            <Controller
              control={control}
              name="bank"
              render={({ field }) => (
                <Radio.Group label={t('sandbox.atm.bank')} value={field.value} onChange={(v) => field.onChange(v as AtmClient)} name={field.name} required>
                  <SimpleGrid cols={{ base: 1, xs: 2 }} mt="xs" spacing="xs">
                    {SANDBOX_ATM_CLIENTS.map((id) => (
                      <Radio.Card key={id} value={id} radius="md" p="sm" data-testid={`bank-${id}`}>
                        <Group wrap="nowrap" gap="sm">
                          <Radio.Indicator />
                          <Text component="span" fw={600}>
                            {locationLabel(t, id)}
                          </Text>
                        </Group>
                      </Radio.Card>
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              )}
            />
            <LtrInput
              label={t('sandbox.atm.idNumber')}
              description={t('sandbox.atm.idNumberHint')}
              inputMode="numeric"
              required
              error={fieldMessage(formState.errors.idNumber?.message)}
              data-testid="atm-id-number"
              {...register('idNumber')}
            />
            <LtrInput
              label={t('sandbox.atm.cardholder')}
              description={t('sandbox.atm.cardholderHint')}
              inputMode="numeric"
              required
              error={fieldMessage(formState.errors.cardholderIdNumber?.message)}
              data-testid="atm-cardholder"
              {...register('cardholderIdNumber')}
            />
            <Button type="submit" size="md" w="fit-content" loading={activate.isPending} data-testid="atm-activate">
              {t('sandbox.atm.activate')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <div role="status" aria-live="polite">
        {activate.data && <ActivationResult result={activate.data} />}
      </div>
      <ApiErrorAlert error={unplacedError(activate.error, FIELDS, CODE_FIELDS)} />
    </Stack>
  );
}
