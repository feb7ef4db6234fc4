import { InstitutionRegisteredV1, eventEnvelopeSchema } from '@kipp/contracts';
import { runWithContext } from '@kipp/observability';
import { createEvent, EVENT_HEADERS, InvalidEventPayloadError } from './pending-event';

describe('createEvent', () => {
  const payload = InstitutionRegisteredV1.example;

  it('should build an envelope that satisfies the contract, keyed by the aggregate id', () => {
    const event = createEvent(InstitutionRegisteredV1, payload, {
      now: new Date('2027-02-01T00:00:00Z'),
    });
    const envelope = eventEnvelopeSchema.parse(JSON.parse(event.value));
    expect(envelope).toMatchObject({
      type: 'institution.registered',
      version: 1,
      producer: 'registration',
      occurredAt: '2027-02-01T00:00:00.000Z',
      causationId: null,
      payload,
    });
    expect(event).toMatchObject({
      topic: InstitutionRegisteredV1.topic,
      key: payload.institutionId,
    });
    expect(event.headers[EVENT_HEADERS.eventId]).toBe(envelope.eventId);
  });

  it('should refuse a payload its consumers would dead-letter', () => {
    expect(() =>
      createEvent(InstitutionRegisteredV1, {
        ...payload,
        type: 'village',
      } as unknown as typeof payload),
    ).toThrow(InvalidEventPayloadError);
  });

  it('should carry the correlation and causation of the request or event being handled', () => {
    const event = runWithContext({ correlationId: 'corr-42', causationId: 'evt-7' }, () =>
      createEvent(InstitutionRegisteredV1, payload),
    );
    expect(JSON.parse(event.value)).toMatchObject({
      correlationId: 'corr-42',
      causationId: 'evt-7',
    });
    expect(event.headers[EVENT_HEADERS.correlationId]).toBe('corr-42');
  });

  it('should start a new correlation outside any request', () => {
    const first = JSON.parse(createEvent(InstitutionRegisteredV1, payload).value) as {
      correlationId: string;
    };
    const second = JSON.parse(createEvent(InstitutionRegisteredV1, payload).value) as {
      correlationId: string;
    };
    expect(first.correlationId).not.toBe(second.correlationId);
  });
});
