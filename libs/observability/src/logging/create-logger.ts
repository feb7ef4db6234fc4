import { isSpanContextValid, trace } from '@opentelemetry/api';
import {
  pino,
  stdTimeFunctions,
  type DestinationStream,
  type LevelWithSilent,
  type Logger,
} from 'pino';
import { currentContext } from '../context/request-context';
import { REDACT_CENSOR, secretRedactionPaths } from './redaction';

export interface LoggerOptions {
  readonly service: string;
  readonly level: LevelWithSilent;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/** Fields that tie a log line to its trace and its request or event. */
export interface CorrelationFields {
  trace_id?: string;
  span_id?: string;
  correlation_id?: string;
  causation_id?: string;
}

export function correlationFields(): CorrelationFields {
  const fields: CorrelationFields = {};
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && isSpanContextValid(spanContext)) {
    fields.trace_id = spanContext.traceId;
    fields.span_id = spanContext.spanId;
  }
  const ctx = currentContext();
  if (ctx) {
    fields.correlation_id = ctx.correlationId;
    if (ctx.causationId !== null) {
      fields.causation_id = ctx.causationId;
    }
  }
  return fields;
}

/**
 * A pino logger writing one JSON object per line, with `service`, the active trace and
 * span ids and the current correlation id on every line, and secrets redacted.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: correlationFields,
      redact: { paths: secretRedactionPaths(), censor: REDACT_CENSOR },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
