import { z } from 'zod';
import { loadConfig, platformConfigShape, type Environment } from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const evaluationConfigSchema = z.object({
  ...platformConfigShape('evaluation', 3003),
  ...messagingConfigShape(),
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

export function loadEvaluationConfig(env?: Environment): Readonly<EvaluationConfig> {
  return loadConfig(evaluationConfigSchema, env);
}
