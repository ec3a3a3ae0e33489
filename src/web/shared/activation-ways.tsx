// The three ways to prove one's identity in person and activate a registered account.
import { Card, List, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AtmIcon, FingerprintIcon, OfficeIcon } from './icons';

const icons = { office: <OfficeIcon />, atm: <AtmIcon />, kiosk: <FingerprintIcon /> } as const;

export function ActivationWays({ headingOrder = 3 }: { headingOrder?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const ways = [
    { key: 'office', title: t('activation.office.title'), body: t('activation.office.body') },
    { key: 'atm', title: t('activation.atm.title'), body: t('activation.atm.body') },
    { key: 'kiosk', title: t('activation.kiosk.title'), body: t('activation.kiosk.body') },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" data-testid="activation-ways">
      {ways.map((w) => (
        <Card key={w.key} withBorder padding="lg" radius="md">
          <ThemeIcon size={44} radius="md" variant="light">
            {icons[w.key]}
          </ThemeIcon>
          <Title order={headingOrder} size="h4" mt="sm" mb={6}>
            {w.title}
          </Title>
          <Text size="sm">{w.body}</Text>
          {w.key === 'atm' && (
            <List size="sm" mt="xs" spacing={2}>
              <List.Item>{t('activation.banks.alrajhi')}</List.Item>
              <List.Item>{t('activation.banks.riyadbank')}</List.Item>
              <List.Item>{t('activation.banks.samba')}</List.Item>
              <List.Item>{t('activation.banks.alinma')}</List.Item>
            </List>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}
