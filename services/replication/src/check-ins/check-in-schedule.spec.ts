import { addMonths, checkInOutcome, hasLapsed, nextCheckIn } from './check-in-schedule';

const at = (iso: string) => new Date(iso);

describe('addMonths', () => {
  it('should keep the day of the month', () => {
    expect(addMonths(at('2027-07-15T03:00:00Z'), 12)).toEqual(at('2028-07-15T03:00:00Z'));
  });

  it('should end on the last day of a shorter month', () => {
    expect(addMonths(at('2027-01-31T00:00:00Z'), 1)).toEqual(at('2027-02-28T00:00:00Z'));
    expect(addMonths(at('2028-01-31T00:00:00Z'), 1)).toEqual(at('2028-02-29T00:00:00Z'));
  });
});

describe('nextCheckIn', () => {
  const award = at('2027-07-15T03:00:00Z');

  it('should open nothing before the interval has passed', () => {
    expect(nextCheckIn(award, null, at('2028-07-15T02:59:59Z'), 12)).toBeNull();
  });

  it('should open the first check-in an interval after the award, for that year', () => {
    expect(nextCheckIn(award, null, at('2028-07-16T00:00:00Z'), 12)).toEqual({
      scheduledAt: at('2028-07-15T03:00:00Z'),
      period: 2028,
    });
  });

  it('should open only the latest missed check-in after a long gap', () => {
    expect(nextCheckIn(award, null, at('2031-08-01T00:00:00Z'), 12)).toEqual({
      scheduledAt: at('2031-07-15T03:00:00Z'),
      period: 2031,
    });
  });

  it('should open the first check-in the given days after the award when that is set', () => {
    expect(nextCheckIn(award, null, at('2027-07-15T02:59:59Z'), 12, 0)).toBeNull();
    expect(nextCheckIn(award, null, at('2027-07-15T03:00:00Z'), 12, 0)).toEqual({
      scheduledAt: award,
      period: 2027,
    });
    expect(nextCheckIn(award, null, at('2027-10-20T00:00:00Z'), 12, 90)).toEqual({
      scheduledAt: at('2027-10-13T03:00:00Z'),
      period: 2027,
    });
  });

  it('should ask the later check-ins an interval apart, whatever the first one waited', () => {
    expect(nextCheckIn(award, 2027, at('2028-07-14T00:00:00Z'), 12, 0)).toBeNull();
    expect(nextCheckIn(award, 2027, at('2028-07-16T00:00:00Z'), 12, 0)).toEqual({
      scheduledAt: at('2028-07-15T03:00:00Z'),
      period: 2028,
    });
  });

  it('should give each check-in a later period even when the interval is short', () => {
    expect(nextCheckIn(at('2028-01-15T00:00:00Z'), 2028, at('2028-07-16T00:00:00Z'), 6)).toEqual({
      scheduledAt: at('2028-07-15T00:00:00Z'),
      period: 2029,
    });
  });
});

describe('checkInOutcome', () => {
  it('should be stopped when the innovation no longer runs, whatever else', () => {
    expect(checkInOutcome({ running: false, scaled: true })).toBe('stopped');
  });

  it('should be scaled or active when it runs', () => {
    expect(checkInOutcome({ running: true, scaled: true })).toBe('scaled');
    expect(checkInOutcome({ running: true })).toBe('active');
  });
});

describe('hasLapsed', () => {
  it('should flag N unanswered check-ins in a row', () => {
    expect(hasLapsed(['overdue', 'overdue', 'answered'], 2)).toBe(true);
  });

  it('should not flag when an answer breaks the run or there are too few', () => {
    expect(hasLapsed(['overdue', 'answered', 'overdue'], 2)).toBe(false);
    expect(hasLapsed(['overdue'], 2)).toBe(false);
  });
});
