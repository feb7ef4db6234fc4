import type { IncomingMessage, ServerResponse } from 'node:http';
import { currentContext } from '../context/request-context';
import { correlationIdMiddleware, resolveCorrelationId } from './correlation-id.middleware';

function fakeExchange(headers: Record<string, string> = {}) {
  const responseHeaders: Record<string, string> = {};
  const request = { headers } as unknown as IncomingMessage;
  const response = {
    setHeader: (name: string, value: string) => {
      responseHeaders[name] = value;
    },
  } as unknown as ServerResponse;
  return { request, response, responseHeaders };
}

describe('correlation id middleware', () => {
  it('should keep the client correlation id and echo it when the header is acceptable', () => {
    const { request, response, responseHeaders } = fakeExchange({ 'x-correlation-id': 'abc-123' });
    let seen: string | undefined;

    correlationIdMiddleware(request, response, () => {
      seen = currentContext()?.correlationId;
    });

    expect(seen).toBe('abc-123');
    expect(responseHeaders['x-correlation-id']).toBe('abc-123');
  });

  it('should generate an id when the client sends none', () => {
    const { request, response, responseHeaders } = fakeExchange();

    correlationIdMiddleware(request, response, () => undefined);

    expect(responseHeaders['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([['with spaces and {"json"}'], ['x'.repeat(129)]])(
    'should replace the client id when it is not an id (%#)',
    (header) => {
      const { request, response, responseHeaders } = fakeExchange({ 'x-correlation-id': header });

      correlationIdMiddleware(request, response, () => undefined);

      expect(responseHeaders['x-correlation-id']).not.toBe(header);
    },
  );

  it('should return the same id for one request when resolved twice', () => {
    const { request, response } = fakeExchange();

    expect(resolveCorrelationId(request, response)).toBe(resolveCorrelationId(request, response));
  });

  it('should start without a causation id when a request comes from outside', () => {
    const { request, response } = fakeExchange();
    let causationId: string | null | undefined;

    correlationIdMiddleware(request, response, () => {
      causationId = currentContext()?.causationId;
    });

    expect(causationId).toBeNull();
  });
});
