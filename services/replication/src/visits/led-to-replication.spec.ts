import { ledToReplication, type LinkTrace } from './led-to-replication';

const visit = { visitorInstitutionId: 'inst_b', visitedOn: '2028-02-12', confirmed: true };
const link = (over: Partial<LinkTrace> = {}): LinkTrace => ({
  adopterInstitutionId: 'inst_b',
  confirmation: 'pending',
  withdrawn: false,
  recordedAt: new Date('2028-03-01T00:00:00Z'),
  ...over,
});

describe('ledToReplication', () => {
  it('should be true when the visitor recorded a link after the visit', () => {
    expect(ledToReplication(visit, [link()])).toBe(true);
  });

  it('should count a link recorded on the day of the visit', () => {
    expect(ledToReplication(visit, [link({ recordedAt: new Date('2028-02-12T09:00:00Z') })])).toBe(
      true,
    );
  });

  it('should be false when the link was recorded before the visit', () => {
    expect(ledToReplication(visit, [link({ recordedAt: new Date('2028-01-01T00:00:00Z') })])).toBe(
      false,
    );
  });

  it('should be false when the visit is not confirmed', () => {
    expect(ledToReplication({ ...visit, confirmed: false }, [link()])).toBe(false);
  });

  it('should be false when the link belongs to another institution, is disputed or withdrawn', () => {
    expect(ledToReplication(visit, [link({ adopterInstitutionId: 'inst_c' })])).toBe(false);
    expect(ledToReplication(visit, [link({ confirmation: 'disputed' })])).toBe(false);
    expect(ledToReplication(visit, [link({ withdrawn: true })])).toBe(false);
  });
});
