import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { normalizeMobile } from '../../../domain/mobile';
import { api } from '../../api/client';
import type { SmsMessage } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { fieldMessage } from '../../shared/form-errors';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { mobileField } from '../../shared/validation';
import { SandboxOnly } from './sandbox-only';

const schema = z.object({ mobile: mobileField });
type Values = z.infer<typeof schema>;

const REFRESH_MS = 2000;

/** Digits inside a message (a code, a number) keep their order in Arabic text. */
function Body({ text }: { text: string }) {
  const parts = text.split(/(\+?\d[\d\s]*\d|\d)/);
  return (
    <Text style={{ whiteSpace: 'pre-line' }} data-testid="sms-body">
      {parts.map((part, i) => (i % 2 === 1 ? <Ltr key={i}>{part}</Ltr> : part))}
    </Text>
  );
}

export function SmsInboxPage() {
  return (
    <SandboxOnly>
      <SmsInboxPageContent />
    </SandboxOnly>
  );
}

function SmsInboxPageContent() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const to = normalizeMobile(params.get('to') ?? '');
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { mobile: to ? to.replace(/^\+966/, '0') : '' } });

  const inbox = useQuery({
    queryKey: ['sandbox', 'sms', to],
    queryFn: () => api.get<{ messages: SmsMessage[] }>(`/api/v1/sandbox/sms?to=${encodeURIComponent(to!)}`),
    enabled: !!to,
    refetchInterval: REFRESH_MS,
  });
  const messages = inbox.data?.messages ?? [];

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageHeading documentTitle={t('sandbox.sms.title')}>{t('sandbox.sms.title')}</PageHeading>
        <Text>{t('sandbox.sms.intro')}</Text>
      </div>
      <form onSubmit={handleSubmit((v) => setParams({ to: normalizeMobile(v.mobile) ?? v.mobile }))} noValidate>
        <Group align="flex-end" gap="sm">
          <LtrInput
            label={t('fields.mobile')}
            type="tel"
            inputMode="tel"
            required
            error={fieldMessage(formState.errors.mobile?.message)}
            data-testid="sms-mobile"
            style={{ flex: '1 1 220px' }}
            {...register('mobile')}
          />
          <Button type="submit" data-testid="sms-open">
            {t('sandbox.sms.open')}
          </Button>
        </Group>
      </form>
      {to && (
        <section aria-labelledby="inbox-title">
          <Group justify="space-between" align="center" mb={4}>
            <Title order={2} size="h3" id="inbox-title">
              {t('sandbox.sms.inboxOf')} <Ltr>{to}</Ltr>
            </Title>
            <Button variant="default" size="xs" onClick={() => void inbox.refetch()} loading={inbox.isFetching && !inbox.isPending} data-testid="sms-refresh">
              {t('sandbox.sms.refresh')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" mb="md" role="status" aria-live="polite">
            {inbox.isSuccess ? t('sandbox.sms.count', { count: messages.length }) : t('app.loading')} · {t('sandbox.sms.refreshing')}
          </Text>
          <ApiErrorAlert error={inbox.error} />
          {inbox.isSuccess && messages.length === 0 && <Alert variant="light">{t('sandbox.sms.empty')}</Alert>}
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="sms-list">
            {messages.map((m, i) => (
              <Card key={`${m.sentAt}-${i}`} withBorder radius="md" padding="md" component="li" data-testid="sms-message">
                <Body text={m.body} />
                <Text size="sm" c="dimmed" mt={6}>
                  <DualDate iso={m.sentAt} />
                </Text>
              </Card>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
