import type { StalledThreshold } from './stalled-thresholds';

export const STALLED_OPTIONS = Symbol('STALLED_OPTIONS');

export interface StalledOptions {
  /** Whether this replica runs the detector (every replica may; one write wins per nudge). */
  readonly scanEnabled: boolean;
  readonly scanIntervalMs: number;
  /** Largest first. */
  readonly thresholds: readonly StalledThreshold[];
  /** Proposals read per query while scanning. */
  readonly batchSize: number;
}
