import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../shared/page-heading';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeading documentTitle={t('app.notFoundTitle')}>{t('app.notFoundTitle')}</PageHeading>
      <Text>{t('app.notFoundBody')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('app.backHome')}
      </Button>
    </Stack>
  );
}
