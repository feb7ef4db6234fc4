import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ROUTED_SERVICES, type RoutedService } from '../../routing/api-route';
import { Upstreams } from '../../routing/upstreams';

const upstreamStatusView = z.object({
  status: z.enum(['up', 'down']),
  /** The status of the service's `/health/ready`, when it answered. */
  httpStatus: z.number().int().optional(),
  /** Why it counts as down: `unreachable`, `timeout` or `not ready`. */
  reason: z.enum(['unreachable', 'timeout', 'not ready']).optional(),
  latencyMs: z.number(),
});

export const upstreamHealthView = z.object({
  /** `up` when every service is ready, `degraded` otherwise. */
  status: z.enum(['up', 'degraded']),
  services: z.record(z.enum(ROUTED_SERVICES), upstreamStatusView),
});
export type UpstreamHealthView = z.infer<typeof upstreamHealthView>;
type UpstreamStatus = z.infer<typeof upstreamStatusView>;

/** Asks every service's `/health/ready` at once, each within `UPSTREAM_PROBE_TIMEOUT_MS`. */
@Injectable()
export class CheckUpstreamsUseCase {
  constructor(private readonly upstreams: Upstreams) {}

  async execute(): Promise<UpstreamHealthView> {
    const entries = await Promise.all(
      ROUTED_SERVICES.map(async (service) => [service, await this.check(service)] as const),
    );
    return {
      status: entries.every(([, entry]) => entry.status === 'up') ? 'up' : 'degraded',
      services: Object.fromEntries(entries) as Record<RoutedService, UpstreamStatus>,
    };
  }

  private async check(service: RoutedService): Promise<UpstreamStatus> {
    const started = performance.now();
    const result = await this.upstreams.probe(service, '/health/ready');
    const latencyMs = Math.round(performance.now() - started);
    if (result.kind !== 'answered') return { status: 'down', reason: result.kind, latencyMs };
    return result.status === 200
      ? { status: 'up', httpStatus: result.status, latencyMs }
      : { status: 'down', httpStatus: result.status, reason: 'not ready', latencyMs };
  }
}
