/**
 * The delay before attempt `failedAttempts + 1`: the base doubling with each failure, capped,
 * with "equal jitter" (half fixed, half random) so replicas retrying after one outage spread
 * out instead of hitting the relay together.
 */
export function backoffDelayMs(
  failedAttempts: number,
  options: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(exponent, 40));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
