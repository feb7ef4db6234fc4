import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { metrics } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { Redis } from 'ioredis';
import { AuthError, TokenVerifier } from '@kipp/auth';
import { InjectLogger, type Logger } from '@kipp/observability';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RateLimitedError } from '../edge/edge.errors';
import { sendGatewayError } from '../edge/send-error';
import { resolveApiRoute } from '../routing/api-route';
import { isCredentialRoute } from '../routing/route-families';
import { rateLimitBuckets, type RateLimitBudgets } from './rate-limit-buckets';
import { rateLimitVerdict, type RateLimitVerdict } from './rate-limit-verdict';
import { RedisRateLimitStore } from './rate-limit.store';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/** Kubernetes probes come every few seconds from the node; they are never limited. */
const PROBE_PATHS = new Set(['/health/live', '/health/ready']);

/**
 * Per-address, per-user and sign-in budgets in Redis, shared by every gateway replica.
 * If Redis cannot answer in time the request goes through (fail open): a Redis outage
 * must not take the platform down; it is logged once per outage and counted in the
 * `gateway.rate_limit.fail_open` metric for every request it lets through.
 */
@Injectable()
export class RateLimiter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly store: RedisRateLimitStore;
  private readonly budgets: RateLimitBudgets;
  private readonly failOpenCounter = metrics
    .getMeter('gateway')
    .createCounter('gateway.rate_limit.fail_open', {
      description: 'Requests let through unlimited because Redis did not answer',
    });
  private outage: { since: Date; letThrough: number } | null = null;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: Readonly<GatewayConfig>,
    private readonly verifier: TokenVerifier,
    @InjectLogger() private readonly logger: Logger,
  ) {
    this.budgets = {
      ip: { max: config.RATE_LIMIT_IP_MAX, windowSeconds: config.RATE_LIMIT_IP_WINDOW_SECONDS },
      user: {
        max: config.RATE_LIMIT_USER_MAX,
        windowSeconds: config.RATE_LIMIT_USER_WINDOW_SECONDS,
      },
      credentials: {
        max: config.RATE_LIMIT_CREDENTIALS_MAX,
        windowSeconds: config.RATE_LIMIT_CREDENTIALS_WINDOW_SECONDS,
      },
    };
    // Its own connection, unlike the shared client: no offline queue and a short command
    // timeout, so an unreachable Redis fails a check at once instead of holding requests.
    this.redis = new Redis(config.REDIS_URL, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: config.RATE_LIMIT_REDIS_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.redis.on('error', (error: unknown) => {
      this.logger.debug({ err: error }, 'rate-limit redis connection error');
    });
    this.store = new RedisRateLimitStore(this.redis);
  }

  readonly middleware = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!this.config.RATE_LIMIT_ENABLED || PROBE_PATHS.has(req.path)) {
      next();
      return;
    }
    const route = resolveApiRoute(req.originalUrl);
    const buckets = rateLimitBuckets(
      {
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        userId: await this.userOf(req),
        credentialRoute: route?.kind === 'service' && isCredentialRoute(route.service, route.path),
      },
      this.budgets,
    );
    let verdict: RateLimitVerdict;
    try {
      verdict = rateLimitVerdict(buckets, await this.store.consume(buckets));
    } catch (error) {
      this.failOpen(error);
      next();
      return;
    }
    this.recovered();
    res.set(verdict.headers);
    if (verdict.refusal) {
      sendGatewayError(
        res,
        new RateLimitedError(verdict.refusal.scope, verdict.refusal.retryAfterSeconds),
      );
      return;
    }
    next();
  };

  /**
   * The account a valid bearer token names. The signature is checked (with the keys every
   * service uses), so nobody can spend another person's budget by writing their id into a
   * made-up token; the result keys the budget and is trusted for nothing else.
   */
  private async userOf(req: Request): Promise<string | null> {
    const token = BEARER.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined) return null;
    try {
      return (await this.verifier.verify(token)).accountId;
    } catch (error) {
      if (error instanceof AuthError) return null;
      throw error;
    }
  }

  private failOpen(error: unknown): void {
    this.failOpenCounter.add(1);
    if (this.outage) {
      this.outage.letThrough += 1;
      return;
    }
    this.outage = { since: new Date(), letThrough: 1 };
    this.logger.error({ err: error }, 'rate limits unavailable (Redis); letting requests through');
  }

  private recovered(): void {
    if (!this.outage) return;
    const { since, letThrough } = this.outage;
    this.outage = null;
    this.logger.info(
      { since: since.toISOString(), letThrough },
      'rate limits back; Redis answers again',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => {
      this.redis.disconnect();
    });
  }
}
