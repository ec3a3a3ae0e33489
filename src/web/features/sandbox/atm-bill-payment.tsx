// The bank's side of paying a government bill at an ATM: the bill number and the amount,
// signed with the bank's sandbox secret like any channel call.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, Select, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { channelPost, SANDBOX_ATM_CLIENTS, type AtmClient } from '../../api/channel-signature';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts } from '../../shared/facts';
import { locationLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';

const schema = z.object({
  bank: z.enum(SANDBOX_ATM_CLIENTS),
  billNumber: z.string().trim().regex(/^\d{6,20}$/, 'bill'),
  amount: z.string().trim().regex(/^\d{1,7}(\.\d{1,2})?$/, 'amount'),
});
type Values = z.infer<typeof schema>;
type Paid = { billNumber: string; status: 'paid'; paidAt: string; receiptId: string };

const toHalalas = (amount: string) => Math.round(Number(amount) * 100);

export function AtmBillPayment({ billNumber, amountHalalas }: { billNumber?: string; amountHalalas?: number }) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, control } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { bank: 'atm-alrajhi', billNumber: billNumber ?? '', amount: amountHalalas ? (amountHalalas / 100).toFixed(2) : '' },
  });
  const pay = useMutation({
    mutationFn: (v: Values) => channelPost<Paid>(v.bank, '/api/v1/channels/payments', { billNumber: v.billNumber.trim(), amountHalalas: toHalalas(v.amount) }),
  });
  return (
    <Stack gap="lg">
      <Text>{t('sandbox.atm.payIntro')}</Text>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={handleSubmit((v) => pay.mutate(v))} noValidate>
          <Stack gap="md">
            <Controller
              control={control}
              name="bank"
              render={({ field }) => (
                <Select
                  label={t('sandbox.atm.bank')}
                  required
                  allowDeselect={false}
                  data={SANDBOX_ATM_CLIENTS.map((id) => ({ value: id, label: locationLabel(t, id) }))}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v as AtmClient)}
                  maw={360}
                />
              )}
            />
            <LtrInput
              label={t('sandbox.atm.billNumber')}
              inputMode="numeric"
              required
              error={formState.errors.billNumber ? t('sandbox.atm.invalidBill') : undefined}
              data-testid="pay-bill-number"
              maw={360}
              {...register('billNumber')}
            />
            <LtrInput
              label={t('sandbox.atm.amount')}
              description={t('sandbox.atm.amountHint')}
              inputMode="decimal"
              required
              error={formState.errors.amount ? t('sandbox.atm.invalidAmount') : undefined}
              data-testid="pay-amount"
              maw={240}
              {...register('amount')}
            />
            <Button type="submit" size="md" w="fit-content" loading={pay.isPending} data-testid="pay-bill">
              {t('sandbox.atm.pay')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <div role="status" aria-live="polite">
        {pay.data && (
          <Alert color="absher" variant="light" title={t('sandbox.atm.paid')} data-testid="payment-result">
            <Facts
              items={[
                { label: t('sandbox.atm.billNumber'), value: <Ltr>{pay.data.billNumber}</Ltr> },
                { label: t('sandbox.atm.receipt'), value: <Ltr>{pay.data.receiptId}</Ltr>, testId: 'payment-receipt' },
                { label: t('sandbox.atm.paidAt'), value: <DualDate iso={pay.data.paidAt} /> },
              ]}
            />
          </Alert>
        )}
      </div>
      <ApiErrorAlert error={pay.error} />
    </Stack>
  );
}
