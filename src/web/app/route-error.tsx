// A page that failed to load (often a chunk from a previous deployment): offer a reload.
import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('app.pageLoadFailed')}</Title>
        <Text>{t('app.pageLoadFailedBody')}</Text>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {t('app.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
