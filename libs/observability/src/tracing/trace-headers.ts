import {
  context as otelContext,
  propagation,
  ROOT_CONTEXT,
  type Context,
  type TextMapGetter,
} from '@opentelemetry/api';

/**
 * Writes W3C `traceparent`/`tracestate` (and `baggage`) for `ctx` into `carrier`, e.g.
 * the headers of a Kafka message. Pass the context captured when an outbox entry was
 * written so the relay continues that trace rather than its own.
 */
export function injectTraceHeaders(
  carrier: Record<string, string>,
  ctx: Context = otelContext.active(),
): Record<string, string> {
  propagation.inject(ctx, carrier);
  return carrier;
}

const headerGetter: TextMapGetter<Readonly<Record<string, string | undefined>>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/**
 * Reads the trace context from message headers. It starts from the root context, not the
 * active one, so a handler continues the producer's trace and nothing else.
 */
export function extractTraceContext(
  headers: Readonly<Record<string, string | undefined>>,
): Context {
  return propagation.extract(ROOT_CONTEXT, headers, headerGetter);
}
