import { Inject, Injectable } from '@nestjs/common';
import { InjectLogger, type Logger } from '@kipp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ROUTED_SERVICES, type RoutedService } from '../routing/api-route';
import { Upstreams } from '../routing/upstreams';
import {
  mergeOpenApi,
  serviceOpenApiSchema,
  type AggregatedOpenApi,
  type ServiceOpenApi,
} from './merge-openapi';

type Fetched =
  | { readonly service: RoutedService; readonly document: ServiceOpenApi }
  | { readonly service: RoutedService; readonly reason: string };

/**
 * The platform's OpenAPI document, merged from every service's `/docs-json` and kept in
 * memory for `OPENAPI_CACHE_TTL_MS`. Concurrent requests share one build; a service that
 * is down is listed in `x-unavailable-services` rather than failing the document.
 */
@Injectable()
export class OpenApiAggregator {
  private cached: { readonly document: AggregatedOpenApi; readonly expiresAt: number } | null =
    null;
  private building: Promise<AggregatedOpenApi> | null = null;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: Readonly<GatewayConfig>,
    private readonly upstreams: Upstreams,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async document(): Promise<AggregatedOpenApi> {
    if (this.cached && this.cached.expiresAt > Date.now()) return this.cached.document;
    this.building ??= this.build().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async build(): Promise<AggregatedOpenApi> {
    const fetched = await Promise.all(ROUTED_SERVICES.map((service) => this.fetch(service)));
    const documents = fetched.flatMap((entry) => ('document' in entry ? [entry] : []));
    const unavailable = fetched.flatMap((entry) => ('reason' in entry ? [entry] : []));
    for (const { service, reason } of unavailable) {
      this.logger.warn({ upstream: service, reason }, 'OpenAPI document of a service unavailable');
    }
    const document = mergeOpenApi({
      title: 'KIPP platform API',
      version: '1',
      documents,
      unavailable: unavailable.map((entry) => entry.service),
    });
    this.cached = { document, expiresAt: Date.now() + this.config.OPENAPI_CACHE_TTL_MS };
    return document;
  }

  private async fetch(service: RoutedService): Promise<Fetched> {
    const result = await this.upstreams.probe(service, '/docs-json');
    if (result.kind !== 'answered') return { service, reason: result.detail };
    if (result.status !== 200) return { service, reason: `answered ${result.status}` };
    const parsed = serviceOpenApiSchema.safeParse(result.body);
    if (!parsed.success) return { service, reason: 'not an OpenAPI document' };
    return { service, document: parsed.data };
  }
}
