import { isSpanContextValid, trace } from '@opentelemetry/api';
import { startTracing, type TracingHandle } from './start-tracing';

// Its own file: the OpenTelemetry API takes one global provider per process (per jest
// test file here), and this case must start tracing the way a laptop run does.
describe('startTracing without an exporter configured', () => {
  let tracing: TracingHandle;

  beforeAll(() => {
    for (const name of Object.keys(process.env).filter((key) => key.startsWith('OTEL_'))) {
      Reflect.deleteProperty(process.env, name);
    }
    tracing = startTracing({ serviceName: 'local-run' });
  });

  afterAll(() => tracing.shutdown());

  it('should still record spans with real trace ids for logs and Kafka headers', () => {
    trace.getTracer('test').startActiveSpan('work', (span) => {
      expect(span.isRecording()).toBe(true);
      expect(isSpanContextValid(span.spanContext())).toBe(true);
      span.end();
    });
  });

  it('should resolve when shut down twice', async () => {
    await tracing.shutdown();
    await expect(tracing.shutdown()).resolves.toBeUndefined();
  });
});
