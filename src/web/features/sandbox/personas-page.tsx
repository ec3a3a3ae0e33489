import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { Facts, type Fact } from '../../shared/facts';
import { statusLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { SyntheticPerson } from './synthetic-person';

type Text2 = string | { ar?: string; en?: string };
type Persona = {
  key?: string;
  id?: string;
  title?: Text2;
  role?: Text2;
  description?: Text2;
  name?: Text2;
  idNumber?: string;
  username?: string;
  password?: string;
  mobile?: string;
  status?: string;
  [more: string]: unknown;
};

function pick(value: Text2 | undefined, language: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return (language === 'en' ? value.en : value.ar) ?? value.ar ?? value.en;
}

function asList(data: unknown): Persona[] {
  if (Array.isArray(data)) return data as Persona[];
  const list = (data as { personas?: unknown } | null)?.personas;
  return Array.isArray(list) ? (list as Persona[]) : [];
}

export function PersonasPage() {
  const { t, i18n } = useTranslation();
  const personas = useQuery({ queryKey: ['sandbox', 'personas'], queryFn: () => api.get<unknown>('/api/v1/sandbox/personas') });
  const list = asList(personas.data);

  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={t('sandbox.personas.title')}>{t('sandbox.personas.title')}</PageHeading>
        <Text>{t('sandbox.personas.intro')}</Text>
      </div>
      <SyntheticPerson />
      <section aria-labelledby="personas-title">
        <Title order={2} size="h3" id="personas-title" mb="md">
          {t('sandbox.personas.listTitle')}
        </Title>
        <ApiErrorAlert error={personas.error} />
        {personas.isSuccess && list.length === 0 && <Alert variant="light">{t('sandbox.personas.empty')}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {list.map((p, i) => {
            const facts: Fact[] = [];
            const name = pick(p.name, i18n.language);
            if (p.idNumber) facts.push({ label: t('fields.idNumber'), value: <Ltr>{p.idNumber}</Ltr> });
            if (p.username) facts.push({ label: t('fields.username'), value: <Ltr>{p.username}</Ltr> });
            if (p.password) facts.push({ label: t('fields.password'), value: <Ltr>{p.password}</Ltr> });
            if (p.mobile) facts.push({ label: t('fields.mobile'), value: <Ltr>{p.mobile}</Ltr> });
            if (p.status) facts.push({ label: t('dashboard.status'), value: statusLabel(t, p.status) });
            return (
              <Card key={p.key ?? p.id ?? p.idNumber ?? i} withBorder radius="md" padding="lg" data-testid="persona">
                <Title order={3} size="h4" mb={4}>
                  {pick(p.title, i18n.language) ?? pick(p.role, i18n.language) ?? name ?? p.key}
                </Title>
                {name && (pick(p.title, i18n.language) || pick(p.role, i18n.language)) && <Text fw={600}>{name}</Text>}
                {p.description && (
                  <Text size="sm" mb="sm">
                    {pick(p.description, i18n.language)}
                  </Text>
                )}
                <Facts items={facts} />
              </Card>
            );
          })}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
