// The simulators and the inbox exist only on a sandbox server; a production server answers
// their API with 404, so the pages say so instead of failing field by field.
import { Alert, Center, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSandboxModeQuery } from '../../session/queries';
import { PageHeading } from '../../shared/page-heading';

export function SandboxOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const mode = useSandboxModeQuery();
  if (mode.data === false) {
    return (
      <Stack>
        <PageHeading documentTitle={t('nav.sandbox')}>{t('nav.sandbox')}</PageHeading>
        <Alert color="orange" variant="light" role="alert">
          {t('sandbox.notSandbox')}
        </Alert>
      </Stack>
    );
  }
  if (mode.data === undefined) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <>{children}</>;
}
