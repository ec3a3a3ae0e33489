// The passports officer's desk: find the person in front of them, check the original
// document, and activate their registered account.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Card, Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client';
import type { ActivationChannel, Bilingual, Me } from '../../api/types';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { applyApiErrors, fieldMessage, unplacedError } from '../../shared/form-errors';
import { channelLabel, locationLabel, statusColor, statusLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { idNumberField, toWire } from '../../shared/validation';
import { OfficeIqamaCards } from './iqama-cards-section';
import { PaperTransactions } from './paper-transactions-section';

/** GET /office/persons/{idNumber}: what an officer may see of a person, and their account. */
type OfficePerson = {
  idNumber: string;
  kind: 'citizen' | 'resident';
  name: Bilingual;
  birthDate: string;
  nationality: string;
  /** Masked by the server. */
  mobile: string;
  passport: { number: string; expiresOn: string } | null;
  iqama: { number: string; expiresOn: string } | null;
  account: {
    accountId: string;
    status: 'registered' | 'active' | 'suspended';
    activation: { channel: ActivationChannel; at: string; location: string } | null;
  } | null;
};

const documentTypes = ['national_id', 'iqama', 'passport'] as const;

const lookupSchema = z.object({ idNumber: idNumberField });
const activateSchema = z.object({
  documentType: z.enum(documentTypes),
  documentChecked: z.boolean().refine((v) => v, 'validation.documentChecked'),
});

export function OfficePage() {
  return (
    <RequireAuth>
      {(me) => <OfficeGate me={me} />}
    </RequireAuth>
  );
}

function OfficeGate({ me }: { me: Me }) {
  const { t } = useTranslation();
  const roles = me.roles ?? [];
  if (!roles.includes('officer') && !roles.includes('supervisor')) {
    return (
      <Stack>
        <PageHeading documentTitle={t('office.title')}>{t('office.title')}</PageHeading>
        <Alert color="orange" variant="light" role="alert">
          {t('office.notOfficer')}
        </Alert>
      </Stack>
    );
  }
  return <OfficeConsole />;
}

function OfficeConsole() {
  const { t } = useTranslation();
  const [idNumber, setIdNumber] = useState<string | null>(null);
  // Kept here: once activated, the refreshed card no longer shows the form that said so.
  const [activated, setActivated] = useState<string | null>(null);
  const lookupForm = useForm<z.infer<typeof lookupSchema>>({ resolver: zodResolver(lookupSchema), defaultValues: { idNumber: '' } });
  const lookup = useQuery({
    queryKey: ['office', 'person', idNumber],
    queryFn: () => api.get<OfficePerson>(`/api/v1/office/persons/${encodeURIComponent(idNumber!)}`),
    enabled: !!idNumber,
  });

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <PageHeading documentTitle={t('office.title')}>{t('office.title')}</PageHeading>
        <Text>{t('office.intro')}</Text>
      </div>
      <form
        onSubmit={lookupForm.handleSubmit((v) => {
          setActivated(null);
          setIdNumber(toWire.idNumber(v.idNumber));
        })} noValidate role="search" aria-label={t('office.lookup')}>
        <Group align="flex-end" gap="sm">
          <LtrInput
            label={t('fields.idNumber')}
            inputMode="numeric"
            required
            error={fieldMessage(lookupForm.formState.errors.idNumber?.message)}
            style={{ flex: '1 1 220px' }}
            data-testid="office-id-number"
            {...lookupForm.register('idNumber')}
          />
          <Button type="submit" loading={lookup.isFetching} data-testid="office-lookup">
            {t('office.lookup')}
          </Button>
        </Group>
      </form>
      <ApiErrorAlert error={lookup.error} />
      <div role="status" aria-live="polite">
        {activated && activated === idNumber && (
          <Alert color="absher" variant="light" data-testid="office-activated">
            {t('office.activated')}
          </Alert>
        )}
      </div>
      {lookup.data && <PersonCard data={lookup.data} onActivated={() => setActivated(idNumber)} />}
      <OfficeIqamaCards />
      <PaperTransactions />
    </Stack>
  );
}

function PersonCard({ data: person, onActivated }: { data: OfficePerson; onActivated(): void }) {
  const { t, i18n } = useTranslation();
  const account = person.account;
  const facts: Fact[] = [
    { label: t('dashboard.nameAr'), value: <span lang="ar">{person.name.ar}</span> },
    { label: t('dashboard.nameEn'), value: <span lang="en">{person.name.en}</span> },
    { label: t('fields.idNumber'), value: <Ltr>{person.idNumber}</Ltr> },
    { label: t('office.kind'), value: t(`office.kinds.${person.kind}`) },
    { label: t('fields.birthDate'), value: <DualDate iso={person.birthDate} /> },
    { label: t('office.nationality'), value: <Ltr>{person.nationality}</Ltr> },
    { label: t('fields.mobile'), value: <Ltr>{person.mobile}</Ltr> },
  ];
  if (person.passport) {
    facts.push({
      label: t('office.passport'),
      value: (
        <>
          <Ltr>{person.passport.number}</Ltr> — {t('office.expiresOn')} <DualDate iso={person.passport.expiresOn} />
        </>
      ),
    });
  }
  if (person.iqama) {
    facts.push({
      label: t('office.iqama'),
      value: (
        <>
          <Ltr>{person.iqama.number}</Ltr> — {t('office.expiresOn')} <DualDate iso={person.iqama.expiresOn} />
        </>
      ),
    });
  }

  const accountFacts: Fact[] = [];
  if (account) {
    accountFacts.push({
      label: t('dashboard.status'),
      value: (
        <Badge color={statusColor(account.status)} variant="light" radius="sm" style={{ textTransform: 'none' }} data-testid="office-status">
          {statusLabel(t, account.status)}
        </Badge>
      ),
    });
    if (account.activation) {
      accountFacts.push({ label: t('dashboard.activationChannel'), value: channelLabel(t, account.activation.channel) });
      accountFacts.push({ label: t('dashboard.activatedAt'), value: <DualDate iso={account.activation.at} /> });
      if (account.activation.location) accountFacts.push({ label: t('dashboard.activatedWhere'), value: locationLabel(t, account.activation.location) });
    }
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="person-title" data-testid="office-person">
      <Title order={2} size="h3" id="person-title" mb="md">
        {i18n.language === 'en' ? person.name.en : person.name.ar}
      </Title>
      <Facts items={facts} />
      <Title order={3} size="h4" mt="lg" mb="sm">
        {t('office.accountTitle')}
      </Title>
      {account ? <Facts items={accountFacts} /> : <Text>{t('office.noAccount')}</Text>}
      {account?.status === 'registered' && <ActivateForm idNumber={person.idNumber} kind={person.kind} onActivated={onActivated} />}
    </Card>
  );
}

function ActivateForm({ idNumber, kind, onActivated }: { idNumber: string; kind?: 'citizen' | 'resident'; onActivated(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<z.infer<typeof activateSchema>>({
    resolver: zodResolver(activateSchema),
    defaultValues: { documentType: kind === 'resident' ? 'iqama' : 'national_id', documentChecked: false },
  });
  const activate = useMutation({
    mutationFn: (v: z.infer<typeof activateSchema>) => api.post<unknown>('/api/v1/office/activations', { idNumber, documentChecked: true, documentType: v.documentType }),
    onSuccess: () => {
      onActivated();
      return client.invalidateQueries({ queryKey: ['office', 'person', idNumber] });
    },
    onError: (err) => applyApiErrors(err, form.setError, ['documentType', 'documentChecked'], { original_document_not_checked: 'documentChecked', document_not_valid_for_identity: 'documentType' }),
  });
  return (
    <form onSubmit={form.handleSubmit((v) => activate.mutate(v))} noValidate aria-labelledby="activate-title">
      <Title order={3} size="h4" mt="lg" mb="sm" id="activate-title">
        {t('office.activateTitle')}
      </Title>
      <Stack gap="md">
        <Controller
          control={form.control}
          name="documentType"
          render={({ field }) => (
            <Radio.Group
              label={t('office.documentType')}
              value={field.value}
              onChange={field.onChange}
              name={field.name}
              required
              error={fieldMessage(form.formState.errors.documentType?.message)}
            >
              <Group mt="xs">
                {documentTypes.map((d) => (
                  <Radio key={d} value={d} label={t(`office.documentTypes.${d}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Checkbox
          label={t('office.documentChecked')}
          error={fieldMessage(form.formState.errors.documentChecked?.message)}
          data-testid="document-checked"
          {...form.register('documentChecked')}
        />
        <Button type="submit" w="fit-content" loading={activate.isPending} data-testid="office-activate">
          {t('office.activate')}
        </Button>
        <ApiErrorAlert error={unplacedError(activate.error, ['documentType', 'documentChecked'], { original_document_not_checked: 'documentChecked', document_not_valid_for_identity: 'documentType' })} />
      </Stack>
    </form>
  );
}
