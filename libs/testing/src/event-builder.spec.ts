import { InstitutionRegisteredV1, eventEnvelopeSchema } from '@kipp/contracts';
import { buildEvent } from './event-builder';

describe('buildEvent', () => {
  it('should build a contract-valid message from the example with the overrides applied', () => {
    const event = buildEvent(InstitutionRegisteredV1, { institutionId: 'inst_9', code: '9' });
    const envelope = eventEnvelopeSchema.parse(JSON.parse(event.value));
    expect(envelope).toMatchObject({
      eventId: event.eventId,
      type: 'institution.registered',
      payload: { ...InstitutionRegisteredV1.example, institutionId: 'inst_9', code: '9' },
    });
    expect(event.key).toBe('inst_9');
  });

  it('should refuse overrides that break the contract', () => {
    expect(() => buildEvent(InstitutionRegisteredV1, { provinceCode: 'x' })).toThrow();
  });
});
