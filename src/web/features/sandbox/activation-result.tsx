import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Activation } from '../../api/types';
import { DualDate } from '../../shared/dual-date';
import { Facts } from '../../shared/facts';
import { channelLabel, locationLabel, statusLabel } from '../../shared/labels';

/** What the channel API answered for an activation. */
export function ActivationResult({ result }: { result: Activation }) {
  const { t } = useTranslation();
  return (
    <Alert color="absher" variant="light" title={t('sandbox.activated.title')} data-testid="activation-result">
      <Stack gap="xs">
        <Text size="sm">{t('sandbox.activated.body')}</Text>
        <Facts
          items={[
            { label: t('dashboard.status'), value: statusLabel(t, result.status), testId: 'result-status' },
            { label: t('dashboard.activationChannel'), value: channelLabel(t, result.channel) },
            { label: t('dashboard.activatedAt'), value: <DualDate iso={result.activatedAt} /> },
            { label: t('dashboard.activatedWhere'), value: locationLabel(t, result.location) },
          ]}
        />
      </Stack>
    </Alert>
  );
}
