import { eventEnvelopeSchema, type EventDescriptor, type EventEnvelope } from '@kipp/contracts';
import type { IncomingMessage } from '../broker/broker';
import type { DeadLetterReason } from './errors';

export type ParseResult<TPayload> =
  | { readonly ok: true; readonly event: EventEnvelope<TPayload> }
  | { readonly ok: false; readonly reason: DeadLetterReason; readonly detail: string };

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Parses a raw message against the envelope and the descriptor's payload schema. */
export function parseMessage<TPayload>(
  descriptor: EventDescriptor<TPayload>,
  message: IncomingMessage,
): ParseResult<TPayload> {
  if (!message.value || message.value.length === 0) {
    return { ok: false, reason: 'MALFORMED_MESSAGE', detail: 'empty message value' };
  }
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      reason: 'MALFORMED_MESSAGE',
      detail: `value is not JSON: ${(error as Error).message}`,
    };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return {
      ok: false,
      reason: 'CONTRACT_VIOLATION',
      detail: `envelope: ${describeIssues(envelope.error.issues)}`,
    };
  }
  if (envelope.data.type !== descriptor.type || envelope.data.version !== descriptor.version) {
    return {
      ok: false,
      reason: 'CONTRACT_VIOLATION',
      detail: `expected ${descriptor.type} v${descriptor.version}, got ${envelope.data.type} v${envelope.data.version}`,
    };
  }
  const payload = descriptor.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return {
      ok: false,
      reason: 'CONTRACT_VIOLATION',
      detail: `payload: ${describeIssues(payload.error.issues)}`,
    };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } };
}
