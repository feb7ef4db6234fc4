import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import { CORRELATION_ID_HEADER, correlationIdMiddleware } from '@kipp/observability';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a client- or proxy-supplied id may look like: it is written into log lines and
 * forwarded to every service, so free text would allow log forging and unbounded lines.
 * The same rule as correlation ids.
 */
const WELL_FORMED_ID = /^[\w.:-]{1,128}$/;

export function isWellFormedId(value: unknown): value is string {
  return typeof value === 'string' && WELL_FORMED_ID.test(value);
}

/** The incoming `X-Request-Id` when well formed (one header, id characters), else a new one. */
export function resolveRequestId(header: string | string[] | undefined): string {
  return isWellFormedId(header) ? header : randomUUID();
}

/** The request id the gateway settled on (after `requestIdMiddleware`). */
export function requestIdOf(req: IncomingMessage): string {
  const value = req.headers[REQUEST_ID_HEADER];
  return typeof value === 'string' ? value : '';
}

/**
 * First in the gateway's chain: settles the request id, returns it, makes it the
 * correlation id of the flow unless the client brought one of its own, records it on the
 * request's trace, and runs the rest of the request in that correlation context, so every
 * log line of the gateway and of the services it reaches can be found by it.
 */
export function requestIdMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = resolveRequestId(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  if (!isWellFormedId(req.headers[CORRELATION_ID_HEADER])) {
    req.headers[CORRELATION_ID_HEADER] = requestId;
  }
  res.setHeader('X-Request-Id', requestId);
  trace.getActiveSpan()?.setAttribute('http.request.header.x-request-id', [requestId]);
  correlationIdMiddleware(req, res, next);
}
