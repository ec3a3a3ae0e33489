// An establishment's transfers of services. As the new sponsor: ask for a worker of another
// establishment by iqama number, see the eligibility answer and the fee before submitting,
// then follow the request on its page. As the current sponsor: the requests waiting for it to
// release one of its workers.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import type { Establishment } from '../../api/establishments';
import { pick } from '../../api/pick';
import { TRANSFER_SERVICE, useSubmitTransfer, useTransferQuote } from '../../api/transfers';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { FeeLines } from '../../shared/fee-lines';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';
import { Money } from '../../shared/money';
import { PageHeading } from '../../shared/page-heading';
import { idNumberField, toWire } from '../../shared/validation';
import { EstablishmentGate } from './establishment-page';
import { AwaitingRelease } from './transfer-release-section';

export function TransferRequestPage() {
  return <RequireAuth>{() => <EstablishmentGate>{(e) => <Transfers e={e} />}</EstablishmentGate>}</RequireAuth>;
}

/** Whether the user may use transfers of services for this establishment (its owner, or staff authorized for them). */
export function mayTransfer(e: Establishment): boolean {
  return e.services.some((s) => s.code === TRANSFER_SERVICE);
}

function Transfers({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const title = t('transfers.titleOf', { name: pick(e.name, i18n.language) });
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageHeading documentTitle={title}>{title}</PageHeading>
        <Text>{t('transfers.intro')}</Text>
        <Button component={Link} to={`/establishments/${e.id}`} variant="subtle" mt="xs">
          {t('transfers.back')}
        </Button>
      </div>
      {mayTransfer(e) ? (
        <>
          <AskForWorker e={e} />
          <AwaitingRelease e={e} />
        </>
      ) : (
        <Alert color="red" variant="light" role="alert" data-testid="transfers-unusable">
          {t('transfers.unusable')}
        </Alert>
      )}
    </Stack>
  );
}

// An iqama number: a resident's identity number (10 digits starting with 2).
const schema = z.object({
  worker: idNumberField.refine((v) => toWire.idNumber(v).startsWith('2'), 'transfers.ask.notResident'),
});
type Values = z.infer<typeof schema>;

function AskForWorker({ e }: { e: Establishment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const quote = useTransferQuote();
  const submit = useSubmitTransfer();
  const { register, handleSubmit, control, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { worker: '' } });
  const typed = useWatch({ control, name: 'worker' });
  // The quote answers for exactly the worker it was asked for; the key is made with it, so a
  // retried submit of the same quote is one request.
  const key = useRef('');
  const quotedWorker = quote.data ? quote.variables?.workerIdNumber : undefined;
  const fresh = !!quotedWorker && quotedWorker === toWire.idNumber(typed ?? '');
  const error = formState.errors.worker?.message;
  const onQuote = (v: Values) => {
    key.current = crypto.randomUUID();
    submit.reset();
    quote.mutate({ establishmentId: e.id, workerIdNumber: toWire.idNumber(v.worker) });
  };
  const onSubmit = () => {
    if (!quotedWorker) return;
    submit.mutate({ establishmentId: e.id, workerIdNumber: quotedWorker, key: key.current }, { onSuccess: (r) => void navigate(`/requests/${r.id}`) });
  };
  return (
    <Card withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="ask-transfer-title" data-testid="ask-transfer">
      <Title order={2} size="h3" id="ask-transfer-title" mb="xs">
        {t('transfers.ask.title')}
      </Title>
      <Text mb="md">{t('transfers.ask.hint')}</Text>
      <form onSubmit={handleSubmit(onQuote)} noValidate>
        <Stack gap="md">
          <LtrInput
            label={t('transfers.ask.iqamaNumber')}
            description={t('transfers.ask.iqamaHint')}
            required
            inputMode="numeric"
            autoComplete="off"
            maw={360}
            error={error ? t(error as 'validation.required') : undefined}
            data-testid="transfer-worker"
            {...register('worker')}
          />
          <Button type="submit" variant="light" w="fit-content" loading={quote.isPending} data-testid="transfer-quote">
            {t('transfers.ask.quote')}
          </Button>
        </Stack>
      </form>
      <ApiErrorAlert error={quote.error} />
      <div role="status" aria-live="polite">
        {quote.data && (
          <Card withBorder radius="md" padding="lg" mt="md" data-testid="transfer-quote-result">
            <Title order={3} size="h4" mb="sm">
              {t('transfers.ask.quoteTitle')}
              {quotedWorker && (
                <>
                  {' — '}
                  <Ltr>{quotedWorker}</Ltr>
                </>
              )}
            </Title>
            {!fresh && <Text c="orange.9">{t('eservices.apply.changed')}</Text>}
            {quote.data.eligible ? (
              <Text fw={700} c="absher.9" data-testid="transfer-eligible">
                {t('transfers.ask.eligible')}
              </Text>
            ) : (
              <>
                <Text fw={700} c="red.9">
                  {t('transfers.ask.notEligible')}
                </Text>
                <List data-testid="transfer-refusals">
                  {quote.data.refusals.map((r) => (
                    <List.Item key={r.code}>{r.message}</List.Item>
                  ))}
                </List>
              </>
            )}
            <FeeLines lines={quote.data.fee.lines} testId="transfer-fee-lines" />
            <Text mt="sm" fw={700}>
              {t('eservices.apply.total')}: <Money halalas={quote.data.fee.totalHalalas} testId="transfer-fee-total" />
            </Text>
            {quote.data.eligible && fresh && (
              <>
                <Text size="sm" mt="md">
                  {t('transfers.ask.next')}
                </Text>
                <Button mt="md" w="fit-content" loading={submit.isPending} onClick={onSubmit} data-testid="transfer-submit">
                  {t('transfers.ask.submit')}
                </Button>
              </>
            )}
          </Card>
        )}
      </div>
      <ApiErrorAlert error={submit.error} />
    </Card>
  );
}
