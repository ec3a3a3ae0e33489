import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, isApiError } from '../../api/client';
import type { AccountCreated, RegistrationStarted, ResendAccepted } from '../../api/types';
import { useSandboxMode } from '../../session/queries';
import { ActivationWays } from '../../shared/activation-ways';
import { PageHeading } from '../../shared/page-heading';
import { PasswordStep } from '../../shared/password-step';
import { StepIndicator } from '../../shared/step-indicator';
import { toWire } from '../../shared/validation';
import { CodeStep } from './code-step';
import { DataStep } from './data-step';
import {
  clearProgress,
  FIRST_RESEND_WAIT_MS,
  loadProgress,
  registrationSteps,
  saveProgress,
  type Progress,
  type RegistrationData,
} from './registration-flow';
import { TermsStep } from './terms-step';

/** Refusals that send the person back to the data step, where the field is marked. */
const DATA_ERRORS = [
  'invalid_input',
  'invalid_id_number',
  'invalid_mobile',
  'identity_not_found',
  'identity_already_registered',
  'birth_date_mismatch',
  'mobile_mismatch',
  'username_taken',
];

/** Refusals after which this registration cannot go on. */
const ENDED = ['registration_expired', 'registration_completed', 'challenge_not_found', 'not_found'];

export function RegistrationPage() {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<Progress>(() => loadProgress() ?? { step: 'data', registrationId: null, resendAt: null, mobile: null });
  const location = useLocation();
  const { i18n } = useTranslation();
  // The sandbox's synthetic-person card sends its person here to register with.
  const [data, setData] = useState<RegistrationData | null>(() => {
    const prefill = (location.state as { prefill?: { idNumber: string; birthDate: string; mobile: string } } | null)?.prefill;
    if (!prefill) return null;
    return { ...prefill, mobile: prefill.mobile.replace(/^\+966/, '0'), username: '', email: '', language: i18n.language === 'en' ? 'en' : 'ar' };
  });
  const [dataError, setDataError] = useState<unknown>(null);
  const [ended, setEnded] = useState<unknown>(null);

  useEffect(() => saveProgress(progress), [progress]);

  const go = (patch: Partial<Progress>) => setProgress((p) => ({ ...p, ...patch }));

  const start = useMutation({
    mutationFn: (d: RegistrationData) =>
      api.post<RegistrationStarted>('/api/v1/registrations', {
        idNumber: toWire.idNumber(d.idNumber),
        birthDate: toWire.date(d.birthDate),
        mobile: toWire.mobile(d.mobile),
        username: d.username.trim(),
        ...(d.email.trim() ? { email: d.email.trim() } : {}),
        language: d.language,
        acceptTerms: true,
      }),
    onSuccess: (res, d) => go({ step: 'code', registrationId: res.registrationId, resendAt: Date.now() + FIRST_RESEND_WAIT_MS, mobile: toWire.mobile(d.mobile) }),
    onError: (err) => {
      if (isApiError(err, ...DATA_ERRORS)) {
        setDataError(err);
        go({ step: 'data' });
      }
    },
  });

  const flowEnded = (err: unknown) => {
    if (!isApiError(err, ...ENDED)) return false;
    setEnded(err);
    return true;
  };

  const restart = () => {
    clearProgress();
    setEnded(null);
    setDataError(null);
    start.reset();
    setProgress({ step: 'data', registrationId: null, resendAt: null, mobile: null });
  };

  const id = progress.registrationId;
  const stepNames = registrationSteps.map((s) => t(`registration.steps.${s}`));
  const current = registrationSteps.indexOf(progress.step);

  return (
    <Stack gap="lg" maw={760}>
      <PageHeading documentTitle={`${stepNames[current]} — ${t('registration.title')}`}>{t('registration.title')}</PageHeading>
      <StepIndicator steps={stepNames} current={current} label={t('registration.stepsLabel')} />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        {ended ? (
          <Stack>
            <Alert color="red" variant="light" role="alert" data-testid="form-error">
              {isApiError(ended) ? ended.message : t('errors.unexpected')}
            </Alert>
            <Button onClick={restart} w="fit-content">
              {t('registration.startOver')}
            </Button>
          </Stack>
        ) : progress.step === 'data' ? (
          <DataStep
            initial={data}
            serverError={dataError}
            onNext={(d) => {
              setData(d);
              setDataError(null);
              start.reset();
              go({ step: 'terms' });
            }}
          />
        ) : progress.step === 'terms' ? (
          <TermsStep
            submitting={start.isPending}
            error={start.error && !isApiError(start.error, ...DATA_ERRORS) ? start.error : null}
            onBack={() => go({ step: 'data' })}
            onAccept={() => data && start.mutate(data)}
          />
        ) : progress.step === 'code' && id ? (
          <CodeStep
            title={t('registration.code.title')}
            intro={t('registration.code.intro')}
            verify={async (code) => {
              await api.post(`/api/v1/registrations/${encodeURIComponent(id)}/verify`, { code });
            }}
            resend={() => api.post<ResendAccepted>(`/api/v1/registrations/${encodeURIComponent(id)}/resend`)}
            inboxMobile={progress.mobile}
            resendAt={progress.resendAt}
            onResendAt={(at) => go({ resendAt: at })}
            onVerified={() => go({ step: 'password' })}
            onFlowError={(err) => {
              // Verified in another tab, or before a reload: the next step is the password.
              if (isApiError(err, 'registration_already_verified')) {
                go({ step: 'password' });
                return true;
              }
              return flowEnded(err);
            }}
          />
        ) : progress.step === 'password' && id ? (
          <PasswordStep
            title={t('registration.password.title')}
            intro={t('registration.password.intro')}
            submitLabel={t('registration.password.submit')}
            save={(password) => api.post<AccountCreated>(`/api/v1/registrations/${encodeURIComponent(id)}/complete`, { password })}
            onSaved={() => go({ step: 'done' })}
            onFlowError={flowEnded}
          />
        ) : (
          <DoneStep />
        )}
      </Paper>
    </Stack>
  );
}

function DoneStep() {
  const { t } = useTranslation();
  const sandbox = useSandboxMode();
  return (
    <Stack data-testid="registration-done">
      <PageHeading order={2} id="step-title" focus>
        {t('registration.done.title')}
      </PageHeading>
      <Text>{t('registration.done.body')}</Text>
      <ActivationWays headingOrder={3} />
      <Group mt="md">
        <Button component={Link} to="/login" size="md">
          {t('registration.done.login')}
        </Button>
        {sandbox && (
          <Button component={Link} to="/sandbox/atm" variant="light" size="md">
            {t('registration.done.sandboxAtm')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
