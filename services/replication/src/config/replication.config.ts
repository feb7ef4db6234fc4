import { z } from 'zod';
import {
  envBool,
  envInt,
  envString,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const replicationConfigSchema = z.object({
  ...platformConfigShape('replication', 3004),
  ...messagingConfigShape(),
  /** How long a public search answer is cached in Redis (events invalidate it sooner). */
  SEARCH_CACHE_TTL_SECONDS: envInt({ min: 0, max: 86_400 }).default(300),
  /** How long the public diffusion figures are cached in Redis (no event invalidates them; 0 = off). */
  ANALYTICS_CACHE_TTL_SECONDS: envInt({ min: 0, max: 3_600 }).default(60),
  /** The licence the open data is published under, stated in every export. */
  OPEN_DATA_LICENCE: envString().max(200).default('CC-BY-4.0'),
  /** Largest evidence file of a replication (MoU, decree, budget line). */
  REPLICATION_EVIDENCE_MAX_BYTES: envInt({ min: 1024, max: 100 * 1024 * 1024 }).default(
    5 * 1024 * 1024,
  ),
  /** Whether this replica opens and closes sustainability check-ins (every replica may). */
  CHECK_IN_ENABLED: envBool().default(true),
  CHECK_IN_SCAN_INTERVAL_MS: envInt({ min: 50, max: 86_400_000 }).default(60_000),
  /** How often an awarded innovation is asked (months). */
  CHECK_IN_INTERVAL_MONTHS: envInt({ min: 1, max: 60 }).default(12),
  /** Days from the award to the first check-in; unset: one interval, like the later ones. */
  CHECK_IN_FIRST_AFTER_DAYS: envInt({ min: 0, max: 1830 }).optional(),
  /** How long its unit has to answer once a check-in opens (days). */
  CHECK_IN_WINDOW_DAYS: envInt({ min: 1, max: 365 }).default(30),
  /** Consecutive unanswered check-ins after which an innovation is flagged lapsed. */
  CHECK_IN_LAPSE_AFTER: envInt({ min: 1, max: 10 }).default(2),
});

export type ReplicationConfig = z.infer<typeof replicationConfigSchema>;

export function loadReplicationConfig(env?: Environment): Readonly<ReplicationConfig> {
  return loadConfig(replicationConfigSchema, env);
}
