import { Box, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../session/queries';
import { ActivationWays } from '../../shared/activation-ways';
import { PageHeading } from '../../shared/page-heading';
import { ServiceCatalogue } from './service-catalogue';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const steps = ['data', 'terms', 'code', 'password', 'activate'] as const;
  return (
    <Stack gap={48}>
      <Paper radius="lg" p={{ base: 'lg', sm: 40 }} bg="absher.8" c="white">
        <Text fw={700} size="sm" c="absher.0">
          {t('home.kicker')}
        </Text>
        <Box c="white">
          <PageHeading documentTitle={t('home.documentTitle')}>{t('home.title')}</PageHeading>
        </Box>
        <Text size="lg" maw={720}>
          {t('home.lead')}
        </Text>
        <Group mt="lg" gap="sm">
          {me.data ? (
            <Button component={Link} to="/dashboard" color="white" variant="white" c="absher.9" size="md">
              {t('home.ctaDashboard')}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register" variant="white" c="absher.9" size="md">
                {t('home.ctaRegister')}
              </Button>
              <Button component={Link} to="/login" variant="outline" color="white" c="white" size="md">
                {t('home.ctaLogin')}
              </Button>
            </>
          )}
        </Group>
      </Paper>

      <section aria-labelledby="how-to-register">
        <Title order={2} id="how-to-register" mb="md">
          {t('home.howTitle')}
        </Title>
        <List type="ordered" spacing="sm" center={false}>
          {steps.map((s, i) => (
            <List.Item
              key={s}
              icon={
                <ThemeIcon radius="xl" size={28} aria-hidden>
                  {i + 1}
                </ThemeIcon>
              }
            >
              <Text fw={700} span>
                {t(`home.steps.${s}.title`)}
              </Text>
              {' — '}
              <Text span>{t(`home.steps.${s}.body`)}</Text>
            </List.Item>
          ))}
        </List>
      </section>

      <section aria-labelledby="ways-to-activate">
        <Title order={2} id="ways-to-activate" mb="xs">
          {t('home.activationTitle')}
        </Title>
        <Text mb="md">{t('home.activationIntro')}</Text>
        <ActivationWays />
      </section>

      <section aria-labelledby="e-services">
        <Title order={2} id="e-services" mb="xs">
          {t('home.servicesTitle')}
        </Title>
        <Text mb="md">{t('home.servicesIntro')}</Text>
        <ServiceCatalogue loggedIn={!!me.data} />
      </section>
    </Stack>
  );
}
