import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client';
import type { SandboxPerson } from '../../api/types';
import type { Language } from '../../app/language';
import { useSandboxMode } from '../../session/queries';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { formatDual } from '../../shared/dates';
import { applyApiErrors, fieldMessage } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { birthDateField, emailField, idNumberField, mobileField, usernameField } from '../../shared/validation';
import type { RegistrationData } from './registration-flow';

const schema = z.object({
  idNumber: idNumberField,
  birthDate: birthDateField,
  mobile: mobileField,
  username: usernameField,
  email: emailField,
  language: z.enum(['ar', 'en']),
});

const FIELDS = ['idNumber', 'birthDate', 'mobile', 'username', 'email', 'language'] as const;

/** Refusals that concern one field though the server names none. */
const CODE_FIELDS = {
  invalid_id_number: 'idNumber',
  identity_not_found: 'idNumber',
  identity_already_registered: 'idNumber',
  birth_date_mismatch: 'birthDate',
  invalid_mobile: 'mobile',
  mobile_mismatch: 'mobile',
  username_taken: 'username',
} as const;

type Props = {
  initial: RegistrationData | null;
  /** A refusal from the server, sent back to this step because it concerns its data. */
  serverError: unknown;
  onNext(data: RegistrationData): void;
};

export function DataStep({ initial, serverError, onNext }: Props) {
  const { t, i18n } = useTranslation();
  const sandbox = useSandboxMode();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const form = useForm<RegistrationData>({
    resolver: zodResolver(schema),
    defaultValues: initial ?? { idNumber: '', birthDate: '', mobile: '', username: '', email: '', language: i18n.language === 'en' ? 'en' : 'ar' },
  });
  const { register, handleSubmit, formState, setError, control, watch, setValue } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (serverError && !applyApiErrors(serverError, setError, FIELDS, CODE_FIELDS)) setUnplaced(serverError);
  }, [serverError, setError]);

  const synthetic = useMutation({
    mutationFn: (kind: 'citizen' | 'resident') => api.post<SandboxPerson>('/api/v1/sandbox/persons', { kind }),
    onSuccess: (p) => {
      setValue('idNumber', p.idNumber, { shouldValidate: true });
      setValue('birthDate', p.birthDate, { shouldValidate: true });
      setValue('mobile', p.mobile.replace(/^\+966/, '0'), { shouldValidate: true });
    },
  });

  const birthDate = watch('birthDate');
  const hijri = birthDate ? formatDual(birthDate, i18n.language as Language, false)?.hijri : undefined;

  return (
    <form onSubmit={handleSubmit(onNext)} noValidate aria-labelledby="step-title">
      <PageHeading order={2} id="step-title" focus={!!initial}>
        {t('registration.data.title')}
      </PageHeading>
      <Text mb="md">{t('registration.data.intro')}</Text>
      <ApiErrorAlert error={unplaced} />
      <Stack gap="md" maw={520}>
        <LtrInput
          label={t('fields.idNumber')}
          description={t('fields.idNumberHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          error={fieldMessage(errors.idNumber?.message)}
          data-testid="idNumber"
          {...register('idNumber')}
        />
        <TextInput
          type="date"
          label={t('fields.birthDate')}
          description={hijri ? t('registration.data.hijriEquivalent', { date: hijri }) : t('fields.birthDateHint')}
          autoComplete="bday"
          required
          error={fieldMessage(errors.birthDate?.message)}
          data-testid="birthDate"
          {...register('birthDate')}
        />
        <LtrInput
          type="tel"
          label={t('fields.mobile')}
          description={t('fields.mobileHint')}
          inputMode="tel"
          autoComplete="tel"
          required
          error={fieldMessage(errors.mobile?.message)}
          data-testid="mobile"
          {...register('mobile')}
        />
        <LtrInput
          label={t('fields.username')}
          description={t('fields.usernameHint')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fieldMessage(errors.username?.message)}
          data-testid="username"
          {...register('username')}
        />
        <LtrInput
          type="email"
          label={t('fields.emailOptional')}
          autoComplete="email"
          error={fieldMessage(errors.email?.message)}
          data-testid="email"
          {...register('email')}
        />
        <Controller
          control={control}
          name="language"
          render={({ field }) => (
            <Radio.Group label={t('fields.language')} value={field.value} onChange={(v) => field.onChange(v as Language)} name={field.name}>
              <Group mt="xs">
                <Radio value="ar" label="العربية" lang="ar" />
                <Radio value="en" label="English" lang="en" />
              </Group>
            </Radio.Group>
          )}
        />
        <Group justify="space-between" mt="sm">
          <Button type="submit" size="md" data-testid="next">
            {t('common.next')}
          </Button>
          {sandbox && (
            <Button variant="light" onClick={() => synthetic.mutate('citizen')} loading={synthetic.isPending} data-testid="fill-synthetic">
              {t('registration.data.fillSynthetic')}
            </Button>
          )}
        </Group>
        <ApiErrorAlert error={synthetic.error} />
      </Stack>
    </form>
  );
}
