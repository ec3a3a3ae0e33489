import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOffices } from '../../api/offices';
import { pick } from '../../api/pick';
import type { Me } from '../../api/types';
import { RequireAuth } from '../../session/require-auth';
import { DualDate } from '../../shared/dual-date';
import { Facts, type Fact } from '../../shared/facts';
import { channelLabel, locationLabel, statusColor, statusLabel } from '../../shared/labels';
import { Ltr } from '../../shared/ltr';
import { PageHeading } from '../../shared/page-heading';
import { MyDocuments, MyRequests, People } from './eservices-sections';
import { MyNotifications } from './notifications-section';
import { MyAuthorizations, RecentAccess } from './privacy-sections';
import { WaitingForYou } from './waiting-section';

export function DashboardPage() {
  return <RequireAuth>{(me) => <Dashboard me={me} />}</RequireAuth>;
}

function Dashboard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? me.name.en : me.name.ar;
  const offices = useOffices();
  // An office id is named as the directorate lists it; a bank or kiosk by the portal's labels.
  const place = (id: string) => {
    const office = offices.data?.find((o) => o.id === id);
    return office ? pick(office.name, i18n.language) : locationLabel(t, id);
  };

  const identity: Fact[] = [
    { label: t('dashboard.nameAr'), value: <span lang="ar" dir="rtl">{me.name.ar}</span>, testId: 'name-ar' },
    { label: t('dashboard.nameEn'), value: <span lang="en" dir="ltr">{me.name.en}</span>, testId: 'name-en' },
    { label: t('fields.idNumber'), value: <Ltr>{me.idNumber}</Ltr>, testId: 'id-number' },
    { label: t('fields.username'), value: <Ltr>{me.username}</Ltr>, testId: 'username' },
  ];
  if (me.mobileMasked) identity.push({ label: t('fields.mobile'), value: <Ltr>{me.mobileMasked}</Ltr>, testId: 'mobile' });
  if (me.language) identity.push({ label: t('fields.language'), value: me.language === 'en' ? 'English' : 'العربية' });

  const account: Fact[] = [
    {
      label: t('dashboard.status'),
      value: (
        <Badge color={statusColor(me.status)} variant="light" radius="sm" size="lg" style={{ textTransform: 'none' }}>
          {statusLabel(t, me.status)}
        </Badge>
      ),
      testId: 'status',
    },
  ];
  if (me.activation) {
    account.push({ label: t('dashboard.activationChannel'), value: channelLabel(t, me.activation.channel), testId: 'activation-channel' });
    account.push({ label: t('dashboard.activatedAt'), value: <DualDate iso={me.activation.at} />, testId: 'activated-at' });
    if (me.activation.location) {
      account.push({ label: t('dashboard.activatedWhere'), value: place(me.activation.location), testId: 'activation-location' });
    }
  }

  const staff = (me.roles ?? []).filter((r) => r === 'officer' || r === 'supervisor');

  return (
    <Stack gap="lg">
      <div>
        <PageHeading documentTitle={t('dashboard.title')}>{t('dashboard.welcome', { name })}</PageHeading>
        <Text>{t('dashboard.intro')}</Text>
      </div>
      <WaitingForYou />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="identity-title">
          <Title order={2} size="h3" id="identity-title" mb="md">
            {t('dashboard.identityTitle')}
          </Title>
          <Facts items={identity} />
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-title" data-testid="account-card">
          <Title order={2} size="h3" id="account-title" mb="md">
            {t('dashboard.accountTitle')}
          </Title>
          <Facts items={account} />
        </Card>
      </SimpleGrid>
      <MyRequests />
      <MyNotifications />
      <MyDocuments />
      <People />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MyAuthorizations />
        <RecentAccess />
      </SimpleGrid>
      {staff.length > 0 && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="staff-title">
          <Title order={2} size="h3" id="staff-title" mb="xs">
            {t('dashboard.staffTitle')}
          </Title>
          <Text mb="md">
            {staff.map((r) => t(`roles.${r}`)).join(t('common.listSeparator'))}
            {me.officeId ? (
              <>
                {' — '}
                {place(me.officeId)}
              </>
            ) : null}
          </Text>
          <Group>
            <Button component={Link} to="/office">
              {t('nav.office')}
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
