import type { RateBucket } from './rate-limit-buckets';
import { rateLimitVerdict } from './rate-limit-verdict';

const ip: RateBucket = { scope: 'ip', key: 'gateway:rate:ip:a', max: 100, windowSeconds: 60 };
const user: RateBucket = { scope: 'user', key: 'gateway:rate:user:u', max: 10, windowSeconds: 60 };
const credentials: RateBucket = {
  scope: 'credentials',
  key: 'gateway:rate:credentials:a',
  max: 5,
  windowSeconds: 300,
};

describe('rateLimitVerdict', () => {
  it('should describe the bucket closest to running out when the request is allowed', () => {
    const verdict = rateLimitVerdict([ip, user], {
      allowed: true,
      counts: [
        { count: 40, resetMs: 30_000 },
        { count: 7, resetMs: 12_500 },
      ],
    });

    expect(verdict).toEqual({
      allowed: true,
      refusal: null,
      headers: {
        'RateLimit-Policy': '100;w=60, 10;w=60',
        'RateLimit-Limit': '10',
        'RateLimit-Remaining': '3',
        'RateLimit-Reset': '13',
      },
    });
  });

  it('should refuse until the spent bucket resets when one is spent', () => {
    const verdict = rateLimitVerdict([ip, credentials], {
      allowed: false,
      counts: [
        { count: 20, resetMs: 40_000 },
        { count: 5, resetMs: 250_001 },
      ],
    });

    expect(verdict.allowed).toBe(false);
    expect(verdict.refusal).toEqual({ scope: 'credentials', retryAfterSeconds: 251 });
    expect(verdict.headers['RateLimit-Remaining']).toBe('0');
    expect(verdict.headers['RateLimit-Limit']).toBe('5');
  });

  it('should wait for the later reset when several buckets are spent', () => {
    const verdict = rateLimitVerdict([ip, user], {
      allowed: false,
      counts: [
        { count: 100, resetMs: 50_000 },
        { count: 10, resetMs: 5_000 },
      ],
    });

    expect(verdict.refusal).toEqual({ scope: 'ip', retryAfterSeconds: 50 });
  });

  it('should never ask a client to retry in less than a second', () => {
    const verdict = rateLimitVerdict([user], {
      allowed: false,
      counts: [{ count: 10, resetMs: 3 }],
    });

    expect(verdict.refusal?.retryAfterSeconds).toBe(1);
  });
});
