// Giving an e-authorization: the delegate's identity number, the delegable services from the
// catalogue, and the period (today by default, Riyadh time). The server's refusals land on
// the field they concern.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useGrantDelegation, type GivenDelegation } from '../../api/delegations';
import { useServices } from '../../api/eservices';
import { pick } from '../../api/pick';
import type { Me } from '../../api/types';
import type { Language } from '../../app/language';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { addDays, formatDual, riyadhDay } from '../../shared/dates';
import { applyApiErrors, fieldMessage, unplacedError } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PartyName } from '../../shared/party-name';
import { idNumberField, toWire } from '../../shared/validation';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.required');

const schema = z
  .object({
    delegateIdNumber: idNumberField,
    services: z.array(z.string()).min(1, 'delegations.servicesHint'),
    startsOn: isoDay,
    endsOn: isoDay,
  })
  .refine((v) => v.endsOn > v.startsOn, { path: ['endsOn'], message: 'delegations.dateOrder' });

type Values = z.infer<typeof schema>;

const FIELDS = ['delegateIdNumber', 'services', 'startsOn', 'endsOn'] as const;

/** Refusals that concern one field though the server names none. */
const CODE_FIELDS = {
  invalid_id_number: 'delegateIdNumber',
  delegation_to_self: 'delegateIdNumber',
  delegate_not_citizen: 'delegateIdNumber',
  delegate_account_not_active: 'delegateIdNumber',
  delegation_service_not_found: 'services',
  delegation_service_not_delegable: 'services',
  delegation_overlaps: 'services',
  delegation_start_in_past: 'startsOn',
  delegation_end_not_after_start: 'endsOn',
  delegation_period_too_long: 'endsOn',
} as const;

export function GrantForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const grant = useGrantDelegation();
  const [granted, setGranted] = useState<GivenDelegation | null>(null);
  const key = useRef<{ json: string; key: string } | null>(null);
  const today = riyadhDay(new Date());
  const { register, handleSubmit, control, formState, setError } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { delegateIdNumber: '', services: [], startsOn: today, endsOn: addDays(today, 30) },
  });
  const [startsOn, endsOn] = useWatch({ control, name: ['startsOn', 'endsOn'] });
  const delegable = (services.data ?? []).filter((s) => s.delegable);
  const message = (m: string | undefined) => (m?.startsWith('delegations.') ? t(m as 'delegations.dateOrder') : fieldMessage(m));
  const hijri = (day: string) => {
    const dual = /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDual(day, i18n.language as Language) : null;
    return dual ? `${t('common.hijri')}: ${dual.hijri}` : undefined;
  };

  const onSubmit = (v: Values) => {
    const body = { delegateIdNumber: toWire.idNumber(v.delegateIdNumber), services: v.services, startsOn: v.startsOn, endsOn: v.endsOn };
    const json = JSON.stringify(body);
    // The same submission retried keeps its key; a changed one gets a new key.
    if (key.current?.json !== json) key.current = { json, key: crypto.randomUUID() };
    setGranted(null);
    grant.mutate(
      { body, key: key.current.key },
      {
        onSuccess: (d) => {
          setGranted(d);
          key.current = null;
        },
        onError: (err) => applyApiErrors(err, setError, FIELDS, CODE_FIELDS),
      },
    );
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate data-testid="grant-form">
      <Stack gap="md">
        <LtrInput
          label={t('delegations.delegateIdNumber')}
          description={t('delegations.delegateIdNumberHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maw={360}
          error={message(formState.errors.delegateIdNumber?.message)}
          data-testid="delegate-id-number"
          {...register('delegateIdNumber')}
        />
        <Controller
          control={control}
          name="services"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={t('delegations.services')}
              required
              value={field.value}
              onChange={field.onChange}
              error={message(fieldState.error?.message)}
              data-testid="services"
            >
              <Stack mt="xs" gap="xs">
                {services.isPending && <Text size="sm">{t('app.loading')}</Text>}
                {services.data && delegable.length === 0 && <Text size="sm">{t('delegations.noServices')}</Text>}
                {delegable.map((s) => (
                  <Checkbox key={s.code} value={s.code} label={pick(s.name, i18n.language)} data-testid={`service-${s.code}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Group align="flex-start" gap="md">
          <LtrInput
            type="date"
            label={t('delegations.startsOn')}
            description={hijri(startsOn)}
            required
            min={today}
            maw={240}
            error={message(formState.errors.startsOn?.message)}
            data-testid="starts-on"
            {...register('startsOn')}
          />
          <LtrInput
            type="date"
            label={t('delegations.endsOn')}
            description={hijri(endsOn)}
            required
            min={startsOn}
            maw={240}
            error={message(formState.errors.endsOn?.message)}
            data-testid="ends-on"
            {...register('endsOn')}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('delegations.periodHint')}
        </Text>
        <ApiErrorAlert error={unplacedError(grant.error, FIELDS as readonly string[], CODE_FIELDS)} />
        <div role="status" aria-live="polite">
          {granted && (
            <Alert color="absher" variant="light" data-testid="granted">
              {t('delegations.granted')} — <PartyName party={granted.delegate} />
            </Alert>
          )}
        </div>
        <Button type="submit" w="fit-content" loading={grant.isPending} data-testid="grant-submit" disabled={me.status !== 'active'}>
          {t('delegations.grant')}
        </Button>
      </Stack>
    </form>
  );
}
