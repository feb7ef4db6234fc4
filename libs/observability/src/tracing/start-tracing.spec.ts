import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTracing, type TracingHandle } from './start-tracing';
import { extractTraceContext, injectTraceHeaders } from './trace-headers';

describe('startTracing', () => {
  const exporter = new InMemorySpanExporter();
  // Detected resource attributes resolve asynchronously, and the processor holds each
  // span until they do; tests flush it before reading the exporter.
  const processor = new SimpleSpanProcessor(exporter);
  let tracing: TracingHandle;

  beforeAll(() => {
    tracing = startTracing({ serviceName: 'observability-test', spanProcessors: [processor] });
  });

  afterAll(() => tracing.shutdown());

  beforeEach(() => {
    exporter.reset();
  });

  it('should return the running handle when called a second time', () => {
    expect(startTracing({ serviceName: 'other' })).toBe(tracing);
  });

  it('should hand finished spans to the given processors with the service name', async () => {
    trace.getTracer('test').startActiveSpan('work', (span) => {
      span.end();
    });
    await processor.forceFlush();

    const [finished] = exporter.getFinishedSpans();
    expect(finished?.name).toBe('work');
    expect(finished?.resource.attributes['service.name']).toBe('observability-test');
  });

  describe('trace headers', () => {
    it('should give the consumer the producer trace id when headers round-trip', async () => {
      const tracer = trace.getTracer('test');
      const headers = tracer.startActiveSpan('publish', (span) => {
        const carrier = injectTraceHeaders({});
        span.end();
        return { carrier, traceId: span.spanContext().traceId, spanId: span.spanContext().spanId };
      });

      expect(headers.carrier.traceparent).toBe(`00-${headers.traceId}-${headers.spanId}-01`);

      const consumed = tracer.startSpan('consume', {}, extractTraceContext(headers.carrier));
      consumed.end();

      expect(consumed.spanContext().traceId).toBe(headers.traceId);
      await processor.forceFlush();
      const consumer = exporter.getFinishedSpans().find((span) => span.name === 'consume');
      expect(consumer?.parentSpanContext?.spanId).toBe(headers.spanId);
    });

    it('should inject the context it is given rather than the active one', () => {
      const tracer = trace.getTracer('test');
      const earlier = tracer.startSpan('write-outbox');
      const savedContext = trace.setSpan(context.active(), earlier);
      earlier.end();

      const carrier = tracer.startActiveSpan('relay', (relay) => {
        const written = injectTraceHeaders({}, savedContext);
        relay.end();
        return written;
      });

      expect(carrier.traceparent).toContain(earlier.spanContext().traceId);
    });

    it('should start a new trace when the headers carry none', () => {
      const span = trace.getTracer('test').startSpan('consume', {}, extractTraceContext({}));
      span.end();

      expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
      expect(span.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('should ignore the active span when extracting', () => {
      trace.getTracer('test').startActiveSpan('unrelated', (span) => {
        expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
        span.end();
      });
    });
  });
});
