// E-authorizations: give one (a Saudi citizen with an active account, named services, a
// period), see those given (and revoke them at once) and those received (and apply on the
// holder's behalf within them).
import { Alert, Anchor, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDelegationActivity, useDelegations, useRevokeDelegation, type GivenDelegation, type ReceivedDelegation } from '../../api/delegations';
import { pick } from '../../api/pick';
import type { Me } from '../../api/types';
import { RequireAuth } from '../../session/require-auth';
import { ApiErrorAlert } from '../../shared/api-error-alert';
import { DualDate } from '../../shared/dual-date';
import { Ltr } from '../../shared/ltr';
import { Facts, type Fact } from '../../shared/facts';
import { PageHeading } from '../../shared/page-heading';
import { PartyName } from '../../shared/party-name';
import { StatusBadge } from '../dashboard/eservices-sections';
import { requestStatusLabel } from '../eservices/labels';
import { GrantForm } from './grant-form';
import { delegationStatusColor } from './labels';
import { Section } from '../../shared/section';

export function DelegationsPage() {
  return <RequireAuth>{(me) => <Delegations me={me} />}</RequireAuth>;
}

function Delegations({ me }: { me: Me }) {
  const { t } = useTranslation();
  const delegations = useDelegations();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <PageHeading documentTitle={t('delegations.title')}>{t('delegations.title')}</PageHeading>
        <Text>{t('delegations.intro')}</Text>
      </div>
      {/* Only citizens may be delegates, but any active account holder may authorize. */}
      <Section id="grant-title" title={t('delegations.grantTitle')} testId="grant">
        <GrantForm me={me} />
      </Section>
      {delegations.isError ? (
        <Alert color="red" variant="light" role="alert">
          {t('delegations.loadFailed')}
        </Alert>
      ) : (
        <>
          <Section id="given-title" title={t('delegations.givenTitle')} testId="given">
            {delegations.isPending ? (
              <Text>{t('app.loading')}</Text>
            ) : delegations.data.given.length === 0 ? (
              <Text>{t('delegations.givenNone')}</Text>
            ) : (
              <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {delegations.data.given.map((d) => (
                  <GivenCard key={d.id} d={d} />
                ))}
              </Stack>
            )}
          </Section>
          <Section id="received-title" title={t('delegations.receivedTitle')} testId="received">
            {delegations.isPending ? (
              <Text>{t('app.loading')}</Text>
            ) : delegations.data.received.length === 0 ? (
              <Text>{t('delegations.receivedNone')}</Text>
            ) : (
              <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {delegations.data.received.map((d) => (
                  <ReceivedCard key={d.id} d={d} />
                ))}
              </Stack>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}

function commonFacts(t: TFunction, language: string, d: GivenDelegation | ReceivedDelegation): Fact[] {
  // A staff authorization works only for its establishment, whose pages are where it is used.
  const scope: Fact[] = d.establishmentId ? [{ label: t('delegations.establishment'), value: <Ltr>{d.establishmentId}</Ltr> }] : [];
  return [
    ...scope,
    { label: t('delegations.servicesLabel'), value: d.services.map((s) => pick(s.name, language)).join(t('common.listSeparator')), testId: 'delegation-services' },
    { label: t('delegations.from'), value: <DualDate iso={d.period.startsOn.gregorian} /> },
    { label: t('delegations.to'), value: <DualDate iso={d.period.endsOn.gregorian} /> },
    {
      label: t('delegations.status'),
      value: (
        <StatusBadge color={delegationStatusColor(d.status)} testId="delegation-status">
          {t(`delegations.statuses.${d.status}`)}
        </StatusBadge>
      ),
    },
  ];
}

function GivenCard({ d }: { d: GivenDelegation }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeDelegation();
  const [confirming, setConfirming] = useState(false);
  const [showActivity, setShowActivity] = useState(false);
  const facts: Fact[] = [{ label: t('delegations.delegate'), value: <PartyName party={d.delegate} />, testId: 'delegate' }, ...commonFacts(t, i18n.language, d)];
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`given-${d.id}`}>
      <Facts items={facts} />
      <Button variant="subtle" px={0} mt="xs" aria-expanded={showActivity} onClick={() => setShowActivity((s) => !s)} data-testid="show-activity">
        {showActivity ? t('delegations.hideActivity') : t('delegations.showActivity')}
      </Button>
      {showActivity && <Activity id={d.id} />}
      <ApiErrorAlert error={revoke.error} />
      {d.canRevoke &&
        (confirming ? (
          <Stack gap="xs" mt="sm" role="group" aria-labelledby={`revoke-q-${d.id}`}>
            <Text id={`revoke-q-${d.id}`} size="sm" fw={700}>
              {t('delegations.revokeQuestion')}
            </Text>
            <Group>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(d.id)} data-testid="confirm-revoke">
                {t('delegations.confirmRevoke')}
              </Button>
              <Button variant="subtle" onClick={() => setConfirming(false)}>
                {t('delegations.keep')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button variant="outline" color="red" mt="sm" onClick={() => setConfirming(true)} data-testid="revoke">
            {t('delegations.revoke')}
          </Button>
        ))}
    </Card>
  );
}

function ReceivedCard({ d }: { d: ReceivedDelegation }) {
  const { t, i18n } = useTranslation();
  const facts: Fact[] = [{ label: t('delegations.grantor'), value: <PartyName party={d.grantor} />, testId: 'grantor' }, ...commonFacts(t, i18n.language, d)];
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`received-${d.id}`}>
      <Facts items={facts} />
      {d.status === 'in_force' && d.establishmentId === null && (
        <Group mt="sm">
          {d.services.map((s) => (
            <Button key={s.code} component={Link} to={`/services/${s.code}?delegation=${encodeURIComponent(d.id)}`} variant="light" data-testid={`act-${s.code}`}>
              {t('delegations.applyFor', { service: pick(s.name, i18n.language) })}
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}

/** The requests the delegate made under an authorization, each with its status and a link. */
function Activity({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const activity = useDelegationActivity(id, true);
  if (activity.isPending) return <Text size="sm">{t('app.loading')}</Text>;
  if (activity.isError) return <ApiErrorAlert error={activity.error} />;
  if (activity.data.requests.length === 0) return <Text size="sm">{t('delegations.activityNone')}</Text>;
  return (
    <List size="sm" data-testid="activity">
      {activity.data.requests.map((r) => (
        <List.Item key={r.id}>
          <Anchor component={Link} to={`/requests/${r.id}`}>
            {pick(r.serviceName, i18n.language)} — <Ltr>{r.number}</Ltr>
          </Anchor>{' '}
          — {requestStatusLabel(t, r.status)} — <DualDate iso={r.createdAt} />
        </List.Item>
      ))}
    </List>
  );
}
