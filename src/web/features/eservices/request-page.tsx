// One request: its status (refreshed while it waits), the fee, the bill to pay at a bank,
// and what was issued or why it was refused; the consent or the release it waits for, to the
// one who gives it; a transfer of services' steps.
import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { REQUESTS_KEY, useRequest, type ServiceRequest } from '../../api/eservices';
import { pick } from '../../api/pick';
import type { Me } from '../../api/types';
import { TRANSFER_SERVICE } from '../../api/transfers';
import { RequireAuth } from '../../session/require-auth';
import { useSandboxMode } from '../../session/queries';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { Ltr } from '../../shared/ltr';
import { Money } from '../../shared/money';
import { PageHeading } from '../../shared/page-heading';
import { BillFacts, StatusBadge } from '../dashboard/eservices-sections';
import { FeeLines } from '../../shared/fee-lines';
import { PartyName } from '../../shared/party-name';
import { ReleaseOnRequest } from '../establishments/transfer-release-section';
import { asksYourConsent, ConsentGiven, ConsentSection } from './consent-section';
import { documentKindLabel, requestStatusColor, requestStatusLabel } from './labels';
import { TransferSteps } from './transfer-steps';

export function RequestPage() {
  return <RequireAuth>{(me) => <RequestLoader me={me} />}</RequireAuth>;
}

function RequestLoader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const request = useRequest(id);
  if (request.isPending) return <Text>{t('app.loading')}</Text>;
  if (request.isError)
    return (
      <Stack>
        <PageHeading documentTitle={t('eservices.request.loadFailed')}>{t('eservices.request.loadFailed')}</PageHeading>
        <ApiErrorAlert error={request.error} />
      </Stack>
    );
  return <RequestView r={request.data} me={me} />;
}

function RequestView({ r, me }: { r: ServiceRequest; me: Me }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const sandbox = useSandboxMode();
  const act = useMutation({
    mutationFn: () => api.post<ServiceRequest>(`/api/v1/requests/${r.id}/cancel`, {}),
    onSuccess: (updated) => {
      client.setQueryData([...REQUESTS_KEY, r.id], updated);
      void client.invalidateQueries({ queryKey: REQUESTS_KEY, exact: true });
    },
  });
  const waiting = r.status === 'awaiting_payment' || r.status === 'submitted' || r.status === 'awaiting_consent' || r.status === 'awaiting_release';
  const facts: Fact[] = [
    { label: t('eservices.requests.number'), value: <Ltr>{r.number}</Ltr>, testId: 'request-number' },
    { label: t('eservices.requests.service'), value: pick(r.serviceName, i18n.language) },
    {
      label: t('eservices.requests.status'),
      value: (
        <StatusBadge color={requestStatusColor(r.status)} testId="request-status">
          {requestStatusLabel(t, r.status)}
        </StatusBadge>
      ),
    },
    {
      label: t('eservices.requests.beneficiary'),
      value: (
        <>
          {r.beneficiary.name ? `${pick(r.beneficiary.name, i18n.language)} ` : null}(<Ltr>{r.beneficiary.idNumber}</Ltr>)
        </>
      ),
    },
    { label: t('eservices.requests.createdOn'), value: <DualDate iso={r.createdAt} /> },
    { label: t('eservices.requests.fee'), value: <Money halalas={r.fee.totalHalalas} /> },
  ];
  if (r.delegation) {
    // Both sides of the authorization: the holder it was done for, and the delegate who did it.
    facts.splice(4, 0,
      { label: t('eservices.requests.onBehalfOf'), value: <PartyName party={r.delegation.grantor} />, testId: 'on-behalf-of' },
      { label: t('eservices.requests.byDelegate'), value: <PartyName party={r.delegation.delegate} />, testId: 'by-delegate' },
    );
  }
  const docs = r.outcome?.documents ?? [];
  const refusals = r.outcome?.refusals ?? [];
  return (
    <Stack gap="lg" maw={820}>
      <div>
        <PageHeading documentTitle={t('eservices.request.title', { number: r.number })}>
          {pick(r.serviceName, i18n.language)} — <Ltr>{r.number}</Ltr>
        </PageHeading>
        {waiting && <Text c="dimmed">{t('eservices.request.refreshing')}</Text>}
      </div>
      <Card withBorder radius="md" padding="lg" data-testid="request">
        <div aria-live="polite">
          <Facts items={facts} />
        </div>
        <FeeLines lines={r.fee.lines} testId="fee-lines" />
      </Card>
      {/* What the viewer is asked to decide comes first, then where the request stands. */}
      {asksYourConsent(r) && <ConsentSection r={r} />}
      <ConsentGiven r={r} />
      <ReleaseOnRequest r={r} me={me} />
      {r.service === TRANSFER_SERVICE && (
        <Card withBorder radius="md" padding="lg">
          <TransferSteps r={r} />
        </Card>
      )}
      {r.bills.length > 0 && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="bills-title" data-testid="bills">
          <Title order={2} size="h3" id="bills-title" mb="md">
            {t('eservices.bills.title')}
          </Title>
          <Stack gap="md">
            {r.bills.map((b) => (
              <div key={b.billNumber}>
                <BillFacts bill={b} />
                {b.status === 'unpaid' && (
                  <Group mt="sm">
                    <Text size="sm">{t('eservices.bills.payHint')}</Text>
                    {sandbox && (
                      <Button
                        component={Link}
                        to={`/sandbox/atm?bill=${encodeURIComponent(b.billNumber)}&amount=${b.amountHalalas}`}
                        variant="light"
                        size="sm"
                        data-testid="pay-at-atm"
                      >
                        {t('eservices.bills.payAtAtm')}
                      </Button>
                    )}
                  </Group>
                )}
              </div>
            ))}
          </Stack>
        </Card>
      )}
      {(docs.length > 0 || refusals.length > 0) && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="outcome-title" data-testid="outcome">
          <Title order={2} size="h3" id="outcome-title" mb="md">
            {t('eservices.request.outcome')}
          </Title>
          {docs.length > 0 && (
            <>
              <Text fw={700}>{t('eservices.request.issuedDocs')}</Text>
              <List>
                {docs.map((d) => (
                  <List.Item key={d.number} data-testid="issued-document">
                    {documentKindLabel(t, d.kind)} — <Ltr>{d.number}</Ltr>
                    {d.expiresOn && (
                      <>
                        {' — '}
                        {t('eservices.documents.expiresOn')}: <DualDate iso={d.expiresOn} />
                      </>
                    )}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {refusals.length > 0 && (
            <>
              <Text fw={700}>{t('eservices.request.refusals')}</Text>
              <List>
                {refusals.map((x) => (
                  <List.Item key={x.code}>{typeof x.message === 'string' ? x.message : x.message ? pick(x.message, i18n.language) : x.code}</List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      )}
      <ApiErrorAlert error={act.error} />
      <Group>
        {/* The applicant cancels, or the holder a delegate applied for; others who see the request do not. */}
        {r.allowedActions.includes('cancel') && (r.appliedByYou !== false || r.delegation !== null) && (
          <Button variant="outline" color="red" onClick={() => act.mutate()} loading={act.isPending} data-testid="cancel-request">
            {t('eservices.request.cancel')}
          </Button>
        )}
        <Button component={Link} to="/dashboard" variant="subtle">
          {t('eservices.request.back')}
        </Button>
      </Group>
    </Stack>
  );
}
