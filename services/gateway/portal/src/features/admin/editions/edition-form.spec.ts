import { editionConfigurationSchema } from '@kipp/contracts';
import { ApiError } from '../../../api/api-error';
import {
  fieldIssues,
  fromZonedInput,
  issuesAt,
  removePhase,
  setPhaseTime,
  starterSettings,
  toZonedInput,
  weightTotal,
} from './edition-form';

const apiError = (code: string, details?: unknown) =>
  new ApiError({ status: 400, code, message: 'server text', details, requestId: 'r-1' });

describe('fieldIssues', () => {
  it('should read every rule issue with its path and code when the edition is invalid', () => {
    const error = apiError('EDITION_INVALID', {
      issues: [
        { path: 'calendar.1.endsAt', code: 'PHASE_ENDS_BEFORE_START', message: 'x' },
        { path: 'rubric.criteria', code: 'WEIGHTS_NOT_100', message: 'y' },
      ],
    });
    expect(fieldIssues(error)).toEqual([
      { path: 'calendar.1.endsAt', code: 'PHASE_ENDS_BEFORE_START' },
      { path: 'rubric.criteria', code: 'WEIGHTS_NOT_100' },
    ]);
  });

  it('should read shape errors without a code', () => {
    const error = apiError('VALIDATION_FAILED', {
      issues: [{ path: 'theme.en', message: 'Too small' }],
    });
    expect(fieldIssues(error)).toEqual([{ path: 'theme.en', code: null }]);
  });

  it('should give nothing for other errors or malformed details', () => {
    expect(fieldIssues(apiError('EDITION_YEAR_TAKEN', { issues: [{ path: 'year' }] }))).toEqual([]);
    expect(fieldIssues(apiError('EDITION_INVALID', { issues: 'no' }))).toEqual([]);
    expect(fieldIssues(new Error('x'))).toEqual([]);
    expect(fieldIssues(null)).toEqual([]);
  });

  it('should find issues at a path, or under it when asked', () => {
    const issues = [
      { path: 'groups.0.quotaPerInstitution', code: 'NEGATIVE_QUOTA' },
      { path: 'groups.1', code: null },
    ];
    expect(issuesAt(issues, 'groups.0')).toEqual([]);
    expect(issuesAt(issues, 'groups.0', false)).toEqual([issues[0]]);
    expect(issuesAt(issues, 'groups.1')).toEqual([issues[1]]);
  });
});

describe('calendar times in WIB, WITA and WIT', () => {
  const instant = '2027-03-31T16:59:00.000Z';

  it('should show one instant on the wall clock of each zone', () => {
    expect(toZonedInput(instant, 'WIB')).toBe('2027-03-31T23:59');
    expect(toZonedInput(instant, 'WITA')).toBe('2027-04-01T00:59');
    expect(toZonedInput(instant, 'WIT')).toBe('2027-04-01T01:59');
    expect(toZonedInput('', 'WIB')).toBe('');
  });

  it('should read a wall-clock time back as the same UTC instant in every zone', () => {
    expect(fromZonedInput('2027-03-31T23:59', 'WIB')).toBe(instant);
    expect(fromZonedInput('2027-04-01T00:59', 'WITA')).toBe(instant);
    expect(fromZonedInput('2027-04-01T01:59', 'WIT')).toBe(instant);
    expect(fromZonedInput('2027-04-01', 'WIB')).toBeNull();
  });

  it('should keep the calendar in phase order when a phase is added or removed', () => {
    const calendar = [{ phase: 'desk-evaluation' as const, startsAt: 'a', endsAt: 'b' }];
    const added = setPhaseTime(calendar, 'submission', 'startsAt', 'c');
    expect(added.map((e) => e.phase)).toEqual(['submission', 'desk-evaluation']);
    expect(added[0]).toEqual({ phase: 'submission', startsAt: 'c', endsAt: '' });
    const changed = setPhaseTime(added, 'submission', 'endsAt', 'd');
    expect(changed[0]).toEqual({ phase: 'submission', startsAt: 'c', endsAt: 'd' });
    expect(removePhase(changed, 'submission').map((e) => e.phase)).toEqual(['desk-evaluation']);
  });
});

describe('starterSettings', () => {
  it('should be a configuration the contract accepts once it has a theme, with weights adding up to 100', () => {
    const settings = { ...starterSettings(2028), theme: { id: 'Tema', en: 'Theme' } };
    const parsed = editionConfigurationSchema.safeParse({ editionId: 'ed_2028', ...settings });
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(weightTotal(settings.rubric.criteria)).toBe(100);
    expect(weightTotal(settings.panelRubric.criteria)).toBe(100);
    expect(settings.calendar[1]).toEqual({
      phase: 'submission',
      startsAt: '2028-02-01T02:00:00.000Z',
      endsAt: '2028-03-31T16:59:00.000Z',
    });
  });

  it('should add weights without floating-point noise', () => {
    expect(weightTotal([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.4 }])).toBe(100);
    expect(weightTotal([{ weight: Number.NaN }, { weight: 40 }])).toBe(40);
  });
});
