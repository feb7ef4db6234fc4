export const ANALYTICS_OPTIONS = Symbol('ANALYTICS_OPTIONS');

export interface AnalyticsOptions {
  /** The service's database, which scopes the cache keys. */
  database: string;
  cacheTtlSeconds: number;
}
