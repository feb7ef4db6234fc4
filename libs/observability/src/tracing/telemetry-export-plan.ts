/** Which signals are exported; the OTel SDK picks the exporters from `OTEL_*` itself. */
export interface TelemetryExportPlan {
  readonly traces: boolean;
  readonly metrics: boolean;
  readonly logs: boolean;
}

type Signal = 'TRACES' | 'METRICS' | 'LOGS';

/**
 * A signal is exported only when the environment asks for it, through its
 * `OTEL_<SIGNAL>_EXPORTER` or an OTLP endpoint. The SDK alone would default every signal
 * to OTLP on localhost:4318 and log a connection error per batch on a laptop without a
 * collector.
 */
export function planTelemetryExport(
  env: Readonly<Record<string, string | undefined>>,
): TelemetryExportPlan {
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const wanted = (signal: Signal) =>
    isSet(`OTEL_${signal}_EXPORTER`) ||
    isSet('OTEL_EXPORTER_OTLP_ENDPOINT') ||
    isSet(`OTEL_EXPORTER_OTLP_${signal}_ENDPOINT`);
  return { traces: wanted('TRACES'), metrics: wanted('METRICS'), logs: wanted('LOGS') };
}
