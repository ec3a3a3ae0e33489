// The wire shapes of the account holder's notifications.
import { z } from 'zod';
import { isoTimestamp } from '../../http/schemas';

export const notificationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('notifications per page, 1 to 100'),
  before: z
    .string()
    .regex(/^\d{1,15}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a cursor from this list')
    .optional()
    .describe('nextCursor of the previous page'),
});

export const notificationsView = z.object({
  notifications: z.array(
    z.object({
      text: z.string().describe('the SMS as sent, in the language the account had then'),
      queuedAt: isoTimestamp.describe('when the platform queued it'),
      status: z.enum(['pending', 'sent', 'failed']).describe('pending: not yet accepted by the SMS provider (retried); sent: accepted; failed: given up'),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export type NotificationsView = z.infer<typeof notificationsView>;
