import type { RegistrationConfig } from '../config/registration.config';
import { sealingKeyFromBase64, type SealingKey } from '@kipp/service-kit';

/** How import jobs run, decoded once from the configuration. */
export interface ImportJobSettings {
  /** Progress is written after every this many rows. */
  readonly progressEvery: number;
  /** How often the applying process renews its lease. */
  readonly heartbeatMs: number;
  /** A job still applying whose lease is older than this was interrupted. */
  readonly staleAfterMs: number;
  /** Seals one-time results (first passwords) until their first read. */
  readonly sealingKey: SealingKey;
}

export const IMPORT_JOB_SETTINGS = Symbol('IMPORT_JOB_SETTINGS');

export function importJobSettingsFrom(config: Readonly<RegistrationConfig>): ImportJobSettings {
  return {
    progressEvery: 100,
    heartbeatMs: 10_000,
    staleAfterMs: 60_000,
    sealingKey: sealingKeyFromBase64(
      config.PASSWORD_RESET_SEALING_KEY_ID,
      config.PASSWORD_RESET_SEALING_KEY,
    ),
  };
}
