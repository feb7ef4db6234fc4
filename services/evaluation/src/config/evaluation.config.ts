import { z } from 'zod';
import {
  envInt,
  envString,
  envUri,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

export const evaluationConfigSchema = z.object({
  ...platformConfigShape('evaluation', 3003),
  ...messagingConfigShape(),
  /** Public origin of the portal: certificates' QR codes point at `<it>/verify/<code>`. */
  PUBLIC_BASE_URL: envUri(['http', 'https'])
    .transform((value) => value.replace(/\/+$/, ''))
    .default('http://127.0.0.1:3000'),
  /** Certificate verifications one IP may make per window (public endpoint). */
  CERTIFICATE_VERIFY_RATE_LIMIT: envInt({ min: 1, max: 100_000 }).default(60),
  CERTIFICATE_VERIFY_RATE_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(60),
  /** Public objections one IP may file per window (Redis counter `evaluation:objection-rate:<ip>`). */
  OBJECTION_RATE_LIMIT: envInt({ min: 1, max: 100_000 }).default(5),
  OBJECTION_RATE_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(3600),
  /**
   * Express 'trust proxy': the proxy addresses whose X-Forwarded-For is believed, so the
   * per-IP limits of the public endpoints see the client, not the gateway.
   */
  TRUST_PROXY: envString().default('loopback'),
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

export function loadEvaluationConfig(env?: Environment): Readonly<EvaluationConfig> {
  return loadConfig(evaluationConfigSchema, env);
}
