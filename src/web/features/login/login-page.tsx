import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { toAsciiDigits } from '../../../domain/digits';
import { api, isApiError } from '../../api/client';
import { keepCsrfToken } from '../../api/csrf';
import type { LoginChallenge, Me, SessionIssued } from '../../api/types';
import { CodeStep } from '../registration/code-step';
import { ME_KEY } from '../../session/queries';
import { safeNext } from '../../session/require-auth';
import { ActivationWays } from '../../shared/activation-ways';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { fieldMessage } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';

const schema = z.object({ login: z.string().trim().min(1, 'validation.required'), password: z.string().min(1, 'validation.required') });
type Values = z.infer<typeof schema>;

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);
  const [notActivated, setNotActivated] = useState<string | null>(null);
  /** Why the code step ended and the person must start again. */
  const [restart, setRestart] = useState<unknown>(null);
  // The sandbox personas page sends a persona's username along.
  const location = useLocation();
  const presetLogin = (location.state as { login?: string } | null)?.login ?? '';
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { login: presetLogin, password: '' } });
  const next = safeNext(params.get('next'));

  const start = useMutation({
    // An identity number may be typed in Arabic-Indic digits; a username has none of those.
    mutationFn: (v: Values) => api.post<LoginChallenge>('/api/v1/sessions', { login: toAsciiDigits(v.login.trim()), password: v.password }),
    onMutate: () => setRestart(null),
    onSuccess: setChallenge,
  });

  const finish = async () => {
    try {
      await client.fetchQuery({ queryKey: ME_KEY, queryFn: () => api.get<Me>('/api/v1/me') });
    } catch {
      // The page behind the login asks again and shows what went wrong.
      await client.invalidateQueries({ queryKey: ME_KEY });
    }
    await navigate(next ?? '/dashboard', { replace: true });
  };

  if (notActivated) {
    return (
      <Stack maw={900}>
        <PageHeading documentTitle={t('login.notActivatedTitle')} focus>
          {t('login.notActivatedTitle')}
        </PageHeading>
        <Alert color="orange" variant="light" role="alert" data-testid="not-activated">
          {notActivated}
        </Alert>
        <ActivationWays headingOrder={2} />
        <Button component={Link} to="/" variant="default" w="fit-content">
          {t('app.backHome')}
        </Button>
      </Stack>
    );
  }

  return (
    <Stack maw={520}>
      <PageHeading documentTitle={t('login.title')}>{t('login.title')}</PageHeading>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        {!challenge ? (
          <form onSubmit={handleSubmit((v) => start.mutate(v))} noValidate aria-labelledby="login-intro">
            <Text mb="md" id="login-intro">
              {t('login.intro')}
            </Text>
            <ApiErrorAlert error={start.error ?? restart} />
            <Stack gap="md">
              <LtrInput
                label={t('fields.login')}
                description={t('fields.loginHint')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                error={fieldMessage(formState.errors.login?.message)}
                data-testid="login"
                {...register('login')}
              />
              <PasswordInput
                label={t('fields.password')}
                autoComplete="current-password"
                required
                error={fieldMessage(formState.errors.password?.message)}
                data-testid="password"
                visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
                {...register('password')}
              />
              <Button type="submit" size="md" loading={start.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
              <Anchor component={Link} to="/forgot-password" size="sm">
                {t('login.forgot')}
              </Anchor>
              <Text size="sm">
                {t('login.noAccount')}{' '}
                <Anchor component={Link} to="/register">
                  {t('nav.register')}
                </Anchor>
              </Text>
            </Stack>
          </form>
        ) : (
          <CodeStep
            title={t('login.code.title')}
            intro={t('login.code.intro')}
            verify={async (code) => {
              const res = await api.post<SessionIssued>(`/api/v1/sessions/${encodeURIComponent(challenge.challengeId)}/verify`, { code });
              if (res.csrfToken) keepCsrfToken(res.csrfToken);
            }}
            resendAt={null}
            onResendAt={() => undefined}
            onVerified={() => void finish()}
            onFlowError={(err) => {
              if (isApiError(err, 'account_not_activated')) {
                setNotActivated(err.message);
                return true;
              }
              // Logging in has no resend: a spent challenge means starting again.
              if (isApiError(err, 'challenge_not_found', 'code_attempts_exceeded', 'code_expired', 'too_many_attempts')) {
                start.reset();
                setRestart(err);
                setChallenge(null);
                return true;
              }
              return false;
            }}
          />
        )}
      </Paper>
    </Stack>
  );
}
