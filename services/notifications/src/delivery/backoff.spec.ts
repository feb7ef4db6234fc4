import { backoffDelayMs } from './backoff';

const options = { baseMs: 100, maxMs: 1000 };

describe('backoffDelayMs', () => {
  it('should double the delay with each failed attempt when jitter is at its top', () => {
    const delays = [1, 2, 3, 4].map((attempts) => backoffDelayMs(attempts, options, () => 1));
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('should cap the delay at the maximum when attempts grow', () => {
    expect(backoffDelayMs(30, options, () => 1)).toBe(1000);
    expect(backoffDelayMs(5000, options, () => 1)).toBe(1000);
  });

  it('should keep at least half of the delay when jitter is at its bottom', () => {
    expect(backoffDelayMs(3, options, () => 0)).toBe(200);
  });
});
