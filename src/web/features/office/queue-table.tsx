// The office's iqama cards as a queue: who holds each card (name and iqama number), the
// request, the new expiry, how long the card has waited and since when, its status, and the
// officer's action in the last column.
import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IqamaCard } from '../../api/establishments';
import type { OfficeCard } from '../../api/office';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { cardStatusColor, cardStatusLabel } from '../establishments/labels';
import { waitedMs, waitedText } from './waiting';

/** Since when a card has been waiting: its arrival once ready, its printing before that. */
export function waitingSince(c: IqamaCard): string {
  return c.status === 'printed' ? c.printedAt : (c.readyAt ?? c.printedAt);
}

function Holder({ card }: { card: OfficeCard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ar';
  return (
    <>
      {card.holderName ? (
        <Text span fw={700} lang={language} display="block" data-testid={`holder-name-${card.holderIdNumber}`}>
          {card.holderName[language]}
        </Text>
      ) : (
        <Text span c="dimmed" size="sm" display="block">
          {t('office.cards.holderUnknown')}
        </Text>
      )}
      <Ltr>{card.holderIdNumber}</Ltr>
    </>
  );
}

function Waited({ card, now }: { card: OfficeCard; now: number }) {
  const { t } = useTranslation();
  if (card.status === 'handed_over' && card.handedOverAt) {
    return (
      <Text size="sm">
        {t('establishments.cards.handedOverAt')} <DualDate iso={card.handedOverAt} />
      </Text>
    );
  }
  const since = waitingSince(card);
  return (
    <>
      <Text fw={700} data-testid={`waited-${card.holderIdNumber}`}>
        {waitedText(t, waitedMs(since, now))}
      </Text>
      <Text size="sm">
        {card.status === 'printed' ? t('office.cards.sincePrinted') : t('office.cards.sinceReady')} <DualDate iso={since} />
      </Text>
    </>
  );
}

export function QueueTable({ cards, now, actions }: { cards: OfficeCard[]; now: number; actions: (c: OfficeCard) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={900} label={t('office.cards.queue')}>
      <Table verticalSpacing="sm" striped aria-label={t('office.cards.queue')} data-testid="cards-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" miw={180}>
              {t('office.cards.holder')}
            </Table.Th>
            <Table.Th scope="col">{t('office.cards.request')}</Table.Th>
            <Table.Th scope="col">{t('office.cards.expiresOn')}</Table.Th>
            <Table.Th scope="col">{t('office.cards.waited')}</Table.Th>
            <Table.Th scope="col">{t('office.cards.status')}</Table.Th>
            <Table.Th scope="col">{t('office.cards.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cards.map((c) => (
            <Table.Tr key={c.id} data-testid={`card-${c.holderIdNumber}`}>
              <Table.Th scope="row" fw={500}>
                <Holder card={c} />
              </Table.Th>
              <Table.Td>
                <Ltr>{c.requestNumber}</Ltr>
              </Table.Td>
              <Table.Td>
                <DualDate iso={c.expiresOn.gregorian} />
              </Table.Td>
              <Table.Td>
                <Waited card={c} now={now} />
              </Table.Td>
              <Table.Td>
                {/* Words, not a badge: the longer statuses must not be cut short. */}
                <Text fw={700} c={`${cardStatusColor(c.status)}.9`} data-testid={`card-status-${c.holderIdNumber}`}>
                  {cardStatusLabel(t, c.status)}
                </Text>
                {c.uncollected && (
                  <Text size="sm" c="red.9" mt={4}>
                    {t('establishments.cards.uncollected')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{actions(c)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
