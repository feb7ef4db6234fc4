import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('backoffDelay', () => {
  it('should double the ceiling with each attempt', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(DEFAULT_RETRY_POLICY, attempt, top))).toEqual(
      [100, 200, 400, 800],
    );
  });

  it('should never wait longer than the maximum delay', () => {
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 30, () => 1)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('should wait at least half the ceiling so retries never spin', () => {
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 3, () => 0)).toBe(200);
  });
});
