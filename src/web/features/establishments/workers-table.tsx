// The workers view: filters, sort and paging kept in the address (a link or a reload shows the
// same rows), the CSV of every matching worker, warnings for what expires, and row selection
// for the bulk renewal.
import { Anchor, Badge, Button, Card, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  EXPIRING_WITHIN,
  readWorkersQuery,
  useProfessions,
  useWorkerNationalities,
  useWorkers,
  WORKER_PAGE_SIZES,
  WORKER_SORTS,
  workersCsvUrl,
  type Establishment,
  type Worker,
  type WorkersQuery,
} from '../../api/establishments';
import { pick } from '../../api/pick';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { warningColor } from './labels';

type Props = {
  establishment: Establishment;
  selected: Map<string, Worker>;
  onSelectedChange(next: Map<string, Worker>): void;
  selectable: boolean;
};

export function WorkersTable({ establishment, selected, onSelectedChange, selectable }: Props) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = readWorkersQuery(params);
  const workers = useWorkers(establishment.id, query);
  const [search, setSearch] = useState(query.search ?? '');
  const professions = useProfessions();
  const nationalities = useWorkerNationalities(establishment.id);
  // Professions seen in the rows: the choices while the ministry's list cannot be had.
  const seen = useRef(new Map<string, string>());
  for (const w of workers.data?.workers ?? []) if (w.profession) seen.current.set(w.profession.code, w.profession.name ? pick(w.profession.name, i18n.language) : w.profession.code);
  const professionOptions = withChosen(
    professions.data ? professions.data.map((p) => ({ value: p.code, label: pick(p.name, i18n.language) })) : [...seen.current].map(([value, label]) => ({ value, label })),
    query.profession,
    i18n.language,
  );
  const nationalityName = (code: string) => {
    const n = nationalities.data?.find((x) => x.code === code);
    return n?.name ? pick(n.name, i18n.language) : null;
  };
  const nationalityOptions = withChosen(
    (nationalities.data ?? []).map((n) => ({ value: n.code, label: `${n.name ? pick(n.name, i18n.language) : n.code} (${n.count})` })),
    query.nationality,
    i18n.language,
  );

  const update = (changes: Partial<Record<keyof WorkersQuery, string | undefined>>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ search: search.trim() || undefined });
  };

  const rows = workers.data?.workers ?? [];
  const allOnPage = rows.length > 0 && rows.every((w) => selected.has(w.idNumber));
  const someOnPage = rows.some((w) => selected.has(w.idNumber));
  const toggle = (w: Worker, on: boolean) => {
    const next = new Map(selected);
    if (on) next.set(w.idNumber, w);
    else next.delete(w.idNumber);
    onSelectedChange(next);
  };
  const togglePage = (on: boolean) => {
    const next = new Map(selected);
    for (const w of rows) {
      if (on) next.set(w.idNumber, w);
      else next.delete(w.idNumber);
    }
    onSelectedChange(next);
  };

  const data = workers.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="workers-title" data-testid="workers">
      <Title order={2} size="h3" id="workers-title" mb="md">
        {t('establishments.workers.title')}
      </Title>
      <Stack gap="md">
        <form onSubmit={onSearch} role="search" aria-label={t('establishments.workers.filters')}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('establishments.workers.search')}
              description={t('establishments.workers.searchHint')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              style={{ flex: '1 1 240px' }}
              data-testid="workers-search"
            />
            <Button type="submit" variant="light" data-testid="workers-search-submit">
              {t('establishments.workers.apply')}
            </Button>
          </Group>
        </form>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label={t('establishments.workers.nationality')}
            data={nationalityOptions}
            value={query.nationality ?? null}
            onChange={(v) => update({ nationality: v ?? undefined })}
            clearable
            searchable
            placeholder={t('establishments.workers.any')}
            w={200}
            data-testid="filter-nationality"
          />
          <Select
            label={t('establishments.workers.profession')}
            data={professionOptions}
            value={query.profession ?? null}
            onChange={(v) => update({ profession: v ?? undefined })}
            clearable
            searchable
            placeholder={t('establishments.workers.any')}
            w={220}
            data-testid="filter-profession"
          />
          <Select
            label={t('establishments.workers.expiring')}
            data={[{ value: '', label: t('establishments.workers.any') }, ...EXPIRING_WITHIN.map((d) => ({ value: d, label: t('establishments.workers.within', { days: d }) }))]}
            value={query.expiring ?? ''}
            onChange={(v) => update({ expiring: v || undefined })}
            allowDeselect={false}
            w={200}
            data-testid="filter-expiring"
          />
          <Select
            label={t('establishments.workers.sort')}
            data={WORKER_SORTS.map((s) => ({ value: s, label: t(`establishments.workers.sorts.${s}`) }))}
            value={query.sort}
            onChange={(v) => v && update({ sort: v })}
            allowDeselect={false}
            w={200}
            data-testid="sort"
          />
          <Select
            label={t('establishments.workers.order')}
            data={[
              { value: 'asc', label: t('establishments.workers.asc') },
              { value: 'desc', label: t('establishments.workers.desc') },
            ]}
            value={query.order}
            onChange={(v) => v && update({ order: v })}
            allowDeselect={false}
            w={150}
            data-testid="order"
          />
          <Anchor href={workersCsvUrl(establishment.id, query, i18n.language)} download data-testid="workers-csv" pb={8}>
            {t('establishments.workers.csv')}
          </Anchor>
        </Group>
        <ApiErrorAlert error={workers.error} />
        {workers.isPending && <Loader size="sm" aria-label={t('app.loading')} />}
        {data && (
          <>
            <Text aria-live="polite" data-testid="workers-total">
              {t('establishments.workers.total', { count: data.total })} — {t('establishments.workers.today')} <DualDate iso={data.today.gregorian} />
            </Text>
            {data.workers.length === 0 ? (
              <Text>{t('establishments.workers.none')}</Text>
            ) : (
              <ScrollTable minWidth={980} label={t('establishments.workers.title')}>
                <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby="workers-title" data-testid="workers-table">
                  <Table.Thead>
                    <Table.Tr>
                      {selectable && (
                        <Table.Th>
                          <Checkbox
                            aria-label={t('establishments.workers.selectPage')}
                            checked={allOnPage}
                            indeterminate={someOnPage && !allOnPage}
                            onChange={(e) => togglePage(e.currentTarget.checked)}
                            data-testid="select-page"
                          />
                        </Table.Th>
                      )}
                      <Table.Th scope="col">{t('establishments.workers.name')}</Table.Th>
                      <Table.Th scope="col">{t('fields.idNumber')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.nationality')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.profession')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.iqamaExpiry')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.passportExpiry')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.warnings')}</Table.Th>
                      <Table.Th scope="col">{t('establishments.workers.openRequests')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.workers.map((w) => (
                      <WorkerRow
                        key={w.idNumber}
                        w={w}
                        nationality={nationalityName(w.nationality)}
                        establishmentId={establishment.id}
                        selectable={selectable}
                        checked={selected.has(w.idNumber)}
                        onToggle={(on) => toggle(w, on)}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
            )}
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Group gap="xs">
                <Button variant="default" size="sm" disabled={data.page <= 1} onClick={() => update({ page: String(data.page - 1) }, false)} data-testid="page-previous">
                  {t('establishments.workers.previous')}
                </Button>
                <Text size="sm" data-testid="page-of">
                  {t('establishments.workers.pageOf', { page: data.page, pages: Math.max(data.pages, 1) })}
                </Text>
                <Button variant="default" size="sm" disabled={data.page >= data.pages} onClick={() => update({ page: String(data.page + 1) }, false)} data-testid="page-next">
                  {t('establishments.workers.next')}
                </Button>
              </Group>
              <Select
                label={t('establishments.workers.pageSize')}
                data={WORKER_PAGE_SIZES}
                value={String(query.pageSize)}
                onChange={(v) => v && update({ pageSize: v })}
                allowDeselect={false}
                w={120}
                size="sm"
              />
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** Options sorted by label, with the chosen code kept among them (a link may name one no longer listed). */
function withChosen(options: Array<{ value: string; label: string }>, chosen: string | undefined, language: string) {
  const all = chosen && !options.some((o) => o.value === chosen) ? [...options, { value: chosen, label: chosen }] : options;
  return [...all].sort((a, b) => a.label.localeCompare(b.label, language));
}

/** A warning in full: it wraps rather than being cut off in a narrow column. */
export function WarningBadge({ code, children }: { code: string; children: ReactNode }) {
  const color = warningColor(code);
  return (
    <Badge color={color} c={`${color}.9`} variant="light" radius="sm" h="auto" py={2} style={{ textTransform: 'none' }} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
      {children}
    </Badge>
  );
}

function Days({ days }: { days: number }) {
  const { t } = useTranslation();
  const text = days < 0 ? t('establishments.workers.expiredDaysAgo', { count: -days }) : t('establishments.workers.daysLeft', { count: days });
  return (
    <Text size="sm" c={days < 0 ? 'red.9' : days <= 90 ? 'orange.9' : 'dimmed'}>
      {text}
    </Text>
  );
}

type RowProps = { w: Worker; nationality: string | null; establishmentId: string; selectable: boolean; checked: boolean; onToggle(on: boolean): void };

function WorkerRow({ w, nationality, establishmentId, selectable, checked, onToggle }: RowProps) {
  const { t, i18n } = useTranslation();
  const name = pick(w.name, i18n.language);
  return (
    <Table.Tr data-testid={`worker-${w.idNumber}`}>
      {selectable && (
        <Table.Td>
          <Checkbox aria-label={t('establishments.workers.select', { name })} checked={checked} onChange={(e) => onToggle(e.currentTarget.checked)} data-testid={`select-${w.idNumber}`} />
        </Table.Td>
      )}
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`/establishments/${establishmentId}/workers/${w.idNumber}`} data-testid={`worker-link-${w.idNumber}`}>
          {name}
        </Anchor>
      </Table.Th>
      <Table.Td>
        <Ltr>{w.idNumber}</Ltr>
      </Table.Td>
      <Table.Td>{nationality ?? <Ltr>{w.nationality}</Ltr>}</Table.Td>
      <Table.Td>{w.profession ? (w.profession.name ? pick(w.profession.name, i18n.language) : w.profession.code) : '—'}</Table.Td>
      <Table.Td>
        {w.iqama ? (
          <>
            <DualDate iso={w.iqama.expiresOn.gregorian} />
            <Days days={w.iqama.daysLeft} />
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {w.passport ? (
          <>
            <Ltr>{w.passport.number}</Ltr> <DualDate iso={w.passport.expiresOn.gregorian} />
            <Days days={w.passport.daysLeft} />
          </>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} data-testid={`warnings-${w.idNumber}`}>
          {w.warnings.map((x) => (
            <WarningBadge key={x.code} code={x.code}>
              {pick(x.message, i18n.language)}
            </WarningBadge>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        {w.openRequests.count === 0
          ? '—'
          : w.openRequests.requests.map((r) => (
              <Anchor key={r.id} component={Link} to={`/requests/${r.id}`} size="sm" display="block">
                {pick(r.serviceName, i18n.language)} (<Ltr>{r.number}</Ltr>)
              </Anchor>
            ))}
      </Table.Td>
    </Table.Tr>
  );
}
