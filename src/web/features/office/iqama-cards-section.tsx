// The office's queue of iqama cards: what waits (printed cards whose arrival is not yet
// confirmed, ready cards not collected, and for how long), then the officer's actions: confirm
// a printed card's arrival (the applicant gets an SMS), then hand it over once the officer has
// checked the collector's original document; the server decides whether that person may
// collect it (collector_not_entitled otherwise). The server lists what waits the longest
// waiting first, a page at a time: the next page is asked for with "more", so that every
// card is reachable however many wait.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Card, Checkbox, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../api/client';
import type { IqamaCard } from '../../api/establishments';
import { OFFICE_CARDS_KEY as CARDS_KEY, officeCardsQuery, type OfficeCard, type OfficeCardFilter as Filter } from '../../api/office';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { fieldMessage } from '../../shared/form-errors';
import { LtrInput } from '../../shared/ltr-input';
import { idNumberField, toWire } from '../../shared/validation';
import { cardStatusLabel } from '../establishments/labels';
import { QueueTable, waitingSince } from './queue-table';
import { waitedMs, waitedText } from './waiting';

type HandedOver = IqamaCard & { collectorRole: 'holder' | 'establishment_owner' | 'establishment_staff' | 'applicant' };


const handoverSchema = z.object({
  collectorIdNumber: idNumberField,
  checked: z.boolean().refine((v) => v, 'validation.documentChecked'),
});

/** A filter's cards in the server's order (what waits, the longest waiting first), the pages asked for so far. */
function useOfficeCards(filter: Filter, enabled = true) {
  const query = useInfiniteQuery({ ...officeCardsQuery(filter), enabled });
  return { ...query, cards: query.data?.pages.flatMap((p) => p.cards) };
}

/** The time now, moved on every minute, so that the waits shown grow while the page is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Waiting({ label, cards, more, now, testId }: { label: string; cards: OfficeCard[] | undefined; more: boolean; now: number; testId: string }) {
  const { t } = useTranslation();
  const longest = cards?.length ? Math.max(...cards.map((c) => waitedMs(waitingSince(c), now))) : null;
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text component="dt" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {cards === undefined ? (
          <Loader size="xs" aria-label={t('app.loading')} />
        ) : (
          <>
            <Text span fz={28} fw={700} display="block" data-testid={`${testId}-count`}>
              {more ? t('office.cards.atLeast', { count: cards.length }) : cards.length}
            </Text>
            {longest !== null && <Text size="sm">{t('office.cards.longest', { wait: waitedText(t, longest) })}</Text>}
          </>
        )}
      </Text>
    </Paper>
  );
}

export function OfficeIqamaCards() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const now = useNow();
  const [filter, setFilter] = useState<Filter>('printed');
  // What was just done, said once near the table (the row itself moves to another filter).
  const [notice, setNotice] = useState<string | null>(null);
  const printed = useOfficeCards('printed');
  const ready = useOfficeCards('ready');
  const uncollected = useOfficeCards('uncollected');
  const handedOver = useOfficeCards('handed_over', filter === 'handed_over');
  const cards = { printed, ready, uncollected, handed_over: handedOver }[filter];
  const markReady = useMutation({
    mutationFn: (id: string) => api.post<IqamaCard>(`/api/v1/office/iqama-cards/${encodeURIComponent(id)}/ready`),
    onSuccess: () => {
      setNotice(t('office.cards.markedReady'));
      return client.invalidateQueries({ queryKey: CARDS_KEY });
    },
  });
  const choose = (f: Filter) => {
    setNotice(null);
    markReady.reset();
    setFilter(f);
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="office-cards-title" data-testid="office-cards">
      <Title order={2} size="h3" id="office-cards-title" mb="xs">
        {t('office.cards.title')}
      </Title>
      <Text mb="md">{t('office.cards.intro')}</Text>
      <Stack gap="md">
        <section aria-labelledby="office-queue-title" data-testid="office-queue">
          <Title order={3} size="h4" id="office-queue-title" mb={4}>
            {t('office.cards.queue')}
          </Title>
          <Text size="sm" mb="sm">
            {t('office.cards.queueIntro')}
          </Text>
          <Box component="dl" m={0} style={{ display: 'grid', gap: 'var(--mantine-spacing-sm)', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))' }}>
            <Waiting label={t('office.cards.waitingPrinted')} cards={printed.cards} more={printed.hasNextPage} now={now} testId="queue-printed" />
            <Waiting label={t('office.cards.waitingReady')} cards={ready.cards} more={ready.hasNextPage} now={now} testId="queue-ready" />
            <Waiting label={t('office.cards.waitingUncollected')} cards={uncollected.cards} more={uncollected.hasNextPage} now={now} testId="queue-uncollected" />
          </Box>
        </section>
        <SegmentedControl
          aria-label={t('office.cards.filter')}
          value={filter}
          onChange={(v) => choose(v as Filter)}
          data={[
            { value: 'printed', label: cardStatusLabel(t, 'printed') },
            { value: 'ready', label: cardStatusLabel(t, 'ready') },
            { value: 'uncollected', label: t('office.cards.uncollected') },
            { value: 'handed_over', label: cardStatusLabel(t, 'handed_over') },
          ]}
          data-testid="office-cards-filter"
          style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
        />
        <div role="status" aria-live="polite">
          {notice && (
            <Alert color="absher" variant="light" data-testid="office-cards-notice">
              {notice}
            </Alert>
          )}
        </div>
        <ApiErrorAlert error={cards.error ?? markReady.error} />
        {cards.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {cards.cards && cards.cards.length === 0 && <Text>{t('office.cards.none')}</Text>}
        {cards.cards && cards.cards.length > 0 && (
          <QueueTable
            cards={cards.cards}
            now={now}
            actions={(c) =>
              c.status === 'printed' ? (
                <Button
                  size="sm"
                  loading={markReady.isPending && markReady.variables === c.id}
                  onClick={() => markReady.mutate(c.id)}
                  aria-label={t('office.cards.markReadyFor', { idNumber: c.holderIdNumber })}
                  data-testid={`mark-ready-${c.holderIdNumber}`}
                >
                  {t('office.cards.markReady')}
                </Button>
              ) : c.status === 'ready' ? (
                <HandoverForm
                  card={c}
                  onDone={(role) => {
                    setNotice(t('office.cards.handedOver', { role: t(`office.cards.collectorRoles.${role}`) }));
                    return client.invalidateQueries({ queryKey: CARDS_KEY });
                  }}
                />
              ) : null
            }
          />
        )}
        {cards.hasNextPage && (
          <Group>
            <Button variant="light" onClick={() => void cards.fetchNextPage()} loading={cards.isFetchingNextPage} data-testid="office-cards-more">
              {t('office.cards.more')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function HandoverForm({ card, onDone }: { card: IqamaCard; onDone(role: HandedOver['collectorRole']): unknown }) {
  const { t } = useTranslation();
  const form = useForm<z.infer<typeof handoverSchema>>({ resolver: zodResolver(handoverSchema), defaultValues: { collectorIdNumber: '', checked: false } });
  const handover = useMutation({
    mutationFn: (v: z.infer<typeof handoverSchema>) =>
      api.post<HandedOver>(`/api/v1/office/iqama-cards/${encodeURIComponent(card.id)}/handover`, { collectorIdNumber: toWire.idNumber(v.collectorIdNumber) }),
    onSuccess: (done) => onDone(done.collectorRole),
  });
  const id = `handover-${card.id}`;
  return (
    <form onSubmit={form.handleSubmit((v) => handover.mutate(v))} noValidate aria-label={t('office.cards.handoverFor', { idNumber: card.holderIdNumber })} data-testid={`handover-${card.holderIdNumber}`}>
      <Stack gap="xs" miw={240}>
        <LtrInput
          id={`${id}-collector`}
          label={t('office.cards.collectorIdNumber')}
          description={t('office.cards.collectorHint')}
          inputMode="numeric"
          autoComplete="off"
          required
          size="sm"
          error={fieldMessage(form.formState.errors.collectorIdNumber?.message)}
          data-testid="collector-id-number"
          {...form.register('collectorIdNumber')}
        />
        <Checkbox
          size="sm"
          label={t('office.cards.collectorChecked')}
          error={fieldMessage(form.formState.errors.checked?.message)}
          data-testid="collector-checked"
          {...form.register('checked')}
        />
        <Group>
          <Button type="submit" size="sm" loading={handover.isPending} data-testid="hand-over">
            {t('office.cards.handOver')}
          </Button>
        </Group>
        <ApiErrorAlert error={handover.error} />
      </Stack>
    </form>
  );
}
