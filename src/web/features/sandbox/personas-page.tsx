import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { AccountStatus, Bilingual } from '../../api/types';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { statusColor, statusLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { SyntheticPerson } from './synthetic-person';
import { SandboxOnly } from './sandbox-only';

/** GET /sandbox/personas. */
type Personas = {
  password: string;
  personas: Array<{
    key: string;
    title: Bilingual;
    description: Bilingual;
    name: Bilingual;
    kind: 'citizen' | 'resident';
    idNumber: string;
    birthDate: string;
    mobile: string;
    username: string | null;
    password: string | null;
    status: AccountStatus | null;
    staffRole: { role: 'officer' | 'supervisor'; officeId: string | null } | null;
  }>;
};

export function PersonasPage() {
  return (
    <SandboxOnly>
      <PersonasPageContent />
    </SandboxOnly>
  );
}

function PersonasPageContent() {
  const { t, i18n } = useTranslation();
  const personas = useQuery({ queryKey: ['sandbox', 'personas'], queryFn: () => api.get<Personas>('/api/v1/sandbox/personas') });
  const list = personas.data?.personas ?? [];
  const pick = (b: Bilingual) => (i18n.language === 'en' ? b.en : b.ar);

  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={t('sandbox.personas.title')}>{t('sandbox.personas.title')}</PageHeading>
        <Text>{t('sandbox.personas.intro')}</Text>
      </div>
      <SyntheticPerson />
      <section aria-labelledby="personas-title">
        <Title order={2} size="h3" id="personas-title" mb="xs">
          {t('sandbox.personas.listTitle')}
        </Title>
        {personas.data && (
          <Text mb="md">
            {t('sandbox.personas.password')} <Ltr>{personas.data.password}</Ltr>
          </Text>
        )}
        <ApiErrorAlert error={personas.error} />
        {personas.isSuccess && list.length === 0 && <Alert variant="light">{t('sandbox.personas.empty')}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {list.map((p) => {
            const facts: Fact[] = [
              { label: t('fields.idNumber'), value: <Ltr>{p.idNumber}</Ltr> },
              { label: t('fields.birthDate'), value: <DualDate iso={p.birthDate} /> },
              { label: t('fields.mobile'), value: <Ltr>{p.mobile}</Ltr> },
            ];
            if (p.username) facts.push({ label: t('fields.username'), value: <Ltr>{p.username}</Ltr> });
            return (
              <Card key={p.key} withBorder radius="md" padding="lg" data-testid="persona">
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
                  <Title order={3} size="h4">
                    {pick(p.title)}
                  </Title>
                  <Badge color={p.status ? statusColor(p.status) : 'gray'} variant="light" radius="sm" style={{ textTransform: 'none', flexShrink: 0 }}>
                    {p.status ? statusLabel(t, p.status) : t('sandbox.personas.noAccount')}
                  </Badge>
                </Group>
                <Text fw={600}>{pick(p.name)}</Text>
                <Text size="sm" mb="sm">
                  {pick(p.description)}
                </Text>
                <Facts items={facts} />
                <Group mt="md">
                  {p.username ? (
                    <Button component={Link} to="/login" state={{ login: p.username }} variant="light" size="sm">
                      {t('sandbox.personas.logIn')}
                    </Button>
                  ) : (
                    <Button component={Link} to="/register" state={{ prefill: { idNumber: p.idNumber, birthDate: p.birthDate, mobile: p.mobile } }} variant="light" size="sm">
                      {t('sandbox.synthetic.register')}
                    </Button>
                  )}
                </Group>
              </Card>
            );
          })}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
