export { ConfigError, type ConfigIssue } from './config-error';
export { loadConfig, type Environment } from './load-config';
export {
  envBool,
  envDuration,
  envEnum,
  envInt,
  envList,
  envPort,
  envSealingKey,
  DEVELOPMENT_ONLY_RESET_SEALING_KEY,
  envString,
  envUri,
} from './env-fields';
export {
  LOG_LEVELS,
  NODE_ENVS,
  PLATFORM_DEFAULTS,
  platformConfigShape,
  type LogLevel,
  type NodeEnv,
} from './platform-config';
