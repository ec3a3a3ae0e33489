// Fees are kept in halalas; people read riyals with two decimals.
import { useTranslation } from 'react-i18next';
import { Ltr } from './ltr';

// One formatter, built at the first amount and kept: toLocaleString builds a new one for every
// amount, and the catalogue on the home page shows dozens.
let riyals: Intl.NumberFormat | undefined;

export function formatHalalas(halalas: number): string {
  riyals ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return riyals.format(halalas / 100);
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
