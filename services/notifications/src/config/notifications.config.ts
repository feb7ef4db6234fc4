import { z } from 'zod';
import {
  envInt,
  envString,
  envUri,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

/** `no-reply@kipp.local` or `KIPP <no-reply@kipp.local>`. */
const MAILBOX = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

export const notificationsConfigSchema = z.object({
  ...platformConfigShape('notifications', 3005),
  ...messagingConfigShape(),
  /** The SMTP relay that delivers every outgoing mail. */
  SMTP_HOST: envString().default('127.0.0.1'),
  SMTP_PORT: envInt({ min: 1, max: 65_535 }).default(1025),
  /** The sender of every mail. */
  SMTP_FROM: envString()
    .regex(MAILBOX, 'must be an address such as no-reply@kipp.local or KIPP <no-reply@kipp.local>')
    .default('KIPP <no-reply@kipp.local>'),
  /** Where the portal is, for the links that mails carry. */
  PORTAL_URL: envUri(['http', 'https']).default('http://127.0.0.1:3000'),
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

export function loadNotificationsConfig(env?: Environment): Readonly<NotificationsConfig> {
  return loadConfig(notificationsConfigSchema, env);
}
