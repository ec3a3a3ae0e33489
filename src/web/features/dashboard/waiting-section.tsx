// What waits for the viewer's own decision, at the top of the dashboard: the requests whose
// consent is asked of them (a worker another establishment asks to take on, a guardian whose
// minor applied). Nothing moves on those requests until they answer, and no one else can.
// The section shows only when something waits; the requests list below still has them all.
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRequests, type ServiceRequest } from '../../api/eservices';
import { pick } from '../../api/pick';
import { TRANSFER_SERVICE } from '../../api/transfers';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { EstablishmentName } from '../../shared/establishment-name';
import { Ltr } from '../../shared/ltr';

export function awaitsYourDecision(r: ServiceRequest): boolean {
  return r.status === 'awaiting_consent' && r.consentFromYou === true;
}

function WaitingItem({ r }: { r: ServiceRequest }) {
  const { t, i18n } = useTranslation();
  const transfer = r.service === TRANSFER_SERVICE;
  const facts: Fact[] = [{ label: t('dashboard.waiting.askedOn'), value: <DualDate iso={r.createdAt} /> }];
  if (transfer && r.establishmentId) facts.push({ label: t('dashboard.waiting.establishment'), value: <EstablishmentName r={r} />, testId: 'waiting-establishment' });
  if (!transfer) facts.push({ label: t('dashboard.waiting.for'), value: r.beneficiary.name ? pick(r.beneficiary.name, i18n.language) : <Ltr>{r.beneficiary.idNumber}</Ltr> });
  return (
    <Card withBorder radius="sm" padding="md" component="li" data-testid={`waiting-${r.number}`}>
      <Title order={3} size="h5" mb="xs">
        {pick(r.serviceName, i18n.language)} — <Ltr>{r.number}</Ltr>
      </Title>
      <Text size="sm" mb="xs">
        {transfer ? t('dashboard.waiting.transfer') : t('dashboard.waiting.guardian')}
      </Text>
      <Facts items={facts} />
      <Anchor component={Link} to={`/requests/${r.id}`} mt="sm" display="inline-block" fw={700} data-testid={`waiting-open-${r.number}`}>
        {t('dashboard.waiting.open', { number: r.number })}
      </Anchor>
    </Card>
  );
}

export function WaitingForYou() {
  const { t } = useTranslation();
  // The same query as the requests list below: asked once for both.
  const requests = useRequests();
  const waiting = (requests.data ?? []).filter(awaitsYourDecision);
  if (waiting.length === 0) return null;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="waiting-title"
      data-testid="waiting-for-you"
      style={{ borderInlineStartWidth: 6, borderInlineStartColor: 'var(--mantine-color-orange-7)' }}
    >
      <Title order={2} size="h3" id="waiting-title" mb="xs">
        {t('dashboard.waiting.title')}
      </Title>
      <Text mb="md">{t('dashboard.waiting.intro', { count: waiting.length })}</Text>
      <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {waiting.map((r) => (
          <WaitingItem key={r.id} r={r} />
        ))}
      </Stack>
    </Card>
  );
}
