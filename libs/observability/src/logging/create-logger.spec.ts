import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { DestinationStream } from 'pino';
import { runWithContext } from '../context/request-context';
import { startTracing, type TracingHandle } from '../tracing/start-tracing';
import { createLogger } from './create-logger';

function memoryDestination() {
  const lines: Record<string, unknown>[] = [];
  const destination: DestinationStream = {
    write: (line: string) => {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  return { lines, destination };
}

describe('createLogger', () => {
  let tracing: TracingHandle;

  beforeAll(() => {
    tracing = startTracing({
      serviceName: 'logger-test',
      spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())],
    });
  });

  afterAll(() => tracing.shutdown());

  it('should write one JSON line with service, level label and ISO time', () => {
    const { lines, destination } = memoryDestination();

    createLogger({ service: 'submissions', level: 'info', destination }).info('hello');

    expect(lines).toEqual([
      expect.objectContaining({ service: 'submissions', level: 'info', msg: 'hello' }),
    ]);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('should add trace and span ids when a span is active', () => {
    const { lines, destination } = memoryDestination();
    const logger = createLogger({ service: 'submissions', level: 'info', destination });

    const ids = trace.getTracer('test').startActiveSpan('work', (span) => {
      logger.info('inside a span');
      span.end();
      return span.spanContext();
    });

    expect(lines[0]).toMatchObject({ trace_id: ids.traceId, span_id: ids.spanId });
  });

  it('should add correlation and causation ids when a context is current', async () => {
    const { lines, destination } = memoryDestination();
    const logger = createLogger({ service: 'submissions', level: 'info', destination });

    await runWithContext({ correlationId: 'corr-1', causationId: 'event-9' }, async () => {
      await Promise.resolve();
      logger.child({ component: 'consumer' }).info('handled');
    });

    expect(lines[0]).toMatchObject({
      correlation_id: 'corr-1',
      causation_id: 'event-9',
      component: 'consumer',
    });
  });

  it('should leave the correlation fields out when there is no span and no context', () => {
    const { lines, destination } = memoryDestination();

    createLogger({ service: 'submissions', level: 'info', destination }).info('background');

    expect(Object.keys(lines[0] ?? {})).toEqual(['level', 'time', 'service', 'msg']);
  });

  it('should redact secrets at any depth when they are logged', () => {
    const { lines, destination } = memoryDestination();
    const logger = createLogger({ service: 'registration', level: 'info', destination });

    logger.info(
      {
        password: 'p0',
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'x-api-key': 'k' } },
        res: { headers: { 'set-cookie': ['sid=2'] } },
        body: { account: { credentials: { refreshToken: 'r', apiKey: 'a', secret: 's' } } },
        user: { name: 'Sri', token: 't' },
      },
      'login',
    );

    const line = JSON.stringify(lines[0]);
    for (const secret of [
      'p0',
      'Bearer abc',
      'sid=1',
      'sid=2',
      '"r"',
      '"a"',
      '"s"',
      '"t"',
      '"k"',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({
      req: { headers: { authorization: '[REDACTED]', cookie: '[REDACTED]' } },
      body: { account: { credentials: { refreshToken: '[REDACTED]' } } },
      user: { name: 'Sri', token: '[REDACTED]' },
    });
  });

  it('should redact secrets bound to a child logger', () => {
    const { lines, destination } = memoryDestination();
    const logger = createLogger({ service: 'registration', level: 'info', destination });

    logger.child({ req: { headers: { authorization: 'Bearer child' } } }).info('request');

    expect(JSON.stringify(lines[0])).not.toContain('Bearer child');
  });

  it('should drop lines below the level when the level is raised', () => {
    const { lines, destination } = memoryDestination();
    const logger = createLogger({ service: 'submissions', level: 'warn', destination });

    logger.info('quiet');
    logger.warn('loud');

    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});
