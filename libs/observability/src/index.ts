// Tracing comes first so a service's `src/tracing.ts` starts the SDK before the modules
// below (and the service's own imports) are loaded.
export {
  shutdownTracing,
  startTracing,
  type SpanProcessor,
  type TracingHandle,
  type TracingOptions,
} from './tracing/start-tracing';
export { planTelemetryExport, type TelemetryExportPlan } from './tracing/telemetry-export-plan';
export { extractTraceContext, injectTraceHeaders } from './tracing/trace-headers';
export { HEALTH_CHECK_PATH_PREFIX, isHealthCheckPath } from './tracing/health-check-paths';
export {
  currentContext,
  newCorrelationId,
  runOutsideContext,
  runWithContext,
  type RequestContext,
} from './context/request-context';
export {
  correlationFields,
  createLogger,
  type CorrelationFields,
  type LoggerOptions,
} from './logging/create-logger';
export { REDACT_CENSOR, SECRET_KEYS, secretRedactionPaths } from './logging/redaction';
export {
  CORRELATION_ID_HEADER,
  correlationIdMiddleware,
  resolveCorrelationId,
} from './nest/correlation-id.middleware';
export {
  APP_LOGGER,
  InjectLogger,
  ObservabilityModule,
  useObservabilityLogger,
  type ObservabilityOptions,
} from './nest/observability.module';
export type { Logger } from 'pino';
