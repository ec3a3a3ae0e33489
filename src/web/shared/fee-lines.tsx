// The lines of a fee, each named as the API names it, with its quantity and amount.
import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeeLine } from '../api/eservices';
import { pick } from '../api/pick';
import { Ltr } from './ltr';
import { Money } from './money';

export function FeeLines({ lines, testId }: { lines: FeeLine[]; testId?: string }) {
  const { i18n } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <List size="sm" mt="sm" data-testid={testId}>
      {lines.map((l) => (
        <List.Item key={l.key}>
          {pick(l.label, i18n.language)}
          {l.quantity > 1 && (
            <>
              {' × '}
              <Ltr>{l.quantity}</Ltr>
            </>
          )}
          : <Money halalas={l.amountHalalas * l.quantity} />
        </List.Item>
      ))}
    </List>
  );
}
