import { z } from 'zod';
import { loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const gatewayConfigSchema = z.object({
  ...platformConfigShape('gateway', 3000),
  ...messagingConfigShape(),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env?: Environment): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema, env);
}
