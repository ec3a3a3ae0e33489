// The establishment's iqama cards: printed (on the way to the office), ready to collect, or
// handed over, each with the office that holds it.
import { Button, Card, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstablishmentCards, type CardStatus, type Establishment } from '../../api/establishments';
import { pick } from '../../api/pick';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { PageHeading } from '../../shared/page-heading';
import { EstablishmentGate } from './establishment-page';
import { CardsTable } from './cards-table';
import { cardStatusLabel } from './labels';

export function CardsPage() {
  return <RequireAuth>{() => <EstablishmentGate>{(e) => <Cards e={e} />}</EstablishmentGate>}</RequireAuth>;
}

function Cards({ e }: { e: Establishment }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<CardStatus | 'all'>('all');
  const cards = useEstablishmentCards(e.id, status === 'all' ? undefined : status);
  const title = t('establishments.cards.titleOf', { name: pick(e.name, i18n.language) });
  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={title}>{title}</PageHeading>
        <Text>{t('establishments.cards.intro')}</Text>
        <Button component={Link} to={`/establishments/${e.id}`} variant="subtle" mt="xs">
          {t('establishments.worker.back', { name: pick(e.name, i18n.language) })}
        </Button>
      </div>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Group>
            <SegmentedControl
              aria-label={t('establishments.cards.filter')}
              value={status}
              onChange={(v) => setStatus(v as CardStatus | 'all')}
              data={[
                { value: 'all', label: t('establishments.cards.all') },
                ...(['printed', 'ready', 'handed_over'] as const).map((s) => ({ value: s, label: cardStatusLabel(t, s) })),
              ]}
            />
          </Group>
          <ApiErrorAlert error={cards.error} />
          {cards.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
          {cards.data && cards.data.length === 0 && <Text>{t('establishments.cards.none')}</Text>}
          {cards.data && cards.data.length > 0 && <CardsTable cards={cards.data} />}
        </Stack>
      </Card>
    </Stack>
  );
}
