// Fees are kept in halalas; people read riyals with two decimals.
import { useTranslation } from 'react-i18next';
import { Ltr } from './ltr';

export function formatHalalas(halalas: number): string {
  return (halalas / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** An amount in riyals: the digits isolated left to right, the currency in the language. */
export function Money({ halalas, testId }: { halalas: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      <Ltr>{formatHalalas(halalas)}</Ltr> {t('eservices.currency')}
    </span>
  );
}
