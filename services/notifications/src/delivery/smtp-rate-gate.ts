import type { Redis } from 'ioredis';
import { RedisRateLimiter } from '@kipp/service-kit';

/** Past this point in a second, a mail might reach the relay in the next second's budget. */
const WINDOW_TAIL_MS = 700;

/**
 * The provider's per-second limit, shared by every replica: one Redis counter per epoch
 * second, so all replicas count against the same window.
 */
export class SmtpRateGate {
  private readonly limiter: RedisRateLimiter;

  constructor(redis: Redis, keyPrefix: string, limitPerSecond: number) {
    // Two seconds of life: the key outlives its own second whenever it is created late in it.
    this.limiter = new RedisRateLimiter(redis, {
      keyPrefix,
      limit: limitPerSecond,
      windowSeconds: 2,
    });
  }

  /** Whether sending now would start too late in the second to land inside it. */
  inWindowTail(now: Date): boolean {
    return now.getTime() % 1000 >= WINDOW_TAIL_MS;
  }

  /** Takes one token of the current second; false when the second's budget is spent. */
  async take(now: Date): Promise<boolean> {
    const decision = await this.limiter.consume(String(Math.floor(now.getTime() / 1000)));
    return decision.allowed;
  }

  /** The start of the next second, when a refused mail may try again. */
  nextWindow(now: Date): Date {
    return new Date((Math.floor(now.getTime() / 1000) + 1) * 1000);
  }
}
