import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@kipp/service-kit';

/**
 * An answer the gateway gives itself, before or instead of an upstream service. Unlike a
 * service's 5xx, the gateway's 502/503/504 messages are written for callers (which service,
 * what to do), so `sendGatewayError` shows them as they are.
 */
export abstract class GatewayError extends DomainError {
  /** Extra response headers (`Retry-After`). */
  readonly headers: Readonly<Record<string, string>> = {};
  /** Close the connection after answering: the rest of the request body is never read. */
  readonly closeConnection: boolean = false;
}

export class RouteNotFoundError extends GatewayError {
  readonly status = HttpStatus.NOT_FOUND;

  constructor(path: string) {
    super('ROUTE_NOT_FOUND', `No service answers ${path.slice(0, 200)}`, {
      services: '/api/{registration|submissions|evaluation|replication|notifications}/…',
    });
  }
}

export class PayloadTooLargeError extends GatewayError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
  override readonly closeConnection = true;

  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', `The request body is larger than ${limitBytes} bytes`, {
      limitBytes,
    });
  }
}

export class RateLimitedError extends GatewayError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
  override readonly headers: Readonly<Record<string, string>>;

  constructor(scope: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s`, {
      scope,
      retryAfterSeconds,
    });
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

export class CorsOriginNotAllowedError extends GatewayError {
  readonly status = HttpStatus.FORBIDDEN;

  constructor(origin: string) {
    super('CORS_ORIGIN_NOT_ALLOWED', `Cross-origin requests from ${origin} are not allowed`);
  }
}

export class UpstreamUnavailableError extends GatewayError {
  readonly status = HttpStatus.BAD_GATEWAY;

  constructor(service: string) {
    super('UPSTREAM_UNAVAILABLE', `The ${service} service cannot be reached; try again shortly`, {
      service,
    });
  }
}

export class UpstreamTimeoutError extends GatewayError {
  readonly status = HttpStatus.GATEWAY_TIMEOUT;

  constructor(service: string, timeoutMs: number) {
    super('UPSTREAM_TIMEOUT', `The ${service} service did not answer within ${timeoutMs} ms`, {
      service,
      timeoutMs,
    });
  }
}

export class PortalNotBuiltError extends GatewayError {
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;

  constructor() {
    super(
      'PORTAL_NOT_BUILT',
      'The web portal has not been built: PORTAL_DIR has no index.html (run `npx nx run portal:build`)',
    );
  }
}
