import type { Request, Response, NextFunction } from 'express';
import { CorsOriginNotAllowedError } from './edge.errors';
import { sendGatewayError } from './send-error';

export interface CorsOptions {
  /** Exact origins (`https://host[:port]`); empty: same origin only. */
  readonly origins: readonly string[];
  readonly maxAgeSeconds: number;
}

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/** What a script on an allowed origin may read beyond the CORS-safelisted headers. */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-Correlation-Id',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Content-Disposition',
  'X-Checksum-SHA256',
].join(', ');

/** A comma-separated list of header names (RFC 9110 tokens), as preflights send them. */
const HEADER_NAME_LIST = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*$/;

export type CorsDecision =
  | { readonly kind: 'not-cross-origin' }
  | { readonly kind: 'refused-preflight'; readonly origin: string }
  | { readonly kind: 'preflight'; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'request'; readonly headers: Readonly<Record<string, string>> };

/**
 * How the gateway answers a request as far as CORS goes. Requests without an Origin, or
 * from an origin not on the list, get no CORS headers (the browser then keeps the answer
 * from the page); a preflight from such an origin is refused outright with 403.
 */
export function corsDecision(
  request: {
    readonly method: string;
    readonly origin: string | undefined;
    readonly requestedMethod: string | undefined;
    readonly requestedHeaders: string | undefined;
  },
  options: CorsOptions,
): CorsDecision {
  const { origin } = request;
  const preflight = request.method === 'OPTIONS' && request.requestedMethod !== undefined;
  if (origin === undefined) return { kind: 'not-cross-origin' };
  const allowed = options.origins.includes(origin);
  if (!preflight) {
    if (!allowed) return { kind: 'not-cross-origin' };
    return {
      kind: 'request',
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': EXPOSED_HEADERS,
      },
    };
  }
  if (!allowed) return { kind: 'refused-preflight', origin };
  const requestedHeaders = request.requestedHeaders?.trim();
  return {
    kind: 'preflight',
    headers: {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      ...(requestedHeaders && HEADER_NAME_LIST.test(requestedHeaders)
        ? { 'Access-Control-Allow-Headers': requestedHeaders }
        : {}),
      'Access-Control-Max-Age': String(options.maxAgeSeconds),
    },
  };
}

/** Answers preflights at the gateway (they never reach a service) and marks allowed answers. */
export function corsMiddleware(options: CorsOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const decision = corsDecision(
      {
        method: req.method,
        origin: req.headers.origin,
        requestedMethod: req.headers['access-control-request-method'],
        requestedHeaders: req.headers['access-control-request-headers'],
      },
      options,
    );
    if (req.headers.origin !== undefined) res.vary('Origin');
    switch (decision.kind) {
      case 'not-cross-origin':
        next();
        return;
      case 'refused-preflight':
        sendGatewayError(res, new CorsOriginNotAllowedError(decision.origin));
        return;
      case 'preflight':
        res.vary('Access-Control-Request-Headers');
        res.set(decision.headers).status(204).end();
        return;
      case 'request':
        res.set(decision.headers);
        next();
    }
  };
}
