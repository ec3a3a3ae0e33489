// Choosing a password (registration, reset): 8 to 128 characters of any script, checked
// here for length only; the server's refusal (common, contains one's own data) is shown on
// the field in its own words.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { isApiError } from '../api/client';
import { ApiErrorAlert } from './api-error-alert';
import { applyApiErrors, fieldMessage } from './form-errors';
import { PageHeading } from './page-heading';
import { passwordField } from './validation';

const schema = z
  .object({ password: passwordField, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });
type Values = z.infer<typeof schema>;

const PASSWORD_ERRORS = {
  password_too_short: 'password',
  password_too_long: 'password',
  password_common: 'password',
  password_contains_personal_data: 'password',
} as const;

type Props = {
  title: string;
  intro: string;
  submitLabel: string;
  save(password: string): Promise<unknown>;
  onSaved(): void;
  onFlowError?(err: unknown): boolean;
};

export function PasswordStep({ title, intro, submitLabel, save, onSaved, onFlowError }: Props) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { password: '', confirm: '' } });
  const submit = useMutation({
    mutationFn: (password: string) => save(password),
    onSuccess: onSaved,
    onError: (err) => {
      if (onFlowError?.(err)) return;
      applyApiErrors(err, setError, ['password'], PASSWORD_ERRORS);
    },
  });
  const unplaced = submit.error && !isApiError(submit.error, ...Object.keys(PASSWORD_ERRORS)) ? submit.error : null;

  return (
    <form onSubmit={handleSubmit((v) => submit.mutate(v.password))} noValidate aria-labelledby="step-title">
      <PageHeading order={2} id="step-title" focus>
        {title}
      </PageHeading>
      <Text mb="md">{intro}</Text>
      <ApiErrorAlert error={unplaced} />
      <Stack gap="md" maw={420}>
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          error={fieldMessage(formState.errors.password?.message)}
          data-testid="password"
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
          {...register('password')}
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          error={fieldMessage(formState.errors.confirm?.message)}
          data-testid="confirm"
          visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
          {...register('confirm')}
        />
        <Button type="submit" size="md" loading={submit.isPending} w="fit-content" data-testid="save-password">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
