import {
  crossedThresholds,
  envStalledThresholds,
  parseStalledThresholds,
} from './stalled-thresholds';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('stalled thresholds', () => {
  const defaults = envStalledThresholds('7d,3d,1d,3h').parse(undefined);

  it('should parse the default list largest first when the variable is unset', () => {
    expect(defaults.map((threshold) => threshold.name)).toEqual(['7d', '3d', '1d', '3h']);
    expect(defaults.map((threshold) => threshold.beforeCloseMs)).toEqual([
      7 * DAY,
      3 * DAY,
      DAY,
      3 * HOUR,
    ]);
  });

  it('should sort and trim a list given in any order', () => {
    const parsed = parseStalledThresholds(' 30m, 2d ,12h');
    expect(parsed).toEqual({
      ok: true,
      thresholds: [
        { name: '2d', beforeCloseMs: 2 * DAY },
        { name: '12h', beforeCloseMs: 12 * HOUR },
        { name: '30m', beforeCloseMs: 30 * 60_000 },
      ],
    });
  });

  it.each(['', '7x', '0h', '3d,72h', 'soon', '-1d'])(
    'should refuse %j when it is not a list of positive distinct durations',
    (value) => {
      expect(parseStalledThresholds(value).ok).toBe(false);
      expect(envStalledThresholds('1d').safeParse(value).success).toBe(false);
    },
  );

  describe('crossed at a given instant', () => {
    const closesAt = new Date('2027-03-31T16:59:59.000Z');
    const at = (msBeforeClose: number) => new Date(closesAt.getTime() - msBeforeClose);
    const names = (now: Date) => crossedThresholds(defaults, closesAt, now).map((t) => t.name);

    it('should cross none when the close is further away than the largest threshold', () => {
      expect(names(at(7 * DAY + 1))).toEqual([]);
    });

    it('should cross a threshold exactly at its instant', () => {
      expect(names(at(7 * DAY))).toEqual(['7d']);
    });

    it('should cross every larger threshold too when the scan comes late', () => {
      expect(names(at(2 * DAY))).toEqual(['7d', '3d']);
      expect(names(at(2 * HOUR))).toEqual(['7d', '3d', '1d', '3h']);
    });

    it('should cross none once the close has passed', () => {
      expect(names(closesAt)).toEqual([]);
      expect(names(at(-HOUR))).toEqual([]);
    });
  });
});
