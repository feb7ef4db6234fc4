export { ConfigError, type ConfigIssue } from './config-error';
export { loadConfig, type Environment } from './load-config';
export {
  envBool,
  envDuration,
  envEnum,
  envInt,
  envList,
  envPort,
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
