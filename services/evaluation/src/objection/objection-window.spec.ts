import { editionConfigurationExample } from '@kipp/contracts';
import { phaseWindow } from '../edition/evaluated-edition';
import { formatWib, windowInWib } from './objection-window';

const window = {
  startsAt: new Date('2027-06-03T03:00:00Z'),
  endsAt: new Date('2027-06-08T03:00:00Z'),
};

describe('objection window', () => {
  it('should be closed when the calendar has no objection phase', () => {
    const none = phaseWindow(editionConfigurationExample, 'objection');
    expect(none).toBeNull();
    expect(windowInWib(none)).toBeNull();
  });

  it('should read the objection phase from the calendar when it has one', () => {
    const found = phaseWindow(
      {
        ...editionConfigurationExample,
        calendar: [
          {
            phase: 'objection',
            startsAt: '2027-06-03T03:00:00.000Z',
            endsAt: '2027-06-08T03:00:00.000Z',
          },
        ],
      },
      'objection',
    );
    expect(found).toEqual(window);
  });

  it('should name the window in WIB (UTC+7) when formatting', () => {
    expect(formatWib(new Date('2027-06-03T20:30:00Z'))).toBe('2027-06-04 03:30 WIB');
    expect(windowInWib(window)).toEqual({
      startsAt: '2027-06-03 10:00 WIB',
      endsAt: '2027-06-08 10:00 WIB',
    });
  });
});
