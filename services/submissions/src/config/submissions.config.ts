import { z } from 'zod';
import { envBool, envInt, loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';
import { envStalledThresholds } from '../stalled/stalled-thresholds';

export const submissionsConfigSchema = z.object({
  ...platformConfigShape('submissions', 3002),
  ...messagingConfigShape(),
  /** Where evidence files live; GridFS of the service's own database is the only backend so far. */
  EVIDENCE_STORAGE: z.enum(['gridfs']).default('gridfs'),
  /** How often each replica sweeps unreferenced evidence files (ms); 0 turns the sweep off. */
  EVIDENCE_SWEEP_INTERVAL_MS: envInt({ min: 0, max: 86_400_000 }).default(900_000),
  /** Unreferenced evidence files younger than this (ms) are left alone: maybe still being attached. */
  EVIDENCE_ORPHAN_MIN_AGE_MS: envInt({ min: 60_000, max: 30 * 86_400_000 }).default(3_600_000),
  /** Whether this replica runs the stuck-draft detector (every replica may; one nudge wins). */
  STALLED_SCAN_ENABLED: envBool().default(true),
  /** How often the stuck-draft detector scans the editions closing soon. */
  STALLED_SCAN_INTERVAL_MS: envInt({ min: 100, max: 3_600_000 }).default(60_000),
  /** Nudge points before an edition's close (m, h, d); each fires once per proposal. */
  STALLED_THRESHOLDS: envStalledThresholds('7d,3d,1d,3h'),
});

export type SubmissionsConfig = z.infer<typeof submissionsConfigSchema>;

export function loadSubmissionsConfig(env?: Environment): Readonly<SubmissionsConfig> {
  return loadConfig(submissionsConfigSchema, env);
}
