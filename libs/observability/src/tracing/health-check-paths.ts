/**
 * Probes hit /health/* every few seconds; they are neither traced nor logged so they do
 * not drown real traffic. The health controller of @kipp/service-kit serves this prefix.
 */
export const HEALTH_CHECK_PATH_PREFIX = '/health/';

export function isHealthCheckPath(url: string | undefined): boolean {
  return url?.startsWith(HEALTH_CHECK_PATH_PREFIX) ?? false;
}
