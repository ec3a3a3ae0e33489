// The current sponsor's side of a transfer of services: the requests waiting for the
// establishment to release a worker (who has already consented), each released or refused
// after a confirmation, with what became of it. Used on the establishment's transfers page and
// on a request's own page.
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEstablishments, type Establishment, type EstablishmentRequest } from '../../api/establishments';
import type { ServiceRequest } from '../../api/eservices';
import type { Me } from '../../api/types';
import { TRANSFER_SERVICE, useAwaitingRelease, useReleaseDecision } from '../../api/transfers';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { ScrollTable } from '../../shared/scroll-table';
import { StatusBadge } from '../dashboard/eservices-sections';
import { requestStatusColor, requestStatusLabel } from '../eservices/labels';

type Decision = 'release' | 'refuse';

/** Release or refuse, each after its question; `onDecided` hears the request as it now is. */
export function ReleaseDecision({ requestId, onDecided }: { requestId: string; onDecided?: (r: ServiceRequest) => void }) {
  const { t } = useTranslation();
  const decide = useReleaseDecision(requestId);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const key = useRef('');
  const ask = (d: Decision) => {
    key.current = crypto.randomUUID();
    decide.reset();
    setConfirming(d);
  };
  const questionId = `release-question-${requestId}`;
  return (
    <Stack gap="xs">
      <ApiErrorAlert error={decide.error} />
      {confirming ? (
        <Stack gap="xs" role="group" aria-labelledby={questionId}>
          <Text id={questionId} size="sm" fw={700}>
            {confirming === 'release' ? t('transfers.release.releaseQuestion') : t('transfers.release.refuseQuestion')}
          </Text>
          <Group gap="xs">
            <Button
              size="sm"
              color={confirming === 'release' ? undefined : 'red'}
              loading={decide.isPending}
              onClick={() =>
                decide.mutate(
                  { decision: confirming, key: key.current },
                  {
                    onSuccess: (r) => {
                      setConfirming(null);
                      onDecided?.(r);
                    },
                  },
                )
              }
              data-testid={`confirm-${confirming}`}
            >
              {confirming === 'release' ? t('transfers.release.confirmRelease') : t('transfers.release.confirmRefuse')}
            </Button>
            <Button size="sm" variant="subtle" onClick={() => setConfirming(null)} disabled={decide.isPending}>
              {t('transfers.keep')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Group gap="xs">
          <Button size="sm" onClick={() => ask('release')} data-testid="release">
            {t('transfers.release.release')}
          </Button>
          <Button size="sm" variant="outline" color="red" onClick={() => ask('refuse')} data-testid="refuse-release">
            {t('transfers.release.refuse')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** What a decision led to: released (then the fee is paid by the new establishment) or refused. */
function Decided({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const refused = r.status === 'rejected';
  return (
    <Alert color={refused ? 'gray' : 'absher'} variant="light" data-testid={`release-decided-${r.id}`}>
      <Text size="sm">
        {refused ? t('transfers.release.refused') : t('transfers.release.released')}{' '}
        <Anchor component={Link} to={`/requests/${r.id}`}>
          <Ltr>{r.number}</Ltr>
        </Anchor>
        {' — '}
        <StatusBadge color={requestStatusColor(r.status)} testId={`release-status-${r.id}`}>
          {requestStatusLabel(t, r.status)}
        </StatusBadge>
      </Text>
    </Alert>
  );
}

/** The establishment's transfers awaiting its release, paged, each decided in its row. */
export function AwaitingRelease({ e }: { e: Establishment }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useAwaitingRelease(e.id, page);
  // Decided rows leave the list (they no longer await release): what became of them stays here.
  const [decided, setDecided] = useState<ServiceRequest[]>([]);
  const data = list.data;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="awaiting-release-title" data-testid="awaiting-release">
      <Title order={2} size="h3" id="awaiting-release-title" mb="xs">
        {t('transfers.release.title')}
      </Title>
      <Text mb="md">{t('transfers.release.intro')}</Text>
      <div aria-live="polite">
        <Stack gap="xs" mb={decided.length > 0 ? 'md' : 0}>
          {decided.map((r) => (
            <Decided key={r.id} r={r} />
          ))}
        </Stack>
      </div>
      {list.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : data && data.requests.length === 0 ? (
        <Text data-testid="awaiting-release-none">{t('transfers.release.none')}</Text>
      ) : data ? (
        <Stack gap="sm">
          <ScrollTable minWidth={640} label={t('transfers.release.title')}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('transfers.release.request')}</Table.Th>
                  <Table.Th scope="col">{t('transfers.release.worker')}</Table.Th>
                  <Table.Th scope="col">{t('transfers.release.askedOn')}</Table.Th>
                  <Table.Th scope="col">{t('transfers.release.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.requests.map((r) => (
                  <ReleaseRow key={r.id} r={r} onDecided={(u) => setDecided((d) => [u, ...d.filter((x) => x.id !== u.id)])} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {data.pages > 1 && (
            <Group gap="xs">
              <Button variant="default" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('establishments.workers.previous')}
              </Button>
              <Text size="sm">{t('establishments.workers.pageOf', { page: data.page, pages: data.pages })}</Text>
              <Button variant="default" size="sm" disabled={page >= data.pages} onClick={() => setPage(page + 1)}>
                {t('establishments.workers.next')}
              </Button>
            </Group>
          )}
        </Stack>
      ) : null}
    </Card>
  );
}

function ReleaseRow({ r, onDecided }: { r: EstablishmentRequest; onDecided: (r: ServiceRequest) => void }) {
  return (
    <Table.Tr data-testid={`awaiting-release-${r.id}`}>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`/requests/${r.id}`}>
          <Ltr>{r.number}</Ltr>
        </Anchor>
      </Table.Th>
      <Table.Td>
        <Ltr>{r.beneficiaryIdNumber}</Ltr>
      </Table.Td>
      <Table.Td>
        <DualDate iso={r.createdOn.gregorian} />
      </Table.Td>
      <Table.Td miw={220}>
        <ReleaseDecision requestId={r.id} onDecided={onDecided} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * On a request's page: the release, for a user of the establishment asked to give it (its
 * owner, or staff authorized for transfers). Only citizens own or staff establishments.
 */
export function ReleaseOnRequest({ r, me }: { r: ServiceRequest; me: Me }) {
  const { t } = useTranslation();
  const waiting = r.status === 'awaiting_release' && r.releaseFrom !== null;
  const establishments = useEstablishments(waiting && me.idNumber.startsWith('1'));
  const releasing = establishments.data?.find((e) => e.id === r.releaseFrom);
  if (!waiting || !releasing || !releasing.services.some((s) => s.code === TRANSFER_SERVICE)) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="release-title" data-testid="release-section">
      <Title order={2} size="h3" id="release-title" mb="xs">
        {t('transfers.release.decisionTitle')}
      </Title>
      <Text mb="md">{t('transfers.release.decisionIntro')}</Text>
      <ReleaseDecision requestId={r.id} />
    </Card>
  );
}
