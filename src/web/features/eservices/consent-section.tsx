// The consent a request waits for, on its page, for the one whose consent it is: the worker an
// establishment asks to take on (a transfer of services), or a guardian of a minor who
// applied. Each answer is confirmed first: a consent moves the request on, a refusal cancels it.
import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../api/eservices';
import { TRANSFER_SERVICE, useConsentDecision } from '../../api/transfers';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { Facts } from '../../shared/facts';
import { EstablishmentName } from '../../shared/establishment-name';

/** Whether the viewer is the one to consent now. Older answers without consentFromYou: anyone but the applicant. */
export function asksYourConsent(r: ServiceRequest): boolean {
  return r.allowedActions.includes('consent') && (r.consentFromYou ?? r.appliedByYou === false);
}

type Decision = 'approve' | 'decline';

export function ConsentSection({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const decide = useConsentDecision(r.id);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const key = useRef('');
  const ask = (d: Decision) => {
    key.current = crypto.randomUUID();
    decide.reset();
    setConfirming(d);
  };
  const transfer = r.service === TRANSFER_SERVICE;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consent-title" data-testid="consent-section">
      <Title order={2} size="h3" id="consent-title" mb="sm">
        {t('transfers.consent.title')}
      </Title>
      <Stack gap="sm">
        <Text>{transfer ? t('transfers.consent.transfer') : t('transfers.consent.guardian')}</Text>
        {transfer && r.establishmentId && (
          <Facts items={[{ label: t('transfers.consent.establishment'), value: <EstablishmentName r={r} />, testId: 'consent-establishment' }]} />
        )}
        <ApiErrorAlert error={decide.error} />
        {confirming ? (
          <Stack gap="xs" role="group" aria-labelledby="consent-question">
            <Text id="consent-question" fw={700}>
              {confirming === 'approve' ? t('transfers.consent.approveQuestion') : t('transfers.consent.declineQuestion')}
            </Text>
            <Group>
              <Button
                color={confirming === 'approve' ? undefined : 'red'}
                loading={decide.isPending}
                onClick={() => decide.mutate({ decision: confirming, key: key.current }, { onSuccess: () => setConfirming(null) })}
                data-testid={`confirm-${confirming}`}
              >
                {confirming === 'approve' ? t('transfers.consent.confirmApprove') : t('transfers.consent.confirmDecline')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(null)} disabled={decide.isPending}>
                {t('transfers.keep')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button onClick={() => ask('approve')} data-testid="consent-approve">
              {t('eservices.request.approve')}
            </Button>
            <Button variant="outline" color="red" onClick={() => ask('decline')} data-testid="consent-decline">
              {t('eservices.request.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** What the viewer's own decision led to, once the request has moved on. */
export function ConsentGiven({ r }: { r: ServiceRequest }) {
  const { t } = useTranslation();
  const mine = r.consentFromYou && r.events?.some((e) => e.from === 'awaiting_consent' && typeof e.details['consent'] === 'string');
  if (!mine || r.status === 'awaiting_consent') return null;
  const declined = r.events?.some((e) => e.from === 'awaiting_consent' && e.details['consent'] === 'declined');
  return (
    <Alert color={declined ? 'gray' : 'blue'} variant="light" data-testid="consent-given">
      {declined ? t('transfers.consent.declined') : t('transfers.consent.approved')}
    </Alert>
  );
}
