import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../app/language';
import { formatDual } from './dates';

/** A date in the Gregorian and the Hijri (Umm al-Qura) calendars, side by side. */
export function DualDate({ iso, withTime, testId }: { iso: string; withTime?: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  const text = formatDual(iso, i18n.language as Language, withTime);
  if (!text) return <span>{iso}</span>;
  return (
    <time dateTime={iso} data-testid={testId}>
      {/* Each calendar's date stays on one line; the two may wrap between them. */}
      <span style={{ whiteSpace: 'nowrap' }}>{text.gregorian}</span>{' '}
      <Text span c="dimmed" size="sm" style={{ whiteSpace: 'nowrap' }}>
        · {t('common.hijri')}: {text.hijri}
      </Text>
    </time>
  );
}
