// The airport kiosk's side of an activation: it reads both index fingerprints and sends
// them for matching against the registry. In the sandbox the "scan" is the registry's own
// synthetic templates for that person (or a spoiled one, to see a refusal).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, List, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client';
import { channelPost, SANDBOX_KIOSK_CLIENT } from '../../api/channel-signature';
import type { Activation, SandboxPerson } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { applyApiErrors, fieldMessage, unplacedError } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { PageHeading } from '../../shared/page-heading';
import { idNumberField, toWire } from '../../shared/validation';
import { ActivationResult } from './activation-result';
import { SandboxOnly } from './sandbox-only';

const schema = z.object({ idNumber: idNumberField, spoil: z.boolean() });
type Values = z.infer<typeof schema>;

const FIELDS = ['idNumber'] as const;
const CODE_FIELDS = { person_not_found: 'idNumber', registration_not_found: 'idNumber', not_found: 'idNumber' } as const;

/** A template that cannot match: the first character changed. */
function spoiled(template: string): string {
  return (template[0] === 'A' ? 'B' : 'A') + template.slice(1);
}

/** Long enough to see each finger being read. */
const SCAN_MS = 250;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function KioskPage() {
  return (
    <SandboxOnly>
      <KioskPageContent />
    </SandboxOnly>
  );
}

function KioskPageContent() {
  const { t } = useTranslation();
  const [scanned, setScanned] = useState<{ right: boolean; left: boolean }>({ right: false, left: false });
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { idNumber: '', spoil: false } });

  const activate = useMutation({
    mutationFn: async (v: Values) => {
      setScanned({ right: false, left: false });
      const idNumber = toWire.idNumber(v.idNumber);
      const person = await api.get<SandboxPerson>(`/api/v1/sandbox/persons/${encodeURIComponent(idNumber)}`);
      await pause(SCAN_MS);
      setScanned({ right: true, left: false });
      await pause(SCAN_MS);
      setScanned({ right: true, left: true });
      const { rightIndex, leftIndex } = person.fingerprints;
      return channelPost<Activation>(SANDBOX_KIOSK_CLIENT, '/api/v1/channels/activations', {
        idNumber,
        evidence: { type: 'fingerprints', rightIndex: v.spoil ? spoiled(rightIndex) : rightIndex, leftIndex },
      });
    },
    onError: (err) => applyApiErrors(err, setError, FIELDS, CODE_FIELDS),
  });

  const finger = (done: boolean, label: string) => (
    <List.Item
      icon={
        <ThemeIcon size={24} radius="xl" color={done ? 'absher' : 'gray'} aria-hidden>
          {done ? '✓' : '·'}
        </ThemeIcon>
      }
    >
      {label}: {done ? t('sandbox.kiosk.read') : t('sandbox.kiosk.waiting')}
    </List.Item>
  );

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageHeading documentTitle={t('sandbox.kiosk.title')}>{t('sandbox.kiosk.title')}</PageHeading>
        <Text>{t('sandbox.kiosk.intro')}</Text>
      </div>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <form onSubmit={handleSubmit((v) => activate.mutate(v))} noValidate>
          <Stack gap="md">
            <LtrInput
              label={t('fields.idNumber')}
              description={t('fields.idNumberHint')}
              inputMode="numeric"
              required
              error={fieldMessage(formState.errors.idNumber?.message)}
              data-testid="kiosk-id-number"
              {...register('idNumber')}
            />
            <Checkbox label={t('sandbox.kiosk.spoil')} {...register('spoil')} />
            <Button type="submit" size="md" w="fit-content" loading={activate.isPending} data-testid="kiosk-scan">
              {t('sandbox.kiosk.scan')}
            </Button>
            <List spacing="xs" aria-label={t('sandbox.kiosk.fingers')}>
              {finger(scanned.right, t('sandbox.kiosk.rightIndex'))}
              {finger(scanned.left, t('sandbox.kiosk.leftIndex'))}
            </List>
          </Stack>
        </form>
      </Paper>
      <div role="status" aria-live="polite">
        {activate.data && <ActivationResult result={activate.data} />}
      </div>
      <ApiErrorAlert error={unplacedError(activate.error, FIELDS, CODE_FIELDS)} />
    </Stack>
  );
}
