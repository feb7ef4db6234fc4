import { z } from 'zod';
import {
  DEVELOPMENT_ONLY_RESET_SEALING_KEY,
  envBool,
  envInt,
  envSealingKey,
  envString,
  envUri,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

// The development default of the TOTP key, public on purpose (it is in the repository):
// a production start with it (or the reset key's default) refuses to run.
const DEVELOPMENT_ONLY_TOTP_SEALING_KEY = Buffer.from('kipp-dev-only-totp-sealing-key!!').toString(
  'base64',
);

function requireSignInSecrets(
  config: {
    NODE_ENV: string;
    PASSWORD_RESET_SEALING_KEY: string;
    TOTP_SEALING_KEY: string;
    BOOTSTRAP_ADMIN_USER_ID?: string | undefined;
    BOOTSTRAP_ADMIN_EMAIL?: string | undefined;
    BOOTSTRAP_ADMIN_PASSWORD?: string | undefined;
  },
  context: z.RefinementCtx,
): void {
  if (config.NODE_ENV === 'production') {
    if (config.PASSWORD_RESET_SEALING_KEY === DEVELOPMENT_ONLY_RESET_SEALING_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['PASSWORD_RESET_SEALING_KEY'],
        message: 'must be set in production',
      });
    }
    if (config.TOTP_SEALING_KEY === DEVELOPMENT_ONLY_TOTP_SEALING_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['TOTP_SEALING_KEY'],
        message: 'must be set in production',
      });
    }
  }
  const bootstrap = [
    'BOOTSTRAP_ADMIN_USER_ID',
    'BOOTSTRAP_ADMIN_EMAIL',
    'BOOTSTRAP_ADMIN_PASSWORD',
  ] as const;
  const given = bootstrap.filter((name) => config[name] !== undefined);
  if (given.length > 0 && given.length < bootstrap.length) {
    for (const name of bootstrap.filter((missing) => config[missing] === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: 'must be set with the other BOOTSTRAP_ADMIN_* variables',
      });
    }
  }
}

export const registrationConfigSchema = z
  .object({
    ...platformConfigShape('registration', 3001),
    ...messagingConfigShape(),
    /** Lifetime of access tokens; short, because other services verify them offline. */
    ACCESS_TOKEN_TTL_SECONDS: envInt({ min: 60, max: 3600 }).default(900),
    // --- sign-in (src/session) ---
    /** Seals password-reset links for notifications (AES-256-GCM); 32 bytes, base64. */
    PASSWORD_RESET_SEALING_KEY: envSealingKey().default(DEVELOPMENT_ONLY_RESET_SEALING_KEY),
    /** Names the reset sealing key inside each sealed link, so the key can rotate. */
    PASSWORD_RESET_SEALING_KEY_ID: envString().max(64).default('dev-reset-1'),
    /** Seals TOTP secrets at rest (AES-256-GCM); 32 bytes, base64. */
    TOTP_SEALING_KEY: envSealingKey().default(DEVELOPMENT_ONLY_TOTP_SEALING_KEY),
    /** Origin of the web portal; reset links point at `<PORTAL_URL>/reset-password`. */
    PORTAL_URL: envUri(['http', 'https']).default('http://127.0.0.1:3000'),
    /** The first national admin, created at start-up while there is none; all three or none. */
    BOOTSTRAP_ADMIN_USER_ID: envString().max(64).optional(),
    BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
    BOOTSTRAP_ADMIN_PASSWORD: envString().max(256).optional(),
    /** Consecutive failed sign-ins before an account is locked. */
    SIGN_IN_MAX_FAILURES: envInt({ min: 1, max: 100 }).default(5),
    /** First lockout; each further failure doubles it, up to SIGN_IN_LOCKOUT_MAX_SECONDS. */
    SIGN_IN_LOCKOUT_BASE_SECONDS: envInt({ min: 1, max: 86_400 }).default(60),
    SIGN_IN_LOCKOUT_MAX_SECONDS: envInt({ min: 1, max: 86_400 }).default(3600),
    /** Sign-in (and, separately, reset) attempts one IP may make per window. */
    SIGN_IN_IP_LIMIT: envInt({ min: 1, max: 100_000 }).default(20),
    SIGN_IN_IP_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(300),
    /**
     * Express 'trust proxy': the proxy addresses whose X-Forwarded-For is believed, so the
     * per-IP sign-in limit sees the client (e.g. `loopback`, `loopback, 10.0.0.0/8`).
     */
    TRUST_PROXY: envString().default('loopback'),
    // --- end sign-in ---
    /** Seed the provinces, regencies and cities at start-up while the registry has no Pemda. */
    REGIONS_SEED_ON_START: envBool().default(true),
    /** Whether this replica runs the edition phase scheduler (every replica may; one change wins). */
    PHASE_SCHEDULER_ENABLED: envBool().default(true),
    /** How often the phase scheduler compares each published edition with its calendar. */
    PHASE_SCHEDULER_INTERVAL_MS: envInt({ min: 100, max: 60_000 }).default(1000),
  })
  .superRefine(requireSignInSecrets);

export type RegistrationConfig = z.infer<typeof registrationConfigSchema>;

export function loadRegistrationConfig(env?: Environment): Readonly<RegistrationConfig> {
  return loadConfig(registrationConfigSchema, env);
}
