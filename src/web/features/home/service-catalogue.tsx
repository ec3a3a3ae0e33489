// The e-services as the directorate publishes them, with the fees in force today.
import { Alert, Badge, Button, Card, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../../api/eservices';
import { pick } from '../../api/pick';
import { Money } from '../../shared/money';
import { paramLabel } from '../eservices/labels';

export function ServiceCatalogue({ loggedIn }: { loggedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const services = useServices();
  if (services.isPending) return <Loader size="sm" aria-label={t('eservices.loading')} />;
  if (services.isError)
    return (
      <Alert color="red" variant="light" role="alert">
        {t('eservices.loadFailed')}
      </Alert>
    );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="service-catalogue">
      {services.data.map((s) => {
        const fees = Object.entries(s.parameters).filter(([, p]) => p.unit === 'halalas');
        return (
          <Card key={s.code} component="li" withBorder radius="md" padding="lg" data-testid={`service-${s.code}`}>
            <Stack gap="xs" h="100%">
              <Title order={3} size="h4">
                {pick(s.name, i18n.language)}
              </Title>
              <Text size="sm">{pick(s.description, i18n.language)}</Text>
              <div>
                <Text size="sm" fw={700} component="h4" m={0}>
                  {t('eservices.fees')}
                </Text>
                {fees.length === 0 ? (
                  <Badge variant="light" radius="sm" style={{ textTransform: 'none' }}>
                    {t('eservices.free')}
                  </Badge>
                ) : (
                  <Text component="ul" size="sm" m={0} ps="md">
                    {fees.map(([key, p]) => (
                      <li key={key}>
                        {paramLabel(t, key)}: <Money halalas={p.value} />
                      </li>
                    ))}
                  </Text>
                )}
              </div>
              <Button component={Link} to={loggedIn ? `/services/${s.code}` : `/login?next=${encodeURIComponent(`/services/${s.code}`)}`} variant="light" mt="auto" w="fit-content">
                {loggedIn ? t('eservices.applyNow') : t('eservices.loginToApply')}
                <span className="sr-only"> — {pick(s.name, i18n.language)}</span>
              </Button>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
