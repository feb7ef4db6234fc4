import { z } from 'zod';
import { envInt, loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const registrationConfigSchema = z.object({
  ...platformConfigShape('registration', 3001),
  ...messagingConfigShape(),
  /** Lifetime of access tokens; short, because other services verify them offline. */
  ACCESS_TOKEN_TTL_SECONDS: envInt({ min: 60, max: 3600 }).default(900),
});

export type RegistrationConfig = z.infer<typeof registrationConfigSchema>;

export function loadRegistrationConfig(env?: Environment): Readonly<RegistrationConfig> {
  return loadConfig(registrationConfigSchema, env);
}
