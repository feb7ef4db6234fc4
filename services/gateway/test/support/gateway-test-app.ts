import type { AddressInfo } from 'node:net';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import { startServiceTestApp, type ServiceReplica, type ServiceTestApp } from '@kipp/testing';
import { gatewayAppOptions } from '../../src/app.options';
import { loadGatewayConfig, type GatewayConfig } from '../../src/config/gateway.config';

export type GatewayReplica = ServiceReplica<GatewayConfig>;

export interface GatewayTestApp extends ServiceTestApp<GatewayConfig> {
  /** `http://127.0.0.1:<port>` of the first replica, listening on a real socket. */
  readonly url: string;
  /** Another gateway on the same Redis and topics, listening too, and its URL. */
  startListeningReplica(
    env?: Record<string, string>,
  ): Promise<{ readonly replica: GatewayReplica; readonly url: string }>;
}

/** Listens on a free loopback port: streaming, X-Forwarded-For and real timeouts need sockets. */
export async function listen(replica: GatewayReplica): Promise<string> {
  await replica.app.listen(0, '127.0.0.1');
  const { port } = replica.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/**
 * Starts the gateway as `main.ts` builds it, against the local infrastructure with topics
 * of its own and a test issuer whose tokens it (and any service on those topics) accepts.
 * `env` should name every upstream the spec talks to (the defaults are `npm start`'s ports).
 */
export async function startGatewayApp(
  options: { env?: Record<string, string>; logLevel?: string } = {},
): Promise<GatewayTestApp> {
  const app = await startServiceTestApp({
    ...options,
    service: 'gateway',
    loadConfig: loadGatewayConfig,
    createApp: (config) => createServiceApp(gatewayAppOptions(config)),
    createEvent,
  });
  const url = await listen(app);
  return {
    ...app,
    url,
    async startListeningReplica(env = {}) {
      const replica = await app.startReplica(env);
      return { replica, url: await listen(replica) };
    },
  };
}
