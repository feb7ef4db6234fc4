import { InstitutionRegisteredV1, SigningKeyPublishedV1 } from '@kipp/contracts';
import type { IncomingMessage } from '../broker/broker';
import { parseMessage } from './parse-message';

function messageOf(value: unknown): IncomingMessage {
  return {
    topic: InstitutionRegisteredV1.topic,
    partition: 0,
    offset: '7',
    key: 'inst_1',
    value:
      value === null
        ? null
        : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: {},
  };
}

const envelope = {
  eventId: '5f0b8a0e-2b7c-4a55-9c49-4d1f0b7c9b11',
  type: InstitutionRegisteredV1.type,
  version: 1,
  occurredAt: '2027-01-15T02:00:00.000Z',
  producer: 'registration',
  correlationId: 'corr-1',
  causationId: null,
  payload: InstitutionRegisteredV1.example,
};

describe('parseMessage', () => {
  it('should return the typed event when envelope and payload satisfy the contract', () => {
    const result = parseMessage(InstitutionRegisteredV1, messageOf(envelope));
    expect(result).toEqual({ ok: true, event: envelope });
  });

  it('should reject an empty value as malformed', () => {
    expect(parseMessage(InstitutionRegisteredV1, messageOf(null))).toMatchObject({
      ok: false,
      reason: 'MALFORMED_MESSAGE',
    });
  });

  it('should reject a value that is not JSON as malformed', () => {
    expect(parseMessage(InstitutionRegisteredV1, messageOf('{not json'))).toMatchObject({
      ok: false,
      reason: 'MALFORMED_MESSAGE',
    });
  });

  it('should reject an envelope without an event id as a contract violation', () => {
    const { eventId: _eventId, ...withoutId } = envelope;
    const result = parseMessage(InstitutionRegisteredV1, messageOf(withoutId));
    expect(result).toMatchObject({ ok: false, reason: 'CONTRACT_VIOLATION' });
    expect(result.ok ? '' : result.detail).toContain('eventId');
  });

  it('should reject an event of another type on the topic', () => {
    const other = {
      ...envelope,
      type: SigningKeyPublishedV1.type,
      payload: SigningKeyPublishedV1.example,
    };
    expect(parseMessage(InstitutionRegisteredV1, messageOf(other))).toMatchObject({
      ok: false,
      reason: 'CONTRACT_VIOLATION',
      detail: expect.stringContaining('expected institution.registered v1') as unknown,
    });
  });

  it('should reject a payload that breaks the schema, naming the field', () => {
    const bad = { ...envelope, payload: { ...InstitutionRegisteredV1.example, type: 'village' } };
    const result = parseMessage(InstitutionRegisteredV1, messageOf(bad));
    expect(result).toMatchObject({ ok: false, reason: 'CONTRACT_VIOLATION' });
    expect(result.ok ? '' : result.detail).toContain('payload: type');
  });
});
