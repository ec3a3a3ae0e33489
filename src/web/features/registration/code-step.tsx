import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../../api/client';
import type { ResendAccepted } from '../../api/types';
import { useSandboxMode } from '../../session/queries';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { applyApiErrors, fieldMessage } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { formatSeconds, useCountdown } from '../../shared/use-countdown';
import { codeField, toWire } from '../../shared/validation';

const schema = z.object({ code: codeField });
type Values = z.infer<typeof schema>;

/** Refusals about the code itself; the others (expired registration...) concern the flow. */
const CODE_ERRORS = { invalid_code: 'code', code_incorrect: 'code', code_expired: 'code', code_attempts_exceeded: 'code' } as const;

type Props = {
  /** Verifies a code; throws the API's refusal. */
  verify(code: string): Promise<void>;
  /** Asks for a new code; absent when the flow has no resend. */
  resend?: () => Promise<ResendAccepted | void>;
  resendAt: number | null;
  onResendAt(at: number): void;
  onVerified(): void;
  /** Errors that end the flow (expired, already used): the caller offers a way out. */
  onFlowError?(err: unknown): boolean;
  title: string;
  intro: string;
  /** In the sandbox, where the code can be read. */
  inboxMobile?: string | null;
};

/** Entering the 6-digit SMS code, with a resend whose wait counts down. */
export function CodeStep({ verify, resend, resendAt, onResendAt, onVerified, onFlowError, title, intro, inboxMobile }: Props) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { code: '' } });
  const [sent, setSent] = useState(false);
  const secondsLeft = useCountdown(resendAt);
  const sandbox = useSandboxMode();

  const check = useMutation({
    mutationFn: (code: string) => verify(code),
    onSuccess: onVerified,
    onError: (err) => {
      if (onFlowError?.(err)) return;
      applyApiErrors(err, setError, ['code'], CODE_ERRORS);
    },
  });

  const again = useMutation({
    mutationFn: async () => resend!(),
    onSuccess: (res) => {
      setSent(true);
      const next = res && res.resendAvailableAt ? Date.parse(res.resendAvailableAt) : NaN;
      onResendAt(Number.isFinite(next) ? next : Date.now() + 60_000);
    },
    onError: (err) => {
      setSent(false);
      if (isApiError(err, 'resend_too_soon') && err.retryAfter) onResendAt(Date.now() + err.retryAfter * 1000);
    },
  });

  const codeUnplaced = check.error && !isApiError(check.error, ...Object.keys(CODE_ERRORS)) ? check.error : null;

  return (
    <form onSubmit={handleSubmit((v) => check.mutate(toWire.code(v.code)))} noValidate aria-labelledby="step-title">
      <PageHeading order={2} id="step-title" focus>
        {title}
      </PageHeading>
      <Text mb="md">{intro}</Text>
      {sandbox && inboxMobile && (
        <Alert color="yellow" variant="light" mb="md">
          {t('code.sandboxHint')}{' '}
          <Anchor href={`/sandbox/sms?to=${encodeURIComponent(inboxMobile)}`} target="_blank" rel="noopener" data-testid="open-inbox">
            {t('code.sandboxInbox')}
          </Anchor>
        </Alert>
      )}
      <ApiErrorAlert error={codeUnplaced} />
      <Stack gap="md" maw={420}>
        <LtrInput
          label={t('fields.code')}
          description={t('fields.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          size="md"
          error={fieldMessage(formState.errors.code?.message)}
          data-testid="code"
          {...register('code')}
        />
        <Group>
          <Button type="submit" size="md" loading={check.isPending} data-testid="verify">
            {t('common.verify')}
          </Button>
        </Group>
        {resend && (
          <div>
            <Button
              variant="subtle"
              px={0}
              onClick={() => again.mutate()}
              disabled={secondsLeft > 0 || again.isPending}
              data-testid="resend"
            >
              {t('code.resend')}
            </Button>
            {secondsLeft > 0 && (
              <Text size="sm" c="dimmed" data-testid="resend-countdown">
                {t('code.resendIn')} <bdi dir="ltr">{formatSeconds(secondsLeft)}</bdi>
              </Text>
            )}
            <div role="status" aria-live="polite">
              {sent && !again.isPending && (
                <Alert color="absher" variant="light" mt="xs">
                  {t('code.resent')}
                </Alert>
              )}
            </div>
            <ApiErrorAlert error={again.error} />
          </div>
        )}
      </Stack>
    </form>
  );
}
