// What leaves about a notice: its text, when it was queued and whether it was delivered. Not
// the mobile, the outbox id, the provider's message id, the attempts or the provider's errors.
import type { NotificationsPage } from './read-notifications';
import type { NotificationsView } from './schemas';

export function presentNotifications(page: NotificationsPage): NotificationsView {
  return {
    notifications: page.rows.map((r) => ({ text: r.body, queuedAt: r.createdAt.toISOString(), status: r.status })),
    nextCursor: page.nextCursor,
  };
}
