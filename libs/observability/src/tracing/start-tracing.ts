import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { isHealthCheckPath } from './health-check-paths';
import { planTelemetryExport } from './telemetry-export-plan';

export type SpanProcessor = NonNullable<NodeSDKConfiguration['spanProcessors']>[number];

export interface TracingOptions {
  readonly serviceName: string;
  /** Replaces the exporters chosen from `OTEL_*`; tests pass an in-memory processor. */
  readonly spanProcessors?: SpanProcessor[];
}

export interface TracingHandle {
  /** Flushes pending spans and stops the SDK. Safe to call more than once. */
  shutdown(): Promise<void>;
}

/**
 * Keeps spans recording (so logs and Kafka headers carry real trace ids) while exporting
 * nothing, for runs where no exporter is configured.
 */
const discardingSpanProcessor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let running: TracingHandle | undefined;

/**
 * Starts OpenTelemetry for this process. Call it before anything else is imported (a
 * service's `src/tracing.ts`, imported first by `main.ts`): instrumentations only patch
 * modules loaded after them. A second call returns the first handle, because the
 * OpenTelemetry API accepts one global provider per process.
 */
export function startTracing(options: TracingOptions): TracingHandle {
  if (running) {
    return running;
  }
  // The one read of process.env outside @kipp/config: the OTel SDK reads the standard
  // OTEL_* variables itself, and tracing has to start before the service parses its
  // config, so this only asks which signals the SDK should be allowed to export.
  // eslint-disable-next-line no-restricted-properties
  const env = process.env;
  const plan = planTelemetryExport(env);

  const sdk = new NodeSDK({
    // The standard variable wins, as the OTel spec says; the code's name is the default.
    serviceName: env['OTEL_SERVICE_NAME'] ?? options.serviceName,
    instrumentations: [
      getNodeAutoInstrumentations({
        '@opentelemetry/instrumentation-fs': { enabled: false },
        '@opentelemetry/instrumentation-dns': { enabled: false },
        '@opentelemetry/instrumentation-net': { enabled: false },
        // createLogger's mixin already writes trace_id/span_id. This instrumentation would
        // add them a second time, and it cannot patch pino anyway: pino is loaded with this
        // library's index, before startTracing runs. Logs leave through stdout.
        '@opentelemetry/instrumentation-pino': { enabled: false },
        // @kipp/messaging instruments Kafka itself: the outbox relay publishes long after
        // the request, and only it knows each event's original trace context. The kafkajs
        // instrumentation would parent every batch on the relay and overwrite traceparent.
        '@opentelemetry/instrumentation-kafkajs': { enabled: false },
        '@opentelemetry/instrumentation-http': {
          ignoreIncomingRequestHook: (request) => isHealthCheckPath(request.url),
        },
      }),
    ],
    textMapPropagator: new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
    spanProcessors: options.spanProcessors ?? (plan.traces ? undefined : [discardingSpanProcessor]),
    ...(plan.metrics ? {} : { metricReaders: [] }),
    ...(plan.logs ? {} : { logRecordProcessors: [] }),
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  running = {
    shutdown: () => (stopping ??= sdk.shutdown()),
  };
  return running;
}

/** Flushes and stops tracing if `startTracing` ran; a no-op otherwise. */
export function shutdownTracing(): Promise<void> {
  return running?.shutdown() ?? Promise.resolve();
}
