import { canResend, deliveryQuery, NO_FILTERS } from './delivery-api';

describe('delivery log filters', () => {
  it('should send only the filters given, days read in WIB with the last day included', () => {
    expect(deliveryQuery(NO_FILTERS)).toEqual({});
    expect(
      deliveryQuery({
        ...NO_FILTERS,
        status: 'failed',
        template: ' broadcast ',
        from: '2027-03-31',
        to: '2027-03-31',
      }),
    ).toEqual({
      status: 'failed',
      template: 'broadcast',
      from: '2027-03-30T17:00:00.000Z',
      to: '2027-03-31T17:00:00.000Z',
    });
  });

  it('should offer "send again" only for failed or interrupted email', () => {
    expect(canResend({ channel: 'email', status: 'failed' })).toBe(true);
    expect(canResend({ channel: 'email', status: 'interrupted' })).toBe(true);
    expect(canResend({ channel: 'email', status: 'sent' })).toBe(false);
    expect(canResend({ channel: 'inbox', status: 'failed' })).toBe(false);
  });
});
