import type { Redis } from 'ioredis';
import { SmtpRateGate } from './smtp-rate-gate';

describe('SmtpRateGate.waitBeforeSend', () => {
  const gate = new SmtpRateGate({} as Redis, 'notifications:test:smtp-rate:', 4);

  it('should let a send start at once early in a second', () => {
    expect(gate.waitBeforeSend(new Date('2027-03-01T00:00:00.250Z'))).toBe(0);
  });

  it('should hold a send that would start late in a second until the next one begins', () => {
    expect(gate.waitBeforeSend(new Date('2027-03-01T00:00:00.850Z'))).toBe(150);
  });

  it('should name the next second as the window a refused mail retries in', () => {
    expect(gate.nextWindow(new Date('2027-03-01T00:00:00.850Z')).toISOString()).toBe(
      '2027-03-01T00:00:01.000Z',
    );
  });
});
