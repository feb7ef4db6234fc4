import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { currentContext, startTracing, type TracingHandle } from '@kipp/observability';
import { requestIdMiddleware, resolveRequestId } from './request-id';

describe('resolveRequestId', () => {
  it.each(['3f2c9a1e-8d7b-4c1e-9a55-0b6f1c2d3e4f', 'abc123', 'nginx.1-67891233-abc:01_y'])(
    'should keep the incoming id %s when it is well formed',
    (id) => {
      expect(resolveRequestId(id)).toBe(id);
    },
  );

  it.each([
    ['none', undefined],
    ['empty', ''],
    ['free text', 'hello world'],
    ['a forged log line', 'id\n{"level":"fatal"}'],
    ['too long', 'x'.repeat(129)],
    ['several headers', ['a', 'b']],
  ])('should make a new id when the incoming one is %s', (_name, header) => {
    const id = resolveRequestId(header);

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('should make a different id for every request that brings none', () => {
    expect(resolveRequestId(undefined)).not.toBe(resolveRequestId(undefined));
  });
});

describe('requestIdMiddleware', () => {
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor(exporter);
  let tracing: TracingHandle;

  beforeAll(() => {
    tracing = startTracing({ serviceName: 'gateway-test', spanProcessors: [processor] });
  });

  afterAll(() => tracing.shutdown());

  function exchange(headers: Record<string, string>) {
    const sent: Record<string, string> = {};
    const req = { headers: { ...headers } } as unknown as IncomingMessage;
    const res = {
      setHeader: (name: string, value: string) => {
        sent[name.toLowerCase()] = value;
      },
    } as unknown as ServerResponse;
    return { req, res, sent };
  }

  it('should return the id, pass it on and make it the correlation id when the client has none', () => {
    const { req, res, sent } = exchange({ 'x-request-id': 'req-42' });
    let correlationId: string | undefined;

    requestIdMiddleware(req, res, () => {
      correlationId = currentContext()?.correlationId;
    });

    expect(sent['x-request-id']).toBe('req-42');
    expect(req.headers['x-request-id']).toBe('req-42');
    expect(req.headers['x-correlation-id']).toBe('req-42');
    expect(correlationId).toBe('req-42');
  });

  it('should keep a correlation id the client brought alongside its request id', () => {
    const { req, res } = exchange({ 'x-request-id': 'req-43', 'x-correlation-id': 'flow-7' });
    let correlationId: string | undefined;

    requestIdMiddleware(req, res, () => {
      correlationId = currentContext()?.correlationId;
    });

    expect(req.headers['x-request-id']).toBe('req-43');
    expect(correlationId).toBe('flow-7');
  });

  it('should record the id on the request’s span', async () => {
    const { req, res } = exchange({ 'x-request-id': 'req-44' });

    trace.getTracer('test').startActiveSpan('GET /api/registration/editions', (span) => {
      requestIdMiddleware(req, res, () => undefined);
      span.end();
    });
    await processor.forceFlush();

    const span = exporter
      .getFinishedSpans()
      .find((s) => s.name === 'GET /api/registration/editions');
    expect(span?.attributes['http.request.header.x-request-id']).toEqual(['req-44']);
  });
});
