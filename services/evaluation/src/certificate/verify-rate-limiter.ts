import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, RedisRateLimiter } from '@kipp/service-kit';
import { VerifyRateLimitedError } from './certificate.errors';
import { CERTIFICATE_OPTIONS, type CertificateOptions } from './certificate.options';

const KEY_PREFIX = 'evaluation:verify-rate:';

/**
 * Fixed-window counter per client IP in Redis, shared by every replica: the verification
 * endpoint is public, and the limit keeps anyone from walking the code space.
 */
@Injectable()
export class VerifyRateLimiter {
  private readonly limiter: RedisRateLimiter;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(CERTIFICATE_OPTIONS) options: CertificateOptions,
  ) {
    this.limiter = new RedisRateLimiter(redis, {
      keyPrefix: KEY_PREFIX,
      limit: options.verifyRateLimit,
      windowSeconds: options.verifyRateWindowSeconds,
    });
  }

  static keyOf(ip: string): string {
    return `${KEY_PREFIX}${ip}`;
  }

  async consume(ip: string): Promise<void> {
    const { allowed, retryAfterSeconds } = await this.limiter.consume(ip);
    if (!allowed) throw new VerifyRateLimitedError(retryAfterSeconds);
  }
}
