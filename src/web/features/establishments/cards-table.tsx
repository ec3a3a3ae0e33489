// Iqama cards as a table: the holder, the request, the new expiry, the office and the status
// with its time; the officer's console adds its actions in the last column.
import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IqamaCard } from '../../api/establishments';
import { pick } from '../../api/pick';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { StatusBadge } from '../dashboard/eservices-sections';
import { cardStatusColor, cardStatusLabel } from './labels';

export function CardsTable({ cards, actions }: { cards: IqamaCard[]; actions?: (c: IqamaCard) => ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable minWidth={760} label={t('establishments.cards.title')}>
      <Table verticalSpacing="sm" striped aria-label={t('establishments.cards.title')} data-testid="cards-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('establishments.cards.holder')}</Table.Th>
            <Table.Th scope="col">{t('establishments.cards.request')}</Table.Th>
            <Table.Th scope="col">{t('establishments.cards.expiresOn')}</Table.Th>
            <Table.Th scope="col">{t('establishments.cards.office')}</Table.Th>
            <Table.Th scope="col">{t('establishments.cards.status')}</Table.Th>
            {actions && <Table.Th scope="col">{t('establishments.cards.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cards.map((c) => (
            <Table.Tr key={c.id} data-testid={`card-${c.holderIdNumber}`}>
              <Table.Th scope="row" fw={500}>
                <Ltr>{c.holderIdNumber}</Ltr>
              </Table.Th>
              <Table.Td>
                {actions ? (
                  <Ltr>{c.requestNumber}</Ltr>
                ) : (
                  <Anchor component={Link} to={`/requests/${c.requestId}`}>
                    <Ltr>{c.requestNumber}</Ltr>
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <DualDate iso={c.expiresOn.gregorian} />
              </Table.Td>
              <Table.Td>{pick(c.office.name, i18n.language)}</Table.Td>
              <Table.Td>
                <StatusBadge color={cardStatusColor(c.status)} testId={`card-status-${c.holderIdNumber}`}>
                  {cardStatusLabel(t, c.status)}
                </StatusBadge>
                <Text size="sm" mt={4}>
                  {c.handedOverAt ? (
                    <>
                      {t('establishments.cards.handedOverAt')} <DualDate iso={c.handedOverAt} />
                    </>
                  ) : c.readyAt ? (
                    <>
                      {t('establishments.cards.readyAt')} <DualDate iso={c.readyAt} />
                    </>
                  ) : (
                    <>
                      {t('establishments.cards.printedAt')} <DualDate iso={c.printedAt} />
                    </>
                  )}
                </Text>
                {c.uncollected && (
                  <Text size="sm" c="red.9">
                    {t('establishments.cards.uncollected')}
                  </Text>
                )}
              </Table.Td>
              {actions && <Table.Td>{actions(c)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
