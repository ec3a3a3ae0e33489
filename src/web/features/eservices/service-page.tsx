// One e-service: choose the beneficiary, fill the service's own fields, see the eligibility
// answer and the fee, then submit. The Idempotency-Key is made once per submission and kept
// for a retry of the same one.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, List, NumberInput, Radio, Select, Stack, Text, Title, type OptionsFilter } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api } from '../../api/client';
import { useDelegations, type ReceivedDelegation } from '../../api/delegations';
import { useEstablishment, useProfessions, type Establishment } from '../../api/establishments';
import { REQUESTS_KEY, usePeople, useServices, type Quote, type Service, type ServiceRequest } from '../../api/eservices';
import { useOffices } from '../../api/offices';
import { pick } from '../../api/pick';
import type { Me } from '../../api/types';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';
import { DualDate } from '../../shared/dual-date';
import { FeeLines } from '../../shared/fee-lines';
import { Money } from '../../shared/money';
import { PageHeading } from '../../shared/page-heading';
import { PartyName } from '../../shared/party-name';
import { idNumberField, toWire } from '../../shared/validation';
import { relationLabel } from './labels';

type Values = {
  beneficiary: string;
  type: 'single' | 'multiple';
  durationMonths: number | '';
  validityYears: '5' | '10';
  delivery: 'post' | 'collect';
  officeId: string;
  passportNumber: string;
  issuedOn: string;
  expiresOn: string;
  quarters: '1' | '2' | '3' | '4';
  pickupOfficeId: string;
  profession: string;
};

const required = z.string().min(1, 'required');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'required');

function schemaFor(code: string, typedBeneficiary: boolean) {
  // A delegate types the beneficiary's number: the holder's people are not theirs to list.
  const base = { beneficiary: typedBeneficiary ? idNumberField : required };
  switch (code) {
    case 'exit_reentry_visa':
      return z.object({ ...base, type: z.enum(['single', 'multiple']), durationMonths: z.number({ error: 'required' }).int().min(1, 'required') });
    case 'passport_issue':
    case 'passport_renew':
      return z
        .object({ ...base, validityYears: z.enum(['5', '10']), delivery: z.enum(['post', 'collect']), officeId: z.string() })
        .refine((v) => v.delivery === 'post' || v.officeId.length > 0, { path: ['officeId'], message: 'required' });
    case 'transfer_of_information':
      return z.object({ ...base, passportNumber: required, issuedOn: isoDate, expiresOn: isoDate });
    case 'iqama_issue':
    case 'iqama_renew':
      return z.object({ ...base, quarters: z.enum(['1', '2', '3', '4']), pickupOfficeId: required });
    case 'profession_change':
      return z.object({ ...base, profession: z.string().trim().regex(/^[a-z_]{2,64}$/, 'required') });
    default:
      return z.object(base);
  }
}

function inputOf(code: string, v: Values): Record<string, unknown> {
  switch (code) {
    case 'exit_reentry_visa':
      return { type: v.type, durationMonths: Number(v.durationMonths) };
    case 'passport_issue':
    case 'passport_renew':
      return { validityYears: Number(v.validityYears), delivery: v.delivery === 'post' ? { method: 'post' } : { method: 'collect', officeId: v.officeId } };
    case 'transfer_of_information':
      return { passportNumber: v.passportNumber, issuedOn: v.issuedOn, expiresOn: v.expiresOn };
    case 'iqama_issue':
    case 'iqama_renew':
      return { quarters: Number(v.quarters), pickupOfficeId: v.pickupOfficeId };
    case 'profession_change':
      return { profession: v.profession.trim() };
    default:
      return {};
  }
}

// Arabic short vowels and the shadda are seldom typed: "بناء" finds "بنّاء".
const folded = (text: string) => text.replace(/[\u064B-\u0652]/g, '').trim().toLocaleLowerCase();

/** A profession is found by its name in the page's language or by its code. */
const professionFilter: OptionsFilter = ({ options, search }) => {
  const wanted = folded(search);
  if (!wanted) return options;
  return options.filter((o) => 'value' in o && (folded(o.label).includes(wanted) || o.value.includes(wanted)));
};

export function ServicePage() {
  return <RequireAuth>{(me) => <ServiceLoader me={me} />}</RequireAuth>;
}

function ServiceLoader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const delegationId = search.get('delegation');
  // From an establishment's worker page: the establishment and the worker already chosen.
  const establishmentId = search.get('establishment');
  const workerId = search.get('worker') ?? '';
  const services = useServices();
  if (services.isPending) return <Text>{t('app.loading')}</Text>;
  if (services.isError) return <ApiErrorAlert error={services.error} />;
  const service = services.data.find((s) => s.code === code);
  if (!service)
    return (
      <Alert color="red" variant="light" role="alert">
        {t('eservices.apply.notFound')}
      </Alert>
    );
  if (establishmentId) return <AsEstablishment me={me} service={service} establishmentId={establishmentId} workerId={workerId} />;
  return delegationId ? <AsDelegate me={me} service={service} delegationId={delegationId} /> : <ServiceForm me={me} service={service} />;
}

/** Applying as a delegate: only under an authorization received, in force and covering the service. */
function AsDelegate({ me, service, delegationId }: { me: Me; service: Service; delegationId: string }) {
  const { t } = useTranslation();
  const delegations = useDelegations();
  if (delegations.isPending) return <Text>{t('app.loading')}</Text>;
  if (delegations.isError) return <ApiErrorAlert error={delegations.error} />;
  const d = delegations.data.received.find((x) => x.id === delegationId);
  if (!d || d.status !== 'in_force' || d.establishmentId !== null || !d.services.some((s) => s.code === service.code))
    return (
      <Alert color="red" variant="light" role="alert" data-testid="delegation-unusable">
        {t('eservices.apply.delegationUnusable')}
      </Alert>
    );
  return <ServiceForm me={me} service={service} delegation={d} />;
}

/** Applying for an establishment's worker: only for an establishment the user may use this service for. */
function AsEstablishment({ me, service, establishmentId, workerId }: { me: Me; service: Service; establishmentId: string; workerId: string }) {
  const { t } = useTranslation();
  const establishment = useEstablishment(establishmentId);
  if (establishment.isPending) return <Text>{t('app.loading')}</Text>;
  if (establishment.isError) return <ApiErrorAlert error={establishment.error} />;
  if (!establishment.data.services.some((s) => s.code === service.code))
    return (
      <Alert color="red" variant="light" role="alert" data-testid="establishment-unusable">
        {t('establishments.apply.unusable')}
      </Alert>
    );
  return <ServiceForm me={me} service={service} establishment={establishment.data} workerId={workerId} />;
}

type FormProps = { me: Me; service: Service; delegation?: ReceivedDelegation; establishment?: Establishment; workerId?: string };

function ServiceForm({ me, service, delegation, establishment, workerId }: FormProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const offices = useOffices();
  // A delegate does not list their own people: they act for the holder's; an establishment
  // types (or brings) its worker's number.
  const typed = !!delegation || !!establishment;
  const people = usePeople({ enabled: !typed });
  // Only those the service is for: a citizen's number starts with 1, a resident's with 2.
  const myKind = me.idNumber.startsWith('2') ? 'resident' : 'citizen';
  const selfAllowed = !typed && service.relations.includes('self') && service.beneficiaryKinds.includes(myKind);
  const eligiblePeople = (people.data ?? []).filter((p) => service.relations.includes(p.relation) && service.beneficiaryKinds.includes(p.kind));
  const { register, handleSubmit, control, formState } = useForm<Values>({
    resolver: zodResolver(schemaFor(service.code, typed)) as unknown as Resolver<Values>,
    defaultValues: {
      beneficiary: establishment ? (workerId ?? '') : selfAllowed ? me.idNumber : '',
      type: 'single',
      durationMonths: 2,
      validityYears: '5',
      delivery: 'post',
      officeId: '',
      passportNumber: '',
      issuedOn: '',
      expiresOn: '',
      quarters: '4',
      pickupOfficeId: '',
      profession: '',
    },
  });
  const values = useWatch({ control });
  // The service refuses a change to a domestic profession, so none is offered.
  const professions = useProfessions(service.code === 'profession_change');
  const professionOptions = (professions.data ?? [])
    .filter((p) => !p.domestic)
    .map((p) => ({ value: p.code, label: pick(p.name, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  const body = (v: Values) => ({
    beneficiaryIdNumber: typed ? toWire.idNumber(v.beneficiary ?? '') : v.beneficiary,
    ...(delegation ? { delegationId: delegation.id } : {}),
    ...(establishment ? { establishmentId: establishment.id } : {}),
    input: inputOf(service.code, v),
  });

  // The quote answers for exactly these values; any change asks for a new one.
  const quoted = useRef<{ json: string; key: string } | null>(null);
  const quote = useMutation({
    mutationFn: (v: Values) => api.post<Quote>(`/api/v1/services/${service.code}/quote`, body(v)),
    onSuccess: (_q, v) => {
      quoted.current = { json: JSON.stringify(body(v)), key: crypto.randomUUID() };
    },
  });
  const submit = useMutation({
    mutationFn: ({ json, key }: { json: string; key: string }) =>
      api.post<ServiceRequest>(`/api/v1/services/${service.code}/requests`, JSON.parse(json) as unknown, { headers: { 'Idempotency-Key': key } }),
    onSuccess: async (r) => {
      await client.invalidateQueries({ queryKey: REQUESTS_KEY });
      await navigate(`/requests/${r.id}`);
    },
  });
  const current = JSON.stringify(body(values as Values));
  const fresh = quote.data && quoted.current?.json === current;
  const err = (name: keyof Values) => {
    const message = formState.errors[name]?.message;
    if (!message) return formState.errors[name] ? t('validation.required') : undefined;
    return message.startsWith('validation.') ? t(message as 'validation.required') : t('validation.required');
  };

  const fields = (() => {
    switch (service.code) {
      case 'exit_reentry_visa':
        return (
          <>
            <Controller
              control={control}
              name="type"
              render={({ field }) => (
                <Radio.Group label={t('eservices.apply.type')} value={field.value} onChange={(v) => field.onChange(v)} name={field.name} required>
                  <Group mt="xs">
                    <Radio value="single" label={t('eservices.apply.types.single')} data-testid="type-single" />
                    <Radio value="multiple" label={t('eservices.apply.types.multiple')} data-testid="type-multiple" />
                  </Group>
                </Radio.Group>
              )}
            />
            <Controller
              control={control}
              name="durationMonths"
              render={({ field }) => (
                <NumberInput
                  label={t('eservices.apply.durationMonths')}
                  min={1}
                  max={service.parameters.max_duration_months?.value}
                  allowDecimal={false}
                  required
                  dir="ltr"
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                  onBlur={field.onBlur}
                  name={field.name}
                  error={err('durationMonths')}
                  data-testid="duration-months"
                  maw={240}
                />
              )}
            />
          </>
        );
      case 'passport_issue':
      case 'passport_renew':
        return (
          <>
            <Controller
              control={control}
              name="validityYears"
              render={({ field }) => (
                <Radio.Group label={t('eservices.apply.validityYears')} value={field.value} onChange={(v) => field.onChange(v)} name={field.name} required>
                  <Group mt="xs">
                    <Radio value="5" label={t('eservices.apply.years', { count: 5 })} />
                    <Radio value="10" label={t('eservices.apply.years', { count: 10 })} />
                  </Group>
                </Radio.Group>
              )}
            />
            <Controller
              control={control}
              name="delivery"
              render={({ field }) => (
                <Radio.Group label={t('eservices.apply.delivery')} value={field.value} onChange={(v) => field.onChange(v)} name={field.name} required>
                  <Stack mt="xs" gap="xs">
                    <Radio value="post" label={t('eservices.apply.deliveries.post')} />
                    <Radio value="collect" label={t('eservices.apply.deliveries.collect')} />
                  </Stack>
                </Radio.Group>
              )}
            />
            {values.delivery === 'collect' && (
              <Controller
                control={control}
                name="officeId"
                render={({ field }) => (
                  <Select
                    label={t('eservices.apply.office')}
                    required
                    data={(offices.data ?? []).filter((o) => o.kind === 'office').map((o) => ({ value: o.id, label: pick(o.name, i18n.language) }))}
                    disabled={!offices.data}
                    data-testid="office"
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    error={err('officeId')}
                    maw={360}
                  />
                )}
              />
            )}
          </>
        );
      case 'iqama_issue':
      case 'iqama_renew':
        return (
          <>
            {/* Quarters are chosen for an establishment's worker; everyone else renews for a year. */}
            {establishment && (
              <Controller
                control={control}
                name="quarters"
                render={({ field }) => (
                  <Radio.Group label={t('establishments.renew.quarters')} description={t('establishments.renew.quartersHint')} value={field.value} onChange={field.onChange} name={field.name} required>
                    <Group mt="xs">
                      {(['1', '2', '3', '4'] as const).map((q) => (
                        <Radio key={q} value={q} label={t('establishments.renew.quarterCount', { count: Number(q) })} />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
              />
            )}
            <Controller
              control={control}
              name="pickupOfficeId"
              render={({ field }) => (
                <Select
                  label={t('establishments.renew.office')}
                  description={t('establishments.renew.officeHint')}
                  required
                  data={(offices.data ?? []).filter((o) => o.kind === 'office').map((o) => ({ value: o.id, label: pick(o.name, i18n.language) }))}
                  disabled={!offices.data}
                  data-testid="pickup-office"
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={err('pickupOfficeId')}
                  maw={360}
                />
              )}
            />
          </>
        );
      case 'profession_change':
        // Without the ministry's list (down, and none kept) the code is typed as before.
        if (professions.isError)
          return (
            <>
              <Alert color="orange" variant="light" data-testid="professions-unavailable">
                {t('establishments.apply.professionsUnavailable')}
              </Alert>
              <LtrInput
                label={t('establishments.apply.profession')}
                description={t('establishments.apply.professionHint')}
                required
                autoComplete="off"
                error={err('profession')}
                maw={360}
                data-testid="profession"
                {...register('profession')}
              />
            </>
          );
        return (
          <Controller
            control={control}
            name="profession"
            render={({ field }) => (
              <Select
                label={t('establishments.apply.profession')}
                description={t('establishments.apply.professionChoose')}
                required
                searchable
                filter={professionFilter}
                nothingFoundMessage={t('establishments.apply.professionNone')}
                data={professionOptions}
                disabled={!professions.data}
                data-testid="profession"
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                name={field.name}
                error={err('profession')}
                maw={360}
              />
            )}
          />
        );
      case 'transfer_of_information':
        return (
          <>
            <LtrInput label={t('eservices.apply.passportNumber')} required error={err('passportNumber')} maw={360} {...register('passportNumber')} />
            <LtrInput type="date" label={t('eservices.apply.issuedOn')} required error={err('issuedOn')} maw={240} {...register('issuedOn')} />
            <LtrInput type="date" label={t('eservices.apply.expiresOn')} required error={err('expiresOn')} maw={240} {...register('expiresOn')} />
          </>
        );
      default:
        return <Text>{t('eservices.apply.noFields')}</Text>;
    }
  })();

  const name = pick(service.name, i18n.language);
  const partyName = (d: ReceivedDelegation) => (d.grantor.name ? pick(d.grantor.name, i18n.language) : t('delegations.unnamed'));
  return (
    <Stack gap="lg" maw={820}>
      <div>
        <PageHeading documentTitle={name}>{name}</PageHeading>
        <Text>{pick(service.description, i18n.language)}</Text>
      </div>
      {delegation && (
        <Alert color="blue" variant="light" title={t('eservices.apply.actingTitle', { name: partyName(delegation) })} data-testid="acting-for">
          <Text size="sm">{t('eservices.apply.acting', { name: partyName(delegation) })}</Text>
          <Text size="sm" mt={4}>
            <PartyName party={delegation.grantor} /> — {t('eservices.apply.actingUntil')} <DualDate iso={delegation.period.endsOn.gregorian} />
          </Text>
        </Alert>
      )}
      {establishment && (
        <Alert color="blue" variant="light" title={t('establishments.apply.forTitle', { name: pick(establishment.name, i18n.language) })} data-testid="acting-for-establishment">
          <Text size="sm">
            {t('establishments.apply.for', { role: t(`establishments.roles.${establishment.role}`) })} (<Ltr>{establishment.id}</Ltr>)
          </Text>
        </Alert>
      )}
      {service.rules.length > 0 && (
        <details>
          <summary>{t('eservices.apply.rules')}</summary>
          <List size="sm" mt="xs">
            {service.rules.map((r) => (
              <List.Item key={r.code}>{pick(r.text, i18n.language)}</List.Item>
            ))}
          </List>
        </details>
      )}
      <Card withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={handleSubmit((v) => quote.mutate(v))} noValidate>
          <Stack gap="md">
            {typed ? (
              <LtrInput
                label={establishment ? t('establishments.apply.workerIdNumber') : t('eservices.apply.beneficiaryIdNumber')}
                description={establishment ? t('establishments.apply.workerIdNumberHint') : t('eservices.apply.beneficiaryIdNumberHint')}
                required
                inputMode="numeric"
                autoComplete="off"
                error={err('beneficiary')}
                maw={360}
                data-testid="beneficiary-id-number"
                {...register('beneficiary')}
              />
            ) : (
              <Controller
                control={control}
                name="beneficiary"
                render={({ field }) => (
                  <Radio.Group label={t('eservices.apply.beneficiary')} value={field.value} onChange={(v) => field.onChange(v)} name={field.name} required error={err('beneficiary')}>
                    <Stack mt="xs" gap="xs">
                      {selfAllowed && <Radio value={me.idNumber} label={t('eservices.apply.me', { name: pick(me.name, i18n.language) })} />}
                      {!selfAllowed && eligiblePeople.length === 0 && !people.isPending && <Text size="sm">{t('eservices.people.none')}</Text>}
                      {eligiblePeople.map((p) => (
                        <Radio
                          key={p.idNumber}
                          value={p.idNumber}
                          label={
                            <>
                              {pick(p.name, i18n.language)} — {relationLabel(t, p.relation, p.familyRelation)} (<Ltr>{p.idNumber}</Ltr>)
                            </>
                          }
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              />
            )}
            <Title order={2} size="h4">
              {t('eservices.apply.details')}
            </Title>
            {fields}
            <Button type="submit" variant="light" w="fit-content" loading={quote.isPending} data-testid="quote">
              {t('eservices.apply.quote')}
            </Button>
          </Stack>
        </form>
      </Card>
      <ApiErrorAlert error={quote.error} />
      <div role="status" aria-live="polite">
        {quote.data && (
          <Card withBorder radius="md" padding="lg" data-testid="quote-result">
            <Title order={2} size="h4" mb="sm">
              {t('eservices.apply.quoteTitle')}
            </Title>
            {!fresh && <Text c="orange.9">{t('eservices.apply.changed')}</Text>}
            {quote.data.eligible ? (
              <Text fw={700} c="absher.9" data-testid="eligible">
                {t('eservices.apply.eligible')}
              </Text>
            ) : (
              <>
                <Text fw={700} c="red.9">
                  {t('eservices.apply.notEligible')}
                </Text>
                <List data-testid="refusals">
                  {quote.data.refusals.map((r) => (
                    <List.Item key={r.code}>{r.message}</List.Item>
                  ))}
                </List>
              </>
            )}
            <FeeLines lines={quote.data.fee.lines} testId="quote-lines" />
            <Text mt="sm" fw={700}>
              {t('eservices.apply.total')}: <Money halalas={quote.data.fee.totalHalalas} testId="quote-total" />
            </Text>
            {quote.data.eligible && fresh && (
              <Button mt="md" loading={submit.isPending} onClick={() => quoted.current && submit.mutate(quoted.current)} data-testid="submit-request">
                {t('eservices.apply.submit')}
              </Button>
            )}
          </Card>
        )}
      </div>
      <ApiErrorAlert error={submit.error} />
    </Stack>
  );
}
