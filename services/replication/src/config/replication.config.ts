import { z } from 'zod';
import { loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const replicationConfigSchema = z.object({
  ...platformConfigShape('replication', 3004),
  ...messagingConfigShape(),
});

export type ReplicationConfig = z.infer<typeof replicationConfigSchema>;

export function loadReplicationConfig(env?: Environment): Readonly<ReplicationConfig> {
  return loadConfig(replicationConfigSchema, env);
}
