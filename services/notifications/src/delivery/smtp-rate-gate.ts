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

  /**
   * How long to wait before a send may start: 0 early in a second, else until the next
   * second begins (a send started late in a second could land in the next one's budget).
   */
  waitBeforeSend(now: Date): number {
    const intoSecond = now.getTime() % 1000;
    return intoSecond >= WINDOW_TAIL_MS ? 1000 - intoSecond : 0;
  }

  /** The rate window (epoch second) an instant falls in. */
  windowOf(now: Date): number {
    return Math.floor(now.getTime() / 1000);
  }

  /** Takes one token of the current second; false when the second's budget is spent. */
  async take(now: Date): Promise<boolean> {
    const decision = await this.limiter.consume(String(this.windowOf(now)));
    return decision.allowed;
  }

  /** The start of the next second, when a refused mail may try again. */
  nextWindow(now: Date): Date {
    return new Date((Math.floor(now.getTime() / 1000) + 1) * 1000);
  }
}
