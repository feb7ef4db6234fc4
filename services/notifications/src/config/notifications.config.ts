import { z } from 'zod';
import {
  DEVELOPMENT_ONLY_RESET_SEALING_KEY,
  envBool,
  envInt,
  envList,
  envSealingKey,
  envString,
  envUri,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

/** `no-reply@kipp.local` or `KIPP <no-reply@kipp.local>`. */
const MAILBOX = /^(?:[^<>]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

export const notificationsConfigSchema = z
  .object({
    ...platformConfigShape('notifications', 3005),
    ...messagingConfigShape(),
    /** The SMTP relay that delivers every outgoing mail. */
    SMTP_HOST: envString().default('127.0.0.1'),
    SMTP_PORT: envInt({ min: 1, max: 65_535 }).default(1025),
    /** The sender of every mail. */
    SMTP_FROM: envString()
      .regex(
        MAILBOX,
        'must be an address such as no-reply@kipp.local or KIPP <no-reply@kipp.local>',
      )
      .default('KIPP <no-reply@kipp.local>'),
    /** Where the portal is, for the links that mails carry. */
    PORTAL_URL: envUri(['http', 'https']).default('http://127.0.0.1:3000'),
    /** Opens the password-reset links registration seals (the same key as registration's). */
    PASSWORD_RESET_SEALING_KEY: envSealingKey().default(DEVELOPMENT_ONLY_RESET_SEALING_KEY),
    PASSWORD_RESET_SEALING_KEY_ID: envString().max(64).default('dev-reset-1'),

    /** Whether this replica sends email (every replica may; claims keep each mail to one). */
    DELIVERY_ENABLED: envBool().default(true),
    /** How often a replica looks for mail to send. */
    DELIVERY_INTERVAL_MS: envInt({ min: 50, max: 60_000 }).default(1000),
    /** Mails one replica claims per pass. */
    DELIVERY_BATCH_SIZE: envInt({ min: 1, max: 500 }).default(50),
    /** Attempts before a mail is marked failed and dead-lettered. */
    DELIVERY_MAX_ATTEMPTS: envInt({ min: 1, max: 50 }).default(6),
    /** First retry delay; doubles with each failed attempt (with jitter) up to the maximum. */
    DELIVERY_BACKOFF_BASE_MS: envInt({ min: 10, max: 86_400_000 }).default(30_000),
    DELIVERY_BACKOFF_MAX_MS: envInt({ min: 10, max: 86_400_000 }).default(3_600_000),
    /**
     * A claimed mail not settled after this long was being sent when its replica died: it is
     * marked interrupted and dead-lettered, never resent on its own (at most once).
     */
    DELIVERY_CLAIM_TIMEOUT_MS: envInt({ min: 1000, max: 86_400_000 }).default(120_000),
    /** The SMTP provider's limit, shared by every replica through Redis. */
    SMTP_RATE_LIMIT_PER_SECOND: envInt({ min: 1, max: 100_000 }).default(20),
    /** Local hour (in the recipient's WIB/WITA/WIT) at which daily digests go out. */
    DIGEST_HOUR: envInt({ min: 0, max: 23 }).default(7),

    /** Whether this replica fires scheduled reminders (every replica may; each fires once). */
    REMINDERS_ENABLED: envBool().default(true),
    REMINDER_SCAN_INTERVAL_MS: envInt({ min: 50, max: 3_600_000 }).default(30_000),
    /** Before an evaluator's scoring deadline, in `m`, `h` or `d`. */
    SCORING_REMINDER_OFFSETS: envList()
      .pipe(z.array(z.string().regex(/^\d+[mhd]$/, 'must be durations such as 3d, 12h or 30m')))
      .default(['3d', '1d']),
    /** Before an interview's confirm-by time, if the slot is still unconfirmed. */
    INTERVIEW_CONFIRM_REMINDER_OFFSETS: envList()
      .pipe(z.array(z.string().regex(/^\d+[mhd]$/, 'must be durations such as 1d, 12h or 30m')))
      .default(['1d', '3h']),
  })
  .superRefine((config, context) => {
    // The development reset key is public (it is in the repository).
    if (
      config.NODE_ENV === 'production' &&
      config.PASSWORD_RESET_SEALING_KEY === DEVELOPMENT_ONLY_RESET_SEALING_KEY
    ) {
      context.addIssue({
        code: 'custom',
        path: ['PASSWORD_RESET_SEALING_KEY'],
        message: 'must be set in production',
      });
    }
  });

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;

export function loadNotificationsConfig(env?: Environment): Readonly<NotificationsConfig> {
  return loadConfig(notificationsConfigSchema, env);
}
