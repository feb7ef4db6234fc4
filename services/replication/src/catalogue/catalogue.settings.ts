import type { ReplicationConfig } from '../config/replication.config';

export const CATALOGUE_SETTINGS = Symbol('CATALOGUE_SETTINGS');

export interface CatalogueSettings {
  /** MONGO_DB: names this deployment's cache keys, so test databases never share them. */
  readonly database: string;
  readonly ttlSeconds: number;
  readonly licence: string;
}

export function catalogueSettingsOf(config: Readonly<ReplicationConfig>): CatalogueSettings {
  return Object.freeze({
    database: config.MONGO_DB,
    ttlSeconds: config.SEARCH_CACHE_TTL_SECONDS,
    licence: config.OPEN_DATA_LICENCE,
  });
}
