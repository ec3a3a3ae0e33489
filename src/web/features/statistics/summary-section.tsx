// The open summary: the kingdom's totals over the last 30 days, for anyone. Figures as a
// description list (each tile a term and its value), processing times as a table.
import { Box, Loader, Paper, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../api/eservices';
import { pick } from '../../api/pick';
import { useStatisticsSummary, type Figures, type ProcessingTime } from '../../api/statistics';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { channelLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { formatCount, formatHours, formatShare } from './format';

type Tile = { key: string; label: string; value: ReactNode; detail?: ReactNode };

/** A period as two days in both calendars. */
export function Period({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <Text data-testid="statistics-period">
      <Text span fw={700}>
        {t('statistics.period')}:
      </Text>{' '}
      <DualDate iso={from} /> {t('statistics.periodTo')} <DualDate iso={to} />
    </Text>
  );
}

/** Label: value pairs on one line, e.g. the activations by channel. */
function Parts({ parts }: { parts: Array<[string, number | null]> }) {
  const { t } = useTranslation();
  const shown = parts.filter((p): p is [string, number] => p[1] !== null);
  return (
    <Text size="sm">
      {shown.map(([label, n], i) => (
        <span key={label}>
          {i > 0 && t('common.listSeparator')}
          {label}: <Ltr>{formatCount(n)}</Ltr>
        </span>
      ))}
    </Text>
  );
}

function figureTiles(t: TFunction, f: Figures): Tile[] {
  const tiles: Tile[] = [];
  if (f.registeredUsers !== null) tiles.push({ key: 'registered', label: t('statistics.figures.registeredUsers'), value: formatCount(f.registeredUsers) });
  tiles.push({
    key: 'activations',
    label: t('statistics.figures.activations'),
    value: formatCount(f.activations.total ?? f.activations.office),
    detail: (
      <Parts
        parts={[
          [channelLabel(t, 'office'), f.activations.office],
          [channelLabel(t, 'atm'), f.activations.atm],
          [channelLabel(t, 'kiosk'), f.activations.kiosk],
        ]}
      />
    ),
  });
  if (f.eTransactions !== null) tiles.push({ key: 'e-transactions', label: t('statistics.figures.eTransactions'), value: formatCount(f.eTransactions.total) });
  tiles.push({ key: 'paper', label: t('statistics.figures.paperTransactions'), value: formatCount(f.paperTransactions.total) });
  tiles.push({
    key: 'visits',
    label: t('statistics.figures.officeVisits'),
    value: formatCount(f.officeVisits.total),
    detail: (
      <Parts
        parts={[
          [t('statistics.visits.activations'), f.officeVisits.activations],
          [t('statistics.visits.cardHandovers'), f.officeVisits.cardHandovers],
          [t('statistics.visits.paperTransactions'), f.officeVisits.paperTransactions],
        ]}
      />
    ),
  });
  if (f.eTransactions !== null) {
    tiles.push({
      key: 'share',
      label: t('statistics.figures.shareWithoutVisit'),
      value: f.shareWithoutVisit === null ? <Text span>{t('statistics.noTransactions')}</Text> : formatShare(f.shareWithoutVisit),
    });
  }
  return tiles;
}

export function FigureTiles({ figures, testId }: { figures: Figures; testId: string }) {
  const { t } = useTranslation();
  return (
    <Box component="dl" m={0} data-testid={testId} style={{ display: 'grid', gap: 'var(--mantine-spacing-sm)', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' }}>
      {figureTiles(t, figures).map((tile) => (
        <Paper key={tile.key} withBorder radius="md" p="md">
          <Text component="dt" fw={500}>
            {tile.label}
          </Text>
          <Box component="dd" m={0}>
            <Text span fz={28} fw={700} display="block" data-testid={`${testId}-${tile.key}`}>
              {typeof tile.value === 'string' ? <Ltr>{tile.value}</Ltr> : tile.value}
            </Text>
            {tile.detail}
          </Box>
        </Paper>
      ))}
    </Box>
  );
}

/** Processing times per service; `titleId` is the heading that names the table. */
export function ProcessingTimes({ times, titleId }: { times: ProcessingTime[]; titleId: string }) {
  const { t, i18n } = useTranslation();
  const services = useServices();
  const name = (code: string) => {
    const s = services.data?.find((x) => x.code === code);
    return s ? pick(s.name, i18n.language) : code;
  };
  const hours = (h: number) => <Ltr>{t('statistics.hours', { value: formatHours(h) })}</Ltr>;
  if (times.length === 0) return <Text>{t('statistics.processingNone')}</Text>;
  return (
    <ScrollTable minWidth={560} label={t('statistics.processingTitle')}>
      <Table verticalSpacing="xs" striped aria-labelledby={titleId} data-testid={`${titleId}-table`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('statistics.service')}</Table.Th>
            <Table.Th scope="col">{t('statistics.issued')}</Table.Th>
            <Table.Th scope="col">{t('statistics.averageHours')}</Table.Th>
            <Table.Th scope="col">{t('statistics.medianHours')}</Table.Th>
            <Table.Th scope="col">{t('statistics.p90Hours')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {times.map((p) => (
            <Table.Tr key={p.service}>
              <Table.Th scope="row" fw={500}>
                {name(p.service)}
              </Table.Th>
              <Table.Td>
                <Ltr>{formatCount(p.issued)}</Ltr>
              </Table.Td>
              <Table.Td>{hours(p.averageHours)}</Table.Td>
              <Table.Td>{hours(p.medianHours)}</Table.Td>
              <Table.Td>{hours(p.p90Hours)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function SummarySection() {
  const { t } = useTranslation();
  const summary = useStatisticsSummary();
  return (
    <section aria-labelledby="summary-title" data-testid="statistics-summary">
      <Title order={2} id="summary-title" mb="xs">
        {t('statistics.summaryTitle')}
      </Title>
      <ApiErrorAlert error={summary.error} />
      {summary.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
      {summary.data && (
        <>
          <Period from={summary.data.from} to={summary.data.to} />
          <Text size="sm" c="dimmed" mb="md">
            {t('statistics.summaryNote')}
          </Text>
          <FigureTiles figures={summary.data.totals} testId="summary" />
          <Text size="sm" mt="sm" maw={760}>
            {t('statistics.shareExplained')}
          </Text>
          <Title order={3} size="h4" id="processing-title" mt="lg" mb="sm">
            {t('statistics.processingTitle')}
          </Title>
          <ProcessingTimes times={summary.data.processingTimes} titleId="processing-title" />
        </>
      )}
    </section>
  );
}
