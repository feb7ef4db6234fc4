import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ALL_EVENTS } from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { registrationAppOptions } from '../src/app.options';
import { loadRegistrationConfig, type RegistrationConfig } from '../src/config/registration.config';

export interface RegistrationAppOptions {
  /** Variables over the test defaults; set `REGIONS_SEED_ON_START: 'true'` to test the seed. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
  /** Listen on a free loopback port (for specs that need real sockets), not just `init`. */
  readonly listen?: boolean;
}

export interface RegistrationReplica {
  readonly app: NestExpressApplication;
  /** A supertest agent on this replica. */
  readonly http: () => ReturnType<typeof request>;
  readonly config: Readonly<RegistrationConfig>;
  /** The listening port, when started with `listen`. */
  readonly port: number | null;
  close(): Promise<void>;
}

export interface RegistrationTestApp extends RegistrationReplica {
  readonly topics: TestTopics;
  /** Signs tokens the service accepts, as sign-in would. */
  readonly issuer: TestIssuer;
  /** Another replica on the same database and topics, e.g. to race two schedulers. */
  startReplica(): Promise<RegistrationReplica>;
}

/**
 * Starts the registration service against the local infrastructure with a database and
 * topics of its own, waits until it is ready, and publishes a test issuer's signing key.
 * The region seed is off unless asked for: 552 regions per app slow every spec down.
 */
export async function startRegistrationApp(
  options: RegistrationAppOptions = {},
): Promise<RegistrationTestApp> {
  const topics = await createTestTopics(ALL_EVENTS);
  const issuer = await TestIssuer.publish(topics);
  const env = {
    ...serviceTestEnv({
      database: uniqueName('registration'),
      topicPrefix: topics.prefix,
      ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    }),
    REGIONS_SEED_ON_START: 'false',
    ...options.env,
  };
  const startReplica = () => startReplicaWith(env, options.listen ?? false);
  const first = await startReplica();
  return {
    ...first,
    topics,
    issuer,
    startReplica,
    async close() {
      await first.close();
      await topics.dispose();
    },
  };
}

async function startReplicaWith(
  env: Record<string, string>,
  listen: boolean,
): Promise<RegistrationReplica> {
  const config = loadRegistrationConfig(env);
  // The body limit and 'trust proxy' of main.ts come with the options.
  const app = await createServiceApp(registrationAppOptions(config));
  let port: number | null = null;
  if (listen) {
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  } else {
    await app.init();
  }
  const http = () => request(app.getHttpServer());
  await eventually(async () => {
    await http().get('/health/ready').expect(200);
  });
  return { app, http, config, port, close: () => app.close() };
}
