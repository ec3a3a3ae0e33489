// Adds a synthetic person to the sandbox population registry, to register with at once.
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { SandboxPerson } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';

export function SyntheticPerson() {
  const { t, i18n } = useTranslation();
  const create = useMutation({ mutationFn: (kind: 'citizen' | 'resident') => api.post<SandboxPerson>('/api/v1/sandbox/persons', { kind }) });
  const p = create.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="synthetic-title">
      <Title order={2} size="h3" id="synthetic-title" mb="xs">
        {t('sandbox.synthetic.title')}
      </Title>
      <Text mb="md">{t('sandbox.synthetic.intro')}</Text>
      <Group mb="md">
        <Button onClick={() => create.mutate('citizen')} loading={create.isPending && create.variables === 'citizen'} data-testid="create-citizen">
          {t('sandbox.synthetic.citizen')}
        </Button>
        <Button variant="light" onClick={() => create.mutate('resident')} loading={create.isPending && create.variables === 'resident'} data-testid="create-resident">
          {t('sandbox.synthetic.resident')}
        </Button>
      </Group>
      <ApiErrorAlert error={create.error} />
      <div role="status" aria-live="polite">
        {p && (
          <Stack gap="sm" data-testid="synthetic-person">
            <Text fw={700}>{t('sandbox.synthetic.created', { name: i18n.language === 'en' ? p.name.en : p.name.ar })}</Text>
            <Facts
              items={[
                { label: t('dashboard.nameAr'), value: <span lang="ar">{p.name.ar}</span> },
                { label: t('dashboard.nameEn'), value: <span lang="en">{p.name.en}</span> },
                { label: t('fields.idNumber'), value: <Ltr>{p.idNumber}</Ltr>, testId: 'person-id-number' },
                { label: t('fields.birthDate'), value: <DualDate iso={p.birthDate} />, testId: 'person-birth-date' },
                { label: t('fields.mobile'), value: <Ltr>{p.mobile}</Ltr>, testId: 'person-mobile' },
              ]}
            />
            <span hidden data-testid="person-birth-date-iso">
              {p.birthDate}
            </span>
            <Group>
              <Button component={Link} to="/register" state={{ prefill: { idNumber: p.idNumber, birthDate: p.birthDate, mobile: p.mobile } }} data-testid="register-person">
                {t('sandbox.synthetic.register')}
              </Button>
              <Button component={Link} to={`/sandbox/sms?to=${encodeURIComponent(p.mobile)}`} variant="default">
                {t('sandbox.synthetic.inbox')}
              </Button>
            </Group>
          </Stack>
        )}
      </div>
    </Card>
  );
}
