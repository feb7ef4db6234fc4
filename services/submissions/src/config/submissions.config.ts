import { z } from 'zod';
import { loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const submissionsConfigSchema = z.object({
  ...platformConfigShape('submissions', 3002),
  ...messagingConfigShape(),
});

export type SubmissionsConfig = z.infer<typeof submissionsConfigSchema>;

export function loadSubmissionsConfig(env?: Environment): Readonly<SubmissionsConfig> {
  return loadConfig(submissionsConfigSchema, env);
}
