// The establishment's authorized staff, for its owner: who is authorized, for which services and
// until when, authorizing a Saudi citizen with an active account for named services over a
// period, and revoking at once. Staff are told that only the owner manages staff: the API
// refuses them, so the page does not ask.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { GivenDelegation } from '../../api/delegations';
import { useAuthorizeStaff, useRevokeStaff, useStaff, type Establishment } from '../../api/establishments';
import { pick } from '../../api/pick';
import type { Language } from '../../app/language';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { addDays, formatDual, riyadhDay } from '../../shared/dates';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { applyApiErrors, fieldMessage, unplacedError } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { PartyName } from '../../shared/party-name';
import { idNumberField, toWire } from '../../shared/validation';
import { StatusBadge } from '../dashboard/eservices-sections';
import { delegationStatusColor } from '../delegations/labels';
import { EstablishmentGate } from './establishment-page';
import { Section } from '../../shared/section';

export function StaffPage() {
  return <RequireAuth>{() => <EstablishmentGate>{(e) => <Staff e={e} />}</EstablishmentGate>}</RequireAuth>;
}

function Staff({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const owner = e.role === 'owner';
  const staff = useStaff(e.id, owner);
  const name = pick(e.name, i18n.language);
  const title = t('establishmentStaff.titleOf', { name });
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageHeading documentTitle={title}>{title}</PageHeading>
        {owner && <Text>{t('establishmentStaff.intro')}</Text>}
        <Button component={Link} to={`/establishments/${e.id}`} variant="subtle" mt="xs">
          {t('establishments.worker.back', { name })}
        </Button>
      </div>
      {!owner ? (
        <Alert color="blue" variant="light" data-testid="staff-owner-only">
          {t('establishmentStaff.ownerOnly')}
        </Alert>
      ) : (
        <>
          <Section id="staff-authorize-title" title={t('establishmentStaff.authorizeTitle')} testId="staff-authorize">
            <StaffForm e={e} />
          </Section>
          <Section id="staff-list-title" title={t('establishmentStaff.listTitle')} testId="staff-list">
            <ApiErrorAlert error={staff.error} />
            {staff.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
            {staff.data && staff.data.length === 0 && <Text>{t('establishmentStaff.none')}</Text>}
            {staff.data && staff.data.length > 0 && (
              <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {staff.data.map((d) => (
                  <StaffCard key={d.id} establishmentId={e.id} d={d} />
                ))}
              </Stack>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.required');

const schema = z
  .object({
    staffIdNumber: idNumberField,
    services: z.array(z.string()).min(1, 'establishmentStaff.servicesHint'),
    startsOn: isoDay,
    endsOn: isoDay,
  })
  .refine((v) => v.endsOn > v.startsOn, { path: ['endsOn'], message: 'establishmentStaff.dateOrder' });

type Values = z.infer<typeof schema>;

const FIELDS = ['staffIdNumber', 'services', 'startsOn', 'endsOn'] as const;

/** Refusals that concern one field though the server names none. */
const CODE_FIELDS = {
  invalid_id_number: 'staffIdNumber',
  delegation_to_self: 'staffIdNumber',
  delegate_not_citizen: 'staffIdNumber',
  delegate_account_not_active: 'staffIdNumber',
  staff_service_not_allowed: 'services',
  delegation_overlaps: 'services',
  delegation_start_in_past: 'startsOn',
  delegation_end_not_after_start: 'endsOn',
  delegation_period_too_long: 'endsOn',
} as const;

function StaffForm({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const authorize = useAuthorizeStaff(e.id);
  const [granted, setGranted] = useState<GivenDelegation | null>(null);
  const key = useRef<{ json: string; key: string } | null>(null);
  const today = riyadhDay(new Date());
  const { register, handleSubmit, control, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { staffIdNumber: '', services: [], startsOn: today, endsOn: addDays(today, 90) },
  });
  const [startsOn, endsOn] = useWatch({ control, name: ['startsOn', 'endsOn'] });
  const message = (m: string | undefined) => (m?.startsWith('establishmentStaff.') ? t(m as 'establishmentStaff.dateOrder') : fieldMessage(m));
  const hijri = (day: string) => {
    const dual = /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDual(day, i18n.language as Language) : null;
    return dual ? `${t('common.hijri')}: ${dual.hijri}` : undefined;
  };

  const onSubmit = (v: Values) => {
    const body = { staffIdNumber: toWire.idNumber(v.staffIdNumber), services: v.services, startsOn: v.startsOn, endsOn: v.endsOn };
    const json = JSON.stringify(body);
    // The same submission retried keeps its key; a changed one gets a new key.
    if (key.current?.json !== json) key.current = { json, key: crypto.randomUUID() };
    setGranted(null);
    authorize.mutate(
      { body, key: key.current.key },
      {
        onSuccess: (d) => {
          setGranted(d);
          key.current = null;
          reset({ staffIdNumber: '', services: [], startsOn: v.startsOn, endsOn: v.endsOn });
        },
        onError: (err) => applyApiErrors(err, setError, FIELDS, CODE_FIELDS),
      },
    );
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate data-testid="staff-form">
      <Stack gap="md">
        <LtrInput
          label={t('establishmentStaff.idNumber')}
          description={t('establishmentStaff.idNumberHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maw={360}
          error={message(formState.errors.staffIdNumber?.message)}
          data-testid="staff-id-number"
          {...register('staffIdNumber')}
        />
        <Controller
          control={control}
          name="services"
          render={({ field, fieldState }) => (
            <Checkbox.Group label={t('establishmentStaff.services')} required value={field.value} onChange={field.onChange} error={message(fieldState.error?.message)} data-testid="staff-services">
              <Stack mt="xs" gap="xs">
                {e.services.map((s) => (
                  <Checkbox key={s.code} value={s.code} label={pick(s.name, i18n.language)} data-testid={`staff-service-${s.code}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Group align="flex-start" gap="md">
          <LtrInput
            type="date"
            label={t('establishmentStaff.startsOn')}
            description={hijri(startsOn)}
            required
            min={today}
            maw={240}
            error={message(formState.errors.startsOn?.message)}
            data-testid="staff-starts-on"
            {...register('startsOn')}
          />
          <LtrInput
            type="date"
            label={t('establishmentStaff.endsOn')}
            description={hijri(endsOn)}
            required
            min={startsOn}
            maw={240}
            error={message(formState.errors.endsOn?.message)}
            data-testid="staff-ends-on"
            {...register('endsOn')}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('establishmentStaff.periodHint')}
        </Text>
        <ApiErrorAlert error={unplacedError(authorize.error, FIELDS as readonly string[], CODE_FIELDS)} />
        <div role="status" aria-live="polite">
          {granted && (
            <Alert color="absher" variant="light" data-testid="staff-granted">
              {t('establishmentStaff.granted')} <PartyName party={granted.delegate} />
            </Alert>
          )}
        </div>
        <Button type="submit" w="fit-content" loading={authorize.isPending} data-testid="staff-submit">
          {t('establishmentStaff.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function StaffCard({ establishmentId, d }: { establishmentId: string; d: GivenDelegation }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeStaff(establishmentId);
  const [confirming, setConfirming] = useState(false);
  const facts: Fact[] = [
    { label: t('establishmentStaff.member'), value: <PartyName party={d.delegate} />, testId: 'staff-member' },
    { label: t('establishmentStaff.servicesLabel'), value: d.services.map((s) => pick(s.name, i18n.language)).join(t('common.listSeparator')), testId: 'staff-services-given' },
    { label: t('establishmentStaff.from'), value: <DualDate iso={d.period.startsOn.gregorian} /> },
    { label: t('establishmentStaff.until'), value: <DualDate iso={d.period.endsOn.gregorian} />, testId: 'staff-until' },
    {
      label: t('establishmentStaff.status'),
      value: (
        <StatusBadge color={delegationStatusColor(d.status)} testId="staff-status">
          {t(`delegations.statuses.${d.status}`)}
        </StatusBadge>
      ),
    },
  ];
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`staff-${d.id}`}>
      <Facts items={facts} />
      <ApiErrorAlert error={revoke.error} />
      {d.canRevoke &&
        (confirming ? (
          <Stack gap="xs" mt="sm" role="group" aria-labelledby={`staff-revoke-q-${d.id}`}>
            <Text id={`staff-revoke-q-${d.id}`} size="sm" fw={700}>
              {t('establishmentStaff.revokeQuestion')}
            </Text>
            <Group>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(d.id, { onSuccess: () => setConfirming(false) })} data-testid="staff-confirm-revoke">
                {t('establishmentStaff.confirmRevoke')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('establishmentStaff.keep')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button variant="outline" color="red" mt="sm" onClick={() => setConfirming(true)} data-testid="staff-revoke">
            {t('establishmentStaff.revoke')}
          </Button>
        ))}
    </Card>
  );
}
