import type { RegistrationConfig } from '../config/registration.config';
import { sealingKeyFromBase64, type SealingKey } from '@kipp/service-kit';

/** What sign-in needs from the configuration, decoded once. */
export interface SessionSettings {
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly challengeTtlSeconds: number;
  readonly passwordResetTtlSeconds: number;
  readonly portalUrl: string;
  readonly passwordResetSealingKey: SealingKey;
  readonly totpSealingKey: SealingKey;
  readonly maxFailedSignIns: number;
  readonly lockoutBaseSeconds: number;
  readonly lockoutMaxSeconds: number;
  readonly ipAttemptLimit: number;
  readonly ipWindowSeconds: number;
  readonly bootstrapAdmin: { userId: string; email: string; password: string } | null;
}

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');

/** The id under which TOTP secrets are sealed at rest; bump it when the key rotates. */
const TOTP_SEALING_KEY_ID = 'totp-1';

export function sessionSettingsFrom(config: Readonly<RegistrationConfig>): SessionSettings {
  const { BOOTSTRAP_ADMIN_USER_ID, BOOTSTRAP_ADMIN_EMAIL, BOOTSTRAP_ADMIN_PASSWORD } = config;
  return {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: 14 * 24 * 3600,
    challengeTtlSeconds: 10 * 60,
    passwordResetTtlSeconds: 30 * 60,
    portalUrl: config.PORTAL_URL.replace(/\/+$/, ''),
    passwordResetSealingKey: sealingKeyFromBase64(
      config.PASSWORD_RESET_SEALING_KEY_ID,
      config.PASSWORD_RESET_SEALING_KEY,
    ),
    totpSealingKey: sealingKeyFromBase64(TOTP_SEALING_KEY_ID, config.TOTP_SEALING_KEY),
    maxFailedSignIns: config.SIGN_IN_MAX_FAILURES,
    lockoutBaseSeconds: config.SIGN_IN_LOCKOUT_BASE_SECONDS,
    lockoutMaxSeconds: config.SIGN_IN_LOCKOUT_MAX_SECONDS,
    ipAttemptLimit: config.SIGN_IN_IP_LIMIT,
    ipWindowSeconds: config.SIGN_IN_IP_WINDOW_SECONDS,
    bootstrapAdmin:
      BOOTSTRAP_ADMIN_USER_ID && BOOTSTRAP_ADMIN_EMAIL && BOOTSTRAP_ADMIN_PASSWORD
        ? {
            userId: BOOTSTRAP_ADMIN_USER_ID,
            email: BOOTSTRAP_ADMIN_EMAIL,
            password: BOOTSTRAP_ADMIN_PASSWORD,
          }
        : null,
  };
}

/** The lockout rule every failed credential (password or second-factor code) counts towards. */
export function lockoutPolicyOf(settings: SessionSettings): {
  maxFailures: number;
  baseSeconds: number;
  maxSeconds: number;
} {
  return {
    maxFailures: settings.maxFailedSignIns,
    baseSeconds: settings.lockoutBaseSeconds,
    maxSeconds: settings.lockoutMaxSeconds,
  };
}
