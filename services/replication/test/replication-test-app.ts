import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import { startServiceTestApp, type ServiceReplica, type ServiceTestApp } from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadReplicationConfig, type ReplicationConfig } from '../src/config/replication.config';

export interface ReplicationAppOptions {
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export type ReplicationReplica = ServiceReplica<ReplicationConfig>;
export type ReplicationTestApp = ServiceTestApp<ReplicationConfig>;

/**
 * Starts the replication service against the local infrastructure with a database and
 * topics of its own, waits until it is ready, and publishes a test issuer's signing key.
 * `close` stops every replica, removes the topics and drops the database.
 */
export function startReplicationApp(
  options: ReplicationAppOptions = {},
): Promise<ReplicationTestApp> {
  return startServiceTestApp({
    ...options,
    service: 'replication',
    loadConfig: loadReplicationConfig,
    createApp: (config) =>
      createServiceApp({ name: 'replication', module: AppModule.register(config) }),
    createEvent,
  });
}
