import {
  isWithUnit,
  MANUAL_NUDGE_INTERVAL_MS,
  nextManualNudgeAt,
  nudgeMessage,
  nudgeRefusal,
} from './manual-nudge';

const now = new Date('2027-03-20T02:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('manual nudge rules', () => {
  it.each([
    ['draft', true],
    ['returned', true],
    ['submitted', false],
    ['forwarded', false],
    ['withdrawn', false],
  ] as const)('should treat a %s proposal as with the unit: %s', (status, expected) => {
    expect(isWithUnit({ status })).toBe(expected);
  });

  it('should allow a nudge when the proposal was never nudged by hand', () => {
    expect(nudgeRefusal({ status: 'draft', manualNudgedAt: null }, now)).toBeNull();
  });

  it('should allow the next nudge exactly a day after the last one', () => {
    const last = ago(MANUAL_NUDGE_INTERVAL_MS);
    expect(nudgeRefusal({ status: 'returned', manualNudgedAt: last }, now)).toBeNull();
    expect(nextManualNudgeAt(last)).toEqual(now);
  });

  it('should refuse a second nudge within the day and say when the next is possible', () => {
    const last = ago(MANUAL_NUDGE_INTERVAL_MS - 1);
    expect(nudgeRefusal({ status: 'draft', manualNudgedAt: last }, now)).toEqual({
      reason: 'too-soon',
      lastNudgedAt: last,
      nextAllowedAt: new Date(now.getTime() + 1),
    });
  });

  it('should refuse a proposal no longer with the unit before looking at the last nudge', () => {
    expect(nudgeRefusal({ status: 'submitted', manualNudgedAt: ago(1) }, now)).toEqual({
      reason: 'not-with-unit',
    });
  });

  it('should trim the message and treat a blank one as none', () => {
    expect(nudgeMessage('  Mohon dilengkapi.  ')).toBe('Mohon dilengkapi.');
    expect(nudgeMessage('   ')).toBeNull();
    expect(nudgeMessage(undefined)).toBeNull();
  });
});
