import { editionConfigurationExample, type EditionConfiguration } from '@kipp/contracts';
import { deskScoringWindow, isOpen, panelScoringWindow } from './scoring-window';

const configuration: EditionConfiguration = {
  ...editionConfigurationExample,
  calendar: [
    {
      phase: 'desk-evaluation',
      startsAt: '2027-04-20T01:00:00.000Z',
      endsAt: '2027-05-15T17:00:00.000Z',
    },
    { phase: 'plenary', startsAt: '2027-07-11T01:00:00.000Z', endsAt: '2027-07-12T01:00:00.000Z' },
    {
      phase: 'interview',
      startsAt: '2027-07-01T01:00:00.000Z',
      endsAt: '2027-07-10T01:00:00.000Z',
    },
  ],
};

describe('deskScoringWindow', () => {
  it('should close at the end of desk evaluation plus the grace minutes', () => {
    const window = deskScoringWindow(configuration, 45);

    expect(window.closesAt).toEqual(new Date('2027-05-15T17:45:00.000Z'));
    expect(isOpen(window, new Date('2027-05-15T17:45:00.000Z'))).toBe(true);
    expect(isOpen(window, new Date('2027-05-15T17:45:00.001Z'))).toBe(false);
  });

  it('should never be open when the calendar has no desk-evaluation phase', () => {
    const window = deskScoringWindow({ ...configuration, calendar: [] }, 45);

    expect(window).toEqual({ opensAt: null, closesAt: null });
    expect(isOpen(window, new Date('2027-05-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('panelScoringWindow', () => {
  it('should be open in the interview and plenary phases and name their span in the calendar', () => {
    const window = panelScoringWindow(configuration, 'plenary');

    expect(window).toEqual({
      opensAt: new Date('2027-07-01T01:00:00.000Z'),
      closesAt: new Date('2027-07-12T01:00:00.000Z'),
      openByPhase: true,
    });
    expect(isOpen(window, new Date('2027-06-30T23:59:59.000Z'))).toBe(true);
  });

  it('should be closed in any other phase whatever the clock says', () => {
    const window = panelScoringWindow(configuration, 'objection');

    expect(isOpen(window, new Date('2027-07-10T12:00:00.000Z'))).toBe(false);
  });
});
