// The dashboard's notifications: the text messages the platform sent to the holder's mobile
// (a request issued or rejected, an expiry reminder, a card ready...), newest first, with the
// day in both calendars and whether the message reached the provider. Older ones a page at a time.
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications, type Notification, type NotificationStatus } from '../../api/notifications';
import { DualDate } from '../../shared/dual-date';
import { NOTIFICATIONS_PAGE } from './dashboard-loader';
import { StatusBadge } from './eservices-sections';

// The request statuses' colours: waiting in orange, done in green, given up in red.
const STATUS_COLOR = { pending: 'orange', sent: 'absher', failed: 'red' } as const satisfies Record<NotificationStatus, string>;

function NotificationItem({ n }: { n: Notification }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="sm" padding="sm" component="li" data-testid="notification">
      <Group justify="space-between" align="flex-start" gap="xs" mb={4} wrap="wrap">
        <Text size="sm" c="dimmed" component="div">
          <DualDate iso={n.queuedAt} withTime />
        </Text>
        <StatusBadge color={STATUS_COLOR[n.status]} testId="notification-status">
          {t(`notifications.statuses.${n.status}`)}
        </StatusBadge>
      </Group>
      {/* The message is in the language the account had when it was sent, which may not be the page's. */}
      <Text dir="auto" style={{ whiteSpace: 'pre-line' }} data-testid="notification-text">
        {n.text}
      </Text>
    </Card>
  );
}

export function MyNotifications() {
  const { t } = useTranslation();
  const notices = useNotifications(NOTIFICATIONS_PAGE);
  const items = notices.data?.pages.flatMap((p) => p.notifications) ?? [];
  let body: ReactNode;
  if (notices.isPending) body = <Loader size="sm" aria-label={t('app.loading')} />;
  else if (notices.isError)
    body = (
      <Alert color="red" variant="light" role="alert">
        {t('notifications.loadFailed')}
      </Alert>
    );
  else if (items.length === 0) body = <Text data-testid="notifications-none">{t('notifications.none')}</Text>;
  else
    body = (
      <>
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((n, i) => (
            <NotificationItem key={`${n.queuedAt}-${i}`} n={n} />
          ))}
        </Stack>
        {notices.hasNextPage && (
          <Group mt="sm">
            <Button variant="light" onClick={() => void notices.fetchNextPage()} loading={notices.isFetchingNextPage} data-testid="notifications-more">
              {t('notifications.more')}
            </Button>
          </Group>
        )}
      </>
    );
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="notifications-title" data-testid="my-notifications">
      <Title order={2} size="h3" id="notifications-title" mb="xs">
        {t('notifications.title')}
      </Title>
      <Text mb="md">{t('notifications.intro')}</Text>
      {body}
    </Card>
  );
}
