import {
  nextBoundaryAfter,
  renderInZone,
  scheduledPhaseAt,
  shiftCalendarByYears,
  type CalendarEntry,
} from './edition-calendar';
import { editionSettingsInput } from './edition.input';
import { editionConfigurationExample } from '@kipp/contracts';

const calendar: CalendarEntry[] = [
  {
    phase: 'registration',
    startsAt: '2027-01-06T01:00:00.000Z',
    endsAt: '2027-02-01T01:00:00.000Z',
  },
  // A gap of a day between the two phases.
  { phase: 'submission', startsAt: '2027-02-02T01:00:00.000Z', endsAt: '2027-03-31T16:59:59.000Z' },
];

describe('edition calendar', () => {
  it('should be in no phase before the first one starts', () => {
    expect(scheduledPhaseAt(calendar, new Date('2027-01-06T00:59:59.999Z'))).toBeNull();
  });

  it('should enter a phase at its start instant', () => {
    expect(scheduledPhaseAt(calendar, new Date('2027-01-06T01:00:00.000Z'))).toBe('registration');
  });

  it('should keep the last phase in a gap and after the calendar ends', () => {
    expect(scheduledPhaseAt(calendar, new Date('2027-02-01T12:00:00.000Z'))).toBe('registration');
    expect(scheduledPhaseAt(calendar, new Date('2028-01-01T00:00:00.000Z'))).toBe('submission');
  });

  it('should name the next phase start as the next boundary, and none after the last', () => {
    expect(nextBoundaryAfter(calendar, new Date('2027-01-10T00:00:00.000Z'))).toEqual(
      new Date('2027-02-02T01:00:00.000Z'),
    );
    expect(nextBoundaryAfter(calendar, new Date('2027-03-01T00:00:00.000Z'))).toBeNull();
  });

  it('should show an instant in WIB, WITA and WIT with the zone offset', () => {
    const close = '2027-03-31T16:59:59.000Z';
    expect(renderInZone(close, 'WIB')).toBe('2027-03-31T23:59:59.000+07:00');
    expect(renderInZone(close, 'WITA')).toBe('2027-04-01T00:59:59.000+08:00');
    expect(renderInZone(close, 'WIT')).toBe('2027-04-01T01:59:59.000+09:00');
  });

  it('should move a calendar by whole years keeping the time of day', () => {
    expect(shiftCalendarByYears(calendar, 1)[1]).toEqual({
      phase: 'submission',
      startsAt: '2028-02-02T01:00:00.000Z',
      endsAt: '2028-03-31T16:59:59.000Z',
    });
  });

  it('should take instants written in WIT and store them in UTC', () => {
    const { editionId: _ignored, ...settings } = editionConfigurationExample;
    const parsed = editionSettingsInput.parse({
      ...settings,
      calendar: [
        {
          phase: 'registration',
          startsAt: '2027-01-06T10:00:00+09:00',
          endsAt: '2027-02-01T08:00:00+07:00',
        },
      ],
    });
    expect(parsed.calendar[0]).toEqual({
      phase: 'registration',
      startsAt: '2027-01-06T01:00:00.000Z',
      endsAt: '2027-02-01T01:00:00.000Z',
    });
  });

  it('should refuse an offset that is not UTC, WIB, WITA or WIT', () => {
    const { editionId: _ignored, ...settings } = editionConfigurationExample;
    const result = editionSettingsInput.safeParse({
      ...settings,
      calendar: [
        {
          phase: 'registration',
          startsAt: '2027-01-06T10:00:00+05:30',
          endsAt: '2027-02-01T01:00:00Z',
        },
      ],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'calendar.0.startsAt',
    ]);
  });
});
