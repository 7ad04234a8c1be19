import { route } from '@/app/_lib/route';
import {
  getNotificationSettings,
  updateNotificationSettings,
  ZUpdateNotificationSettings,
} from '@/lib/notifications/prefs';

/** My notification choices and digest settings (only mine). */
export const GET = route({}, async ({ db, user }) => getNotificationSettings(db, { userId: user.id }));

export const PUT = route<typeof ZUpdateNotificationSettings>(
  { body: ZUpdateNotificationSettings },
  async ({ db, user, body }) => updateNotificationSettings(db, { userId: user.id }, body),
);
