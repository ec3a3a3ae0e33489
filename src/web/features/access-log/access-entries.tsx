// Access log entries as a list: what happened and when (both calendars), who did it, on whose
// behalf, for which service, through which channel.
import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccessEntry } from '../../api/access-log';
import { pick } from '../../api/pick';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';

function whoText(who: AccessEntry['who'] | NonNullable<AccessEntry['onBehalfOf']>, language: string): string {
  const parts = [pick(who.label, language)];
  if (who.name) parts.push(pick(who.name, language));
  if ('office' in who && who.office) parts.push(pick(who.office, language));
  return parts.join(' — ');
}

export function AccessEntries({ entries, compact = false }: { entries: AccessEntry[]; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {entries.map((e, i) => {
        const facts: Fact[] = [{ label: t('accessLog.who'), value: whoText(e.who, lang), testId: 'entry-who' }];
        if (e.onBehalfOf) facts.push({ label: t('accessLog.onBehalfOf'), value: whoText(e.onBehalfOf, lang), testId: 'entry-on-behalf-of' });
        if (e.service) facts.push({ label: t('accessLog.service'), value: pick(e.service.name, lang) });
        if (!compact) facts.push({ label: t('accessLog.channel'), value: t(`accessLog.channels.${e.channel}`) });
        return (
          <Card key={`${e.at}-${i}`} component="li" withBorder radius="sm" padding="sm" data-testid="access-entry" data-action={e.action} data-who={e.who.kind}>
            <Text fw={700}>{pick(e.what, lang)}</Text>
            <Text size="sm" mb={4}>
              <DualDate iso={e.at} />
            </Text>
            <Facts items={facts} />
            {!compact && e.requestId && (
              <Anchor component={Link} to={`/requests/${e.requestId}`} size="sm">
                {t('accessLog.openRequest')}
              </Anchor>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}
