import { planTelemetryExport } from './telemetry-export-plan';

describe('planTelemetryExport', () => {
  it('should export nothing when no exporter or endpoint is configured', () => {
    expect(planTelemetryExport({})).toEqual({ traces: false, metrics: false, logs: false });
  });

  it('should export every signal when a general OTLP endpoint is set', () => {
    expect(planTelemetryExport({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      traces: true,
      metrics: true,
      logs: true,
    });
  });

  it('should export only traces when only the traces exporter is chosen', () => {
    expect(planTelemetryExport({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({
      traces: true,
      metrics: false,
      logs: false,
    });
  });

  it('should export a signal when only its own endpoint is set', () => {
    expect(
      planTelemetryExport({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://collector:4318' }),
    ).toEqual({ traces: false, metrics: true, logs: false });
  });

  it('should ignore a variable when it is blank', () => {
    expect(planTelemetryExport({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).traces).toBe(false);
  });
});
