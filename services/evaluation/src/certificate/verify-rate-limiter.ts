import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@kipp/service-kit';
import { VerifyRateLimitedError } from './certificate.errors';
import { CERTIFICATE_OPTIONS, type CertificateOptions } from './certificate.options';

/**
 * Fixed-window counter per client IP in Redis, shared by every replica: the verification
 * endpoint is public, and the limit keeps anyone from walking the code space.
 */
@Injectable()
export class VerifyRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CERTIFICATE_OPTIONS) private readonly options: CertificateOptions,
  ) {}

  static keyOf(ip: string): string {
    return `evaluation:verify-rate:${ip}`;
  }

  async consume(ip: string): Promise<void> {
    const key = VerifyRateLimiter.keyOf(ip);
    const { verifyRateLimit, verifyRateWindowSeconds } = this.options;
    const results = await this.redis
      .multi()
      .incr(key)
      .expire(key, verifyRateWindowSeconds, 'NX')
      .ttl(key)
      .exec();
    const attempts = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? verifyRateWindowSeconds);
    if (attempts > verifyRateLimit) {
      throw new VerifyRateLimitedError(ttl > 0 ? ttl : verifyRateWindowSeconds);
    }
  }
}
