import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ROUTED_SERVICES, type RoutedService } from './api-route';
import { probeUpstream, type ProbeResult } from './upstream-probe';

const URL_VARIABLE = {
  registration: 'REGISTRATION_URL',
  submissions: 'SUBMISSIONS_URL',
  evaluation: 'EVALUATION_URL',
  replication: 'REPLICATION_URL',
  notifications: 'NOTIFICATIONS_URL',
} as const satisfies Record<RoutedService, keyof GatewayConfig>;

/**
 * The request target at an upstream: the base URL's own path prefix, if it has one, then
 * the service path exactly as the client sent it (no URL parsing, which would re-encode).
 */
export function upstreamPath(base: URL, path: string): string {
  return `${base.pathname.replace(/\/+$/, '')}${path}`;
}

/** Where each service answers (`<SERVICE>_URL`), and the gateway's own probes of them. */
@Injectable()
export class Upstreams {
  private readonly bases: ReadonlyMap<RoutedService, URL>;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: Readonly<GatewayConfig>) {
    this.bases = new Map(
      ROUTED_SERVICES.map((service) => [service, new URL(config[URL_VARIABLE[service]])]),
    );
  }

  baseOf(service: RoutedService): URL {
    const base = this.bases.get(service);
    if (!base) throw new Error(`no upstream configured for ${service}`);
    return base;
  }

  /** GETs a JSON resource of the service within `UPSTREAM_PROBE_TIMEOUT_MS`. */
  probe(service: RoutedService, path: string): Promise<ProbeResult> {
    const base = this.baseOf(service);
    return probeUpstream(
      new URL(upstreamPath(base, path), base),
      this.config.UPSTREAM_PROBE_TIMEOUT_MS,
    );
  }
}
