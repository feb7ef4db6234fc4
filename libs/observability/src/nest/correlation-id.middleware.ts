import type { IncomingMessage, ServerResponse } from 'node:http';
import { newCorrelationId, runWithContext } from '../context/request-context';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/**
 * Accepted from clients only when it looks like an id: a header is written into every
 * log line of the request, so free text would allow log forging and unbounded lines.
 */
const ACCEPTABLE_CORRELATION_ID = /^[\w.:-]{1,128}$/;

const correlationIds = new WeakMap<IncomingMessage, string>();

/**
 * The correlation id of a request: the client's `x-correlation-id` when acceptable, a new
 * one otherwise; echoed on the response. Idempotent per request, so the request logger
 * and the middleware agree whichever of them runs first.
 */
export function resolveCorrelationId(request: IncomingMessage, response: ServerResponse): string {
  const known = correlationIds.get(request);
  if (known !== undefined) {
    return known;
  }
  const header = request.headers[CORRELATION_ID_HEADER];
  const correlationId =
    typeof header === 'string' && ACCEPTABLE_CORRELATION_ID.test(header)
      ? header
      : newCorrelationId();
  correlationIds.set(request, correlationId);
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  return correlationId;
}

/** Runs the rest of the request inside its context, so every log line carries the id. */
export function correlationIdMiddleware(
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void {
  const correlationId = resolveCorrelationId(request, response);
  runWithContext({ correlationId, causationId: null }, next);
}
