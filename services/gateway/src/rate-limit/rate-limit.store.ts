import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateBucket } from './rate-limit-buckets';

export interface BucketCount {
  /** Requests counted in the bucket's current window, this one included if it was allowed. */
  readonly count: number;
  /** Milliseconds until the window ends. */
  readonly resetMs: number;
}

export interface RateLimitOutcome {
  readonly allowed: boolean;
  /** One per bucket, in the order given. */
  readonly counts: readonly BucketCount[];
}

/**
 * Fixed windows, checked and counted in one atomic step: the request counts in every
 * bucket, or, when one of them is spent, in none, so a refused request spends nobody's
 * budget (a user over their own limit does not eat into their office's shared address).
 * The first request of a window starts its clock.
 *
 * KEYS: the buckets. ARGV: max and window (ms) of each bucket in turn.
 * Reply: allowed (1/0), then count and milliseconds left of each bucket.
 */
export const RATE_LIMIT_SCRIPT = `
local n = #KEYS
local counts, ttls = {}, {}
local allowed = 1
for i = 1, n do
  counts[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
  ttls[i] = redis.call('PTTL', KEYS[i])
  if counts[i] >= tonumber(ARGV[2 * i - 1]) then allowed = 0 end
end
if allowed == 1 then
  for i = 1, n do
    counts[i] = redis.call('INCR', KEYS[i])
    if ttls[i] < 0 then
      ttls[i] = tonumber(ARGV[2 * i])
      redis.call('PEXPIRE', KEYS[i], ttls[i])
    end
  end
end
local reply = { allowed }
for i = 1, n do
  reply[#reply + 1] = counts[i]
  reply[#reply + 1] = ttls[i]
end
return reply
`;

const SCRIPT_SHA = createHash('sha1').update(RATE_LIMIT_SCRIPT).digest('hex');

/**
 * The counters in Redis, shared by every gateway replica. One round trip per request
 * (EVALSHA; the script is sent once more only after Redis has forgotten it). The keys of
 * one request must live on one node: plain or Sentinel Redis, not Redis Cluster.
 */
export class RedisRateLimitStore {
  constructor(private readonly redis: Redis) {}

  async consume(buckets: readonly RateBucket[]): Promise<RateLimitOutcome> {
    const keys = buckets.map((bucket) => bucket.key);
    const args = buckets.flatMap((bucket) => [bucket.max, bucket.windowSeconds * 1000]);
    let reply: unknown;
    try {
      reply = await this.redis.evalsha(SCRIPT_SHA, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      reply = await this.redis.eval(RATE_LIMIT_SCRIPT, keys.length, ...keys, ...args);
    }
    return parseReply(reply, buckets.length);
  }
}

function parseReply(reply: unknown, buckets: number): RateLimitOutcome {
  if (!Array.isArray(reply) || reply.length !== 1 + 2 * buckets) {
    throw new Error(`unexpected rate-limit script reply: ${JSON.stringify(reply)}`);
  }
  const numbers = reply.map(Number);
  const counts: BucketCount[] = [];
  for (let i = 0; i < buckets; i += 1) {
    counts.push({ count: numbers[1 + 2 * i] ?? 0, resetMs: Math.max(0, numbers[2 + 2 * i] ?? 0) });
  }
  return { allowed: numbers[0] === 1, counts };
}
