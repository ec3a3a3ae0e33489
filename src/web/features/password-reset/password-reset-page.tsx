import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { api, isApiError } from '../../api/client';
import type { ResendAccepted, ResetStarted } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { applyApiErrors, fieldMessage } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { PasswordStep } from '../../shared/password-step';
import { StepIndicator } from '../../shared/step-indicator';
import { idNumberField, mobileField, toWire } from '../../shared/validation';
import { CodeStep } from '../registration/code-step';
import { FIRST_RESEND_WAIT_MS } from '../registration/registration-flow';

const schema = z.object({ idNumber: idNumberField, mobile: mobileField });
type Values = z.infer<typeof schema>;

const steps = ['details', 'code', 'password', 'done'] as const;
type Step = (typeof steps)[number];

const ENDED = ['challenge_not_found', 'not_found', 'code_attempts_exceeded', 'code_expired'];

export function PasswordResetPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('details');
  const [resetId, setResetId] = useState<string | null>(null);
  const [restart, setRestart] = useState<unknown>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { idNumber: '', mobile: '' } });

  const start = useMutation({
    mutationFn: (v: Values) => api.post<ResetStarted>('/api/v1/password-resets', { idNumber: toWire.idNumber(v.idNumber), mobile: toWire.mobile(v.mobile) }),
    onMutate: () => setRestart(null),
    onSuccess: (res) => {
      setResetId(res.resetId);
      setResendAt(Date.now() + FIRST_RESEND_WAIT_MS);
      setStep('code');
    },
    onError: (err) => applyApiErrors(err, setError, ['idNumber', 'mobile'], { invalid_id_number: 'idNumber', invalid_mobile: 'mobile' }),
  });

  const ended = (err: unknown) => {
    if (!isApiError(err, ...ENDED)) return false;
    start.reset();
    setRestart(err);
    setStep('details');
    return true;
  };

  const names = steps.map((s) => t(`reset.steps.${s}`));
  const current = steps.indexOf(step);
  const formError = start.error && !isApiError(start.error, 'invalid_id_number', 'invalid_mobile', 'invalid_input') ? start.error : restart;

  return (
    <Stack maw={640}>
      <PageHeading documentTitle={`${names[current]} — ${t('reset.title')}`}>{t('reset.title')}</PageHeading>
      <StepIndicator steps={names} current={current} label={t('reset.stepsLabel')} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        {step === 'details' && (
          <form onSubmit={handleSubmit((v) => start.mutate(v))} noValidate aria-labelledby="step-title">
            <PageHeading order={2} id="step-title" focus={!!restart}>
              {t('reset.details.title')}
            </PageHeading>
            <Text mb="md">{t('reset.details.intro')}</Text>
            <ApiErrorAlert error={formError} />
            <Stack gap="md" maw={420}>
              <LtrInput
                label={t('fields.idNumber')}
                description={t('fields.idNumberHint')}
                inputMode="numeric"
                required
                error={fieldMessage(formState.errors.idNumber?.message)}
                data-testid="idNumber"
                {...register('idNumber')}
              />
              <LtrInput
                type="tel"
                label={t('fields.mobile')}
                description={t('fields.mobileHint')}
                inputMode="tel"
                autoComplete="tel"
                required
                error={fieldMessage(formState.errors.mobile?.message)}
                data-testid="mobile"
                {...register('mobile')}
              />
              <Button type="submit" size="md" loading={start.isPending} w="fit-content" data-testid="next">
                {t('reset.details.submit')}
              </Button>
            </Stack>
          </form>
        )}
        {step === 'code' && resetId && (
          <CodeStep
            title={t('reset.code.title')}
            intro={t('reset.code.intro')}
            verify={async (code) => {
              await api.post(`/api/v1/password-resets/${encodeURIComponent(resetId)}/verify`, { code });
            }}
            resend={() => api.post<ResendAccepted>(`/api/v1/password-resets/${encodeURIComponent(resetId)}/resend`)}
            resendAt={resendAt}
            onResendAt={setResendAt}
            onVerified={() => setStep('password')}
            onFlowError={ended}
          />
        )}
        {step === 'password' && resetId && (
          <PasswordStep
            title={t('reset.password.title')}
            intro={t('reset.password.intro')}
            submitLabel={t('reset.password.submit')}
            save={(password) => api.post(`/api/v1/password-resets/${encodeURIComponent(resetId)}/complete`, { password })}
            onSaved={() => setStep('done')}
            onFlowError={ended}
          />
        )}
        {step === 'done' && (
          <Stack data-testid="reset-done">
            <PageHeading order={2} id="step-title" focus>
              {t('reset.done.title')}
            </PageHeading>
            <Alert color="absher" variant="light">
              {t('reset.done.body')}
            </Alert>
            <Button component={Link} to="/login" w="fit-content">
              {t('nav.login')}
            </Button>
          </Stack>
        )}
      </Paper>
    </Stack>
  );
}
