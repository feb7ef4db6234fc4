import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import { startServiceTestApp, type ServiceReplica, type ServiceTestApp } from '@kipp/testing';
import { evaluationAppOptions } from '../src/app.options';
import { loadEvaluationConfig, type EvaluationConfig } from '../src/config/evaluation.config';

export interface EvaluationAppOptions {
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export type EvaluationReplica = ServiceReplica<EvaluationConfig>;
export type EvaluationTestApp = ServiceTestApp<EvaluationConfig>;

/**
 * Starts the evaluation service against the local infrastructure with a database and
 * topics of its own, waits until it is ready, and publishes a test issuer's signing key.
 * `close` stops every replica, removes the topics and drops the database.
 */
export function startEvaluationApp(options: EvaluationAppOptions = {}): Promise<EvaluationTestApp> {
  return startServiceTestApp({
    ...options,
    service: 'evaluation',
    loadConfig: loadEvaluationConfig,
    createApp: (config) => createServiceApp(evaluationAppOptions(config)),
    createEvent,
  });
}
