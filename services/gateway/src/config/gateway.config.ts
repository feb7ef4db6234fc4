import path from 'node:path';
import { z } from 'zod';
import {
  envBool,
  envInt,
  envList,
  envString,
  envUri,
  loadConfig,
  platformConfigShape,
  type Environment,
} from '@kipp/config';
import { messagingConfigShape } from '@kipp/service-kit';

const MIB = 1024 * 1024;

/** `<repo>/dist/portal`, where `nx run portal:build` writes the single-page app. */
export const DEFAULT_PORTAL_DIR = path.resolve(__dirname, '../../../../dist/portal');

/** A service's base URL, without a trailing slash so that paths can be appended. */
function envUpstreamUrl(defaultUrl: string) {
  return envUri(['http', 'https'])
    .transform((value) => value.replace(/\/+$/, ''))
    .default(defaultUrl);
}

/** Browser origins (`https://portal.example.go.id`), each normalised the way browsers send it. */
function envOrigins() {
  return envList({ min: 0 }).pipe(
    z.array(
      z.string().transform((value, ctx) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be an origin (scheme://host[:port])' });
          return z.NEVER;
        }
        const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
        if (!['http:', 'https:'].includes(url.protocol) || !bare) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be scheme://host[:port] (http or https, no path)',
          });
          return z.NEVER;
        }
        return url.origin;
      }),
    ),
  );
}

function envBytes(defaultBytes: number) {
  return envInt({ min: 1024, max: 1024 * MIB }).default(defaultBytes);
}

export const gatewayConfigSchema = z.object({
  ...platformConfigShape('gateway', 3000),
  ...messagingConfigShape(),

  // --- routing ---
  REGISTRATION_URL: envUpstreamUrl('http://127.0.0.1:3001'),
  SUBMISSIONS_URL: envUpstreamUrl('http://127.0.0.1:3002'),
  EVALUATION_URL: envUpstreamUrl('http://127.0.0.1:3003'),
  REPLICATION_URL: envUpstreamUrl('http://127.0.0.1:3004'),
  NOTIFICATIONS_URL: envUpstreamUrl('http://127.0.0.1:3005'),
  /** An upstream connection silent for this long (connecting, waiting, streaming) is a 504. */
  UPSTREAM_TIMEOUT_MS: envInt({ min: 100, max: 600_000 }).default(30_000),
  /** How long the OpenAPI and health probes of the upstreams may take. */
  UPSTREAM_PROBE_TIMEOUT_MS: envInt({ min: 100, max: 60_000 }).default(3_000),
  /** Express 'trust proxy': the proxies (e.g. the ingress) whose X-Forwarded-For is believed. */
  TRUST_PROXY: envString().default('loopback'),

  // --- body size limits per route family ---
  BODY_LIMIT_JSON_BYTES: envBytes(1 * MIB),
  /** Registration's CSV imports travel inside JSON (its own limit is 3 MB). */
  BODY_LIMIT_IMPORT_BYTES: envBytes(3 * MIB),
  /** Multipart uploads: the largest evidence file (submissions: 50 MB) plus the form around it. */
  BODY_LIMIT_UPLOAD_BYTES: envBytes(51 * MIB),

  // --- rate limits (Redis, shared by every replica) ---
  RATE_LIMIT_ENABLED: envBool().default(true),
  RATE_LIMIT_IP_MAX: envInt({ min: 1, max: 1_000_000 }).default(1_200),
  RATE_LIMIT_IP_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(60),
  RATE_LIMIT_USER_MAX: envInt({ min: 1, max: 1_000_000 }).default(600),
  RATE_LIMIT_USER_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(60),
  RATE_LIMIT_CREDENTIALS_MAX: envInt({ min: 1, max: 1_000_000 }).default(20),
  RATE_LIMIT_CREDENTIALS_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(60),
  /** A rate-limit check slower than this lets the request through (fail open). */
  RATE_LIMIT_REDIS_TIMEOUT_MS: envInt({ min: 10, max: 10_000 }).default(250),

  // --- browsers ---
  CORS_ORIGINS: envOrigins().default([]),
  CORS_MAX_AGE_SECONDS: envInt({ min: 0, max: 86_400 }).default(600),
  HSTS_MAX_AGE_SECONDS: envInt({ min: 0, max: 63_072_000 }).default(31_536_000),
  HSTS_INCLUDE_SUBDOMAINS: envBool().default(false),

  // --- documentation and portal ---
  OPENAPI_CACHE_TTL_MS: envInt({ min: 0, max: 3_600_000 }).default(30_000),
  PORTAL_DIR: envString()
    .transform((value) => path.resolve(value))
    .default(DEFAULT_PORTAL_DIR),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env?: Environment): Readonly<GatewayConfig> {
  return loadConfig(gatewayConfigSchema, env);
}

/** Injection token of the parsed configuration. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
