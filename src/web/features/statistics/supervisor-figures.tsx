// The supervisors' figures: a period (up to 366 days), a region or an office, chosen in the
// address so that a view can be shared; then registrations and activations by channel per day,
// e-transactions against office visits per day, per region and per office, each chart with its
// totals in words and its figures as a table. Figures that have no meaning for the scope (a
// registration has no region) are left out, and a note says why.
import { BarChart, LineChart, type BarChartSeries, type LineChartSeries } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Alert, Button, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOffices, type Office } from '../../api/offices';
import { pick } from '../../api/pick';
import { useStatistics, type Statistics, type StatisticsFilter, type Visits } from '../../api/statistics';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { channelLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { regionLabel } from '../establishments/labels';
import { ChartFigure } from './chart-figure';
import { formatCount, formatShare, shortDay } from './format';
import { FigureTiles, Period, ProcessingTimes } from './summary-section';

const FILTER_KEYS = ['from', 'to', 'region', 'officeId'] as const;

/**
 * Recharts draws left to right: for Arabic the axis along the chart runs from the right and the
 * other sits on the right. `categoryWidth`: the room for the names when they are on the Y axis.
 */
function axes(rtl: boolean, categoryWidth?: number) {
  // Counts: no tick at 0.75 of a visit.
  const values = { allowDecimals: false };
  const names = categoryWidth === undefined ? {} : { width: categoryWidth };
  const x = categoryWidth === undefined ? {} : values;
  const y = categoryWidth === undefined ? values : names;
  if (!rtl) return { xAxisProps: x, yAxisProps: y };
  return {
    xAxisProps: { ...x, reversed: true },
    yAxisProps: { ...y, orientation: 'right' as const, tick: { fontSize: 12, fill: 'currentColor', transform: 'translate(10, 0)' } },
  };
}

const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : <Ltr>{formatCount(n)}</Ltr>);
const share = (t: TFunction, s: number | null) => (s === null ? t('statistics.noTransactions') : <Ltr>{formatShare(s)}</Ltr>);

/** "Label: n, label: n" for a chart's caption. */
function sentence(t: TFunction, parts: Array<[string, ReactNode]>): ReactNode {
  return parts.map(([label, value], i) => (
    <span key={label}>
      {i > 0 && t('common.listSeparator')}
      {label}: {value}
    </span>
  ));
}

function Filters({ offices, current, onApply }: { offices: Office[]; current: StatisticsFilter; onApply(f: StatisticsFilter): void }) {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(current.from ?? '');
  const [to, setTo] = useState(current.to ?? '');
  const [region, setRegion] = useState(current.region ?? '');
  const [officeId, setOfficeId] = useState(current.officeId ?? '');
  const regions = useMemo(() => [...new Set(offices.map((o) => o.region))].sort((a, b) => regionLabel(t, a).localeCompare(regionLabel(t, b), i18n.language)), [offices, t, i18n.language]);
  const inRegion = offices.filter((o) => !region || o.region === region);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ from: from || undefined, to: to || undefined, region: region || undefined, officeId: officeId || undefined });
  };
  return (
    <form onSubmit={submit} aria-label={t('statistics.supervisor.filters')} data-testid="statistics-filters">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="date" label={t('statistics.supervisor.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="filter-from" style={{ flex: '1 1 150px' }} />
        <TextInput type="date" label={t('statistics.supervisor.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="filter-to" style={{ flex: '1 1 150px' }} />
        <NativeSelect
          label={t('statistics.supervisor.region')}
          value={region}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setRegion(next);
            // An office elsewhere no longer fits the region chosen.
            if (next && offices.find((o) => o.id === officeId)?.region !== next) setOfficeId('');
          }}
          data={[{ value: '', label: t('statistics.supervisor.allRegions') }, ...regions.map((r) => ({ value: r, label: regionLabel(t, r) }))]}
          data-testid="filter-region"
          style={{ flex: '1 1 180px' }}
        />
        <NativeSelect
          label={t('statistics.supervisor.office')}
          value={officeId}
          onChange={(e) => setOfficeId(e.currentTarget.value)}
          data={[{ value: '', label: t('statistics.supervisor.allOffices') }, ...inRegion.map((o) => ({ value: o.id, label: pick(o.name, i18n.language) }))]}
          data-testid="filter-office"
          style={{ flex: '2 1 240px' }}
        />
        <Button type="submit" data-testid="filter-apply">
          {t('statistics.supervisor.apply')}
        </Button>
        <Button
          type="button"
          variant="subtle"
          onClick={() => {
            setFrom('');
            setTo('');
            setRegion('');
            setOfficeId('');
            onApply({});
          }}
        >
          {t('statistics.supervisor.reset')}
        </Button>
      </Group>
    </form>
  );
}

function UsersChart({ stats }: { stats: Statistics }) {
  const { t, i18n } = useTranslation();
  const L = (k: 'registered' | 'date' | 'activatedTotal') => t(`statistics.supervisor.${k}`);
  const national = stats.totals.registeredUsers !== null;
  const series: LineChartSeries[] = [
    ...(national ? [{ name: 'registered', label: L('registered'), color: 'gray.7' }] : []),
    { name: 'office', label: channelLabel(t, 'office'), color: 'absher.6' },
    ...(national
      ? [
          { name: 'atm', label: channelLabel(t, 'atm'), color: 'blue.6' },
          { name: 'kiosk', label: channelLabel(t, 'kiosk'), color: 'orange.6' },
        ]
      : []),
  ];
  const data = stats.days.map((d) => ({
    day: shortDay(d.date, i18n.language),
    registered: d.registeredUsers,
    office: d.activations.office,
    atm: d.activations.atm,
    kiosk: d.activations.kiosk,
  }));
  const a = stats.totals.activations;
  return (
    <DailyFigure
      id="users"
      title={t('statistics.supervisor.charts.users')}
      summary={
        <>
          {t('statistics.supervisor.totals')}:{' '}
          {sentence(t, [
            ...(national ? [[L('registered'), count(stats.totals.registeredUsers)] as [string, ReactNode]] : []),
            [channelLabel(t, 'office'), count(a.office)],
            ...(national
              ? ([
                  [channelLabel(t, 'atm'), count(a.atm)],
                  [channelLabel(t, 'kiosk'), count(a.kiosk)],
                  [L('activatedTotal'), count(a.total)],
                ] as Array<[string, ReactNode]>)
              : []),
          ])}
        </>
      }
      series={series}
      data={data}
      days={stats.days}
      minWidth={national ? 640 : 360}
      extraHeads={national ? [L('activatedTotal')] : []}
      cells={(d) =>
        national
          ? [count(d.registeredUsers), count(d.activations.office), count(d.activations.atm), count(d.activations.kiosk), count(d.activations.total)]
          : [count(d.activations.office)]
      }
    />
  );
}

function TransactionsChart({ stats }: { stats: Statistics }) {
  const { t, i18n } = useTranslation();
  const S = (k: 'eTransactions' | 'officeVisits' | 'paperTransactions' | 'share' | 'date') => t(`statistics.supervisor.${k}`);
  const online = stats.totals.eTransactions !== null;
  const series: LineChartSeries[] = [
    ...(online ? [{ name: 'eTransactions', label: S('eTransactions'), color: 'absher.6' }] : []),
    { name: 'officeVisits', label: S('officeVisits'), color: 'red.7' },
    { name: 'paperTransactions', label: S('paperTransactions'), color: 'orange.6' },
  ];
  const data = stats.days.map((d) => ({
    day: shortDay(d.date, i18n.language),
    eTransactions: d.eTransactions?.total ?? null,
    officeVisits: d.officeVisits.total,
    paperTransactions: d.paperTransactions.total,
  }));
  return (
    <DailyFigure
      id="transactions"
      title={t('statistics.supervisor.charts.transactions')}
      summary={
        <>
          {t('statistics.supervisor.totals')}:{' '}
          {sentence(t, [
            ...(online ? [[S('eTransactions'), count(stats.totals.eTransactions!.total)] as [string, ReactNode]] : []),
            [S('officeVisits'), count(stats.totals.officeVisits.total)],
            [S('paperTransactions'), count(stats.totals.paperTransactions.total)],
            ...(online ? [[t('statistics.figures.shareWithoutVisit'), share(t, stats.totals.shareWithoutVisit)] as [string, ReactNode]] : []),
          ])}
        </>
      }
      series={series}
      data={data}
      days={stats.days}
      minWidth={online ? 640 : 420}
      extraHeads={online ? [S('share')] : []}
      cells={(d) => [
        ...(online ? [count(d.eTransactions?.total)] : []),
        count(d.officeVisits.total),
        count(d.paperTransactions.total),
        ...(online ? [share(t, d.shareWithoutVisit)] : []),
      ]}
    />
  );
}

type Day = Statistics['days'][number];

/**
 * A figure per day: the lines drawn, and the same figures as a table whose first column is the
 * day (Gregorian and Hijri), then one column per line and the `extraHeads`; `cells` gives a
 * day's row in that order.
 */
function DailyFigure(props: {
  id: string;
  title: string;
  summary: ReactNode;
  series: LineChartSeries[];
  data: Array<Record<string, string | number | null>>;
  days: Day[];
  minWidth: number;
  extraHeads: string[];
  cells: (d: Day) => ReactNode[];
}) {
  const { t, i18n } = useTranslation();
  const { id, title, series } = props;
  return (
    <ChartFigure
      id={id}
      title={title}
      summary={props.summary}
      chart={<LineChart h={260} data={props.data} dataKey="day" series={series} curveType="linear" withLegend accessibilityLayer={false} valueFormatter={formatCount} {...axes(i18n.dir() === 'rtl')} />}
      table={
        <ScrollTable minWidth={props.minWidth} label={title}>
          <Table striped verticalSpacing="xs" aria-labelledby={`${id}-title`} data-testid={`${id}-table`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statistics.supervisor.date')}</Table.Th>
                {[...series.map((s) => s.label ?? s.name), ...props.extraHeads].map((head) => (
                  <Table.Th scope="col" key={head}>
                    {head}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.days.map((d) => (
                <Table.Tr key={d.date}>
                  <Table.Th scope="row" fw={500}>
                    <DualDate iso={d.date} />
                  </Table.Th>
                  {props.cells(d).map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}

function VisitCells({ v }: { v: Visits }) {
  return (
    <>
      <Table.Td>{count(v.activations)}</Table.Td>
      <Table.Td>{count(v.cardHandovers)}</Table.Td>
      <Table.Td>{count(v.paperTransactions)}</Table.Td>
      <Table.Td fw={700}>{count(v.total)}</Table.Td>
    </>
  );
}

function VisitHeads() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th scope="col">{t('statistics.visits.activations')}</Table.Th>
      <Table.Th scope="col">{t('statistics.visits.cardHandovers')}</Table.Th>
      <Table.Th scope="col">{t('statistics.visits.paperTransactions')}</Table.Th>
      <Table.Th scope="col">{t('statistics.supervisor.officeVisits')}</Table.Th>
    </>
  );
}

function RegionsChart({ stats }: { stats: Statistics }) {
  const { t, i18n } = useTranslation();
  const name = (region: string | null) => (region === null ? t('statistics.supervisor.noRegion') : regionLabel(t, region));
  const series: BarChartSeries[] = [
    { name: 'eTransactions', label: t('statistics.supervisor.eTransactions'), color: 'absher.6' },
    { name: 'officeVisits', label: t('statistics.supervisor.officeVisits'), color: 'red.7' },
  ];
  const data = stats.regions.map((r) => ({ region: name(r.region), eTransactions: r.eTransactions, officeVisits: r.officeVisits.total }));
  return (
    <ChartFigure
      id="regions"
      title={t('statistics.supervisor.charts.regions')}
      summary={
        <>
          {t('statistics.supervisor.totals')}:{' '}
          {sentence(t, [
            [t('statistics.supervisor.eTransactions'), count(stats.regions.reduce((n, r) => n + r.eTransactions, 0))],
            [t('statistics.supervisor.officeVisits'), count(stats.regions.reduce((n, r) => n + r.officeVisits.total, 0))],
            [t('statistics.figures.shareWithoutVisit'), share(t, stats.totals.shareWithoutVisit)],
          ])}
        </>
      }
      chart={
        <BarChart
          h={Math.max(220, 44 * data.length)}
          data={data}
          dataKey="region"
          series={series}
          orientation="vertical"
          withLegend
          accessibilityLayer={false}
          valueFormatter={formatCount}
          {...axes(i18n.dir() === 'rtl', 150)}
        />
      }
      tableOpen
      table={
        <ScrollTable minWidth={760} label={t('statistics.supervisor.charts.regions')}>
          <Table striped verticalSpacing="xs" aria-labelledby="regions-title" data-testid="regions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statistics.supervisor.regionName')}</Table.Th>
                <Table.Th scope="col">{t('statistics.supervisor.eTransactions')}</Table.Th>
                <VisitHeads />
                <Table.Th scope="col">{t('statistics.supervisor.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.regions.map((r) => (
                <Table.Tr key={r.region ?? 'none'}>
                  <Table.Th scope="row" fw={500}>
                    {name(r.region)}
                  </Table.Th>
                  <Table.Td>{count(r.eTransactions)}</Table.Td>
                  <VisitCells v={r.officeVisits} />
                  <Table.Td>{share(t, r.shareWithoutVisit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}

function OfficesChart({ stats }: { stats: Statistics }) {
  const { t, i18n } = useTranslation();
  const series: BarChartSeries[] = [
    { name: 'activations', label: t('statistics.visits.activations'), color: 'absher.6' },
    { name: 'cardHandovers', label: t('statistics.visits.cardHandovers'), color: 'blue.6' },
    { name: 'paperTransactions', label: t('statistics.visits.paperTransactions'), color: 'orange.6' },
  ];
  const data = stats.offices.map((o) => ({ office: pick(o.name, i18n.language), ...o.visits }));
  const visited = stats.offices.filter((o) => o.visits.total > 0).length;
  return (
    <ChartFigure
      id="offices"
      title={t('statistics.supervisor.charts.offices')}
      summary={sentence(t, [
        [t('statistics.supervisor.officeVisits'), count(stats.totals.officeVisits.total)],
        [t('statistics.supervisor.officesVisited'), t('statistics.supervisor.ofTotal', { n: formatCount(visited), total: formatCount(stats.offices.length) })],
      ])}
      chart={
        <BarChart
          h={Math.max(220, 44 * data.length)}
          data={data}
          dataKey="office"
          series={series}
          type="stacked"
          orientation="vertical"
          withLegend
          accessibilityLayer={false}
          valueFormatter={formatCount}
          {...axes(i18n.dir() === 'rtl', 170)}
        />
      }
      tableOpen
      table={
        <ScrollTable minWidth={760} label={t('statistics.supervisor.charts.offices')}>
          <Table striped verticalSpacing="xs" aria-labelledby="offices-title" data-testid="offices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statistics.supervisor.officeName')}</Table.Th>
                <Table.Th scope="col">{t('statistics.supervisor.regionName')}</Table.Th>
                <VisitHeads />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.offices.map((o) => (
                <Table.Tr key={o.id} data-testid={`office-row-${o.id}`}>
                  <Table.Th scope="row" fw={500}>
                    {pick(o.name, i18n.language)}
                  </Table.Th>
                  <Table.Td>{regionLabel(t, o.region)}</Table.Td>
                  <VisitCells v={o.visits} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      }
    />
  );
}

export function SupervisorFigures() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter: StatisticsFilter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const offices = useOffices();
  const stats = useStatistics(filter, true);
  const apply = (f: StatisticsFilter) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (f[k]) next.set(k, f[k]);
    setParams(next, { replace: true });
  };
  const data = stats.data;
  const office = data?.officeId ? offices.data?.find((o) => o.id === data.officeId) : undefined;
  const scope = data?.officeId ? (office ? pick(office.name, i18n.language) : data.officeId) : data?.region ? regionLabel(t, data.region) : t('statistics.supervisor.kingdom');

  return (
    <section aria-labelledby="supervisor-title" data-testid="statistics-supervisor">
      <Title order={2} id="supervisor-title" mb="xs">
        {t('statistics.supervisor.title')}
      </Title>
      <Text mb="md">{t('statistics.supervisor.intro')}</Text>
      <Stack gap="lg">
        {offices.data ? <Filters key={params.toString()} offices={offices.data} current={filter} onApply={apply} /> : <Loader size="sm" aria-label={t('app.loading')} />}
        <ApiErrorAlert error={offices.error ?? stats.error} />
        <div role="status" aria-live="polite">
          {stats.isFetching && (
            <Text size="sm" c="dimmed">
              {t('statistics.supervisor.updating')}
            </Text>
          )}
        </div>
        {data && (
          <>
            <div>
              <Period from={data.from} to={data.to} />
              <Text data-testid="statistics-scope">
                <Text span fw={700}>
                  {t('statistics.supervisor.scope')}:
                </Text>{' '}
                {scope}
              </Text>
            </div>
            {(data.region || data.officeId) && (
              <Alert color="blue" variant="light">
                {t('statistics.supervisor.regionNote')} {data.officeId && t('statistics.supervisor.officeNote')}
              </Alert>
            )}
            <FigureTiles figures={data.totals} testId="supervisor-totals" />
            <UsersChart stats={data} />
            <TransactionsChart stats={data} />
            {data.regions.length > 0 && <RegionsChart stats={data} />}
            <OfficesChart stats={data} />
            {data.processingTimes && (
              <div>
                <Title order={3} size="h4" id="supervisor-processing-title" mb="sm">
                  {t('statistics.processingTitle')}
                </Title>
                <ProcessingTimes times={data.processingTimes} titleId="supervisor-processing-title" />
              </div>
            )}
          </>
        )}
      </Stack>
    </section>
  );
}
