import { nextDigestAt } from './notifier';

describe('nextDigestAt', () => {
  it('should pick 07:00 WIB today when it is still early morning in Jakarta', () => {
    // 05:00 WIB
    expect(nextDigestAt(new Date('2027-03-01T22:00:00Z'), 7, 7).toISOString()).toBe(
      '2027-03-02T00:00:00.000Z',
    );
  });

  it('should pick tomorrow once the hour has passed locally', () => {
    // 09:00 WIT = 00:00 UTC; the next 07:00 WIT is 22:00 UTC the same day
    expect(nextDigestAt(new Date('2027-03-02T00:00:00Z'), 9, 7).toISOString()).toBe(
      '2027-03-02T22:00:00.000Z',
    );
  });

  it('should never answer the current instant', () => {
    // exactly 07:00 WITA
    expect(nextDigestAt(new Date('2027-03-01T23:00:00Z'), 8, 7).toISOString()).toBe(
      '2027-03-02T23:00:00.000Z',
    );
  });
});
