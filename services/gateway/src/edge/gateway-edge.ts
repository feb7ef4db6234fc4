import { Inject, Injectable } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { OpenApiAggregator } from '../openapi/openapi-aggregator';
import { PortalHost } from '../portal-host/portal-host';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { ApiRouter } from '../routing/api-router';
import { corsMiddleware } from './cors';
import { requestIdMiddleware } from './request-id';
import { securityHeaders } from './security-headers';

/** The document Swagger UI starts from; every request replaces it with the merged one. */
const PLACEHOLDER_DOCUMENT: OpenAPIObject = {
  openapi: '3.0.0',
  info: { title: 'KIPP platform API', version: '1' },
  paths: {},
};

/**
 * The gateway's request chain, in front of Nest's own routes and in this order: request
 * id (and correlation context), security headers, CORS (preflights end here), rate limits,
 * then `/api/<service>` to the services, the aggregated documentation at `/api/docs`, and
 * the portal. Nest's routes (`/health/*`, `/docs`) and its 404 come after.
 */
@Injectable()
export class GatewayEdge {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: Readonly<GatewayConfig>,
    private readonly rateLimiter: RateLimiter,
    private readonly apiRouter: ApiRouter,
    private readonly portal: PortalHost,
    private readonly openApi: OpenApiAggregator,
  ) {}

  install(app: NestExpressApplication): void {
    app.set('trust proxy', this.config.TRUST_PROXY);
    app.use(requestIdMiddleware);
    app.use(
      securityHeaders({
        hstsMaxAgeSeconds: this.config.HSTS_MAX_AGE_SECONDS,
        hstsIncludeSubDomains: this.config.HSTS_INCLUDE_SUBDOMAINS,
      }),
    );
    app.use(
      corsMiddleware({
        origins: this.config.CORS_ORIGINS,
        maxAgeSeconds: this.config.CORS_MAX_AGE_SECONDS,
      }),
    );
    app.use(this.rateLimiter.middleware);
    app.use(this.apiRouter.middleware);
    SwaggerModule.setup('api/docs', app, PLACEHOLDER_DOCUMENT, {
      jsonDocumentUrl: 'api/docs-json',
      raw: ['json'],
      customSiteTitle: 'KIPP platform API',
      patchDocumentOnRequest: () => this.openApi.document(),
    });
    app.use(this.portal.middleware);
  }
}
