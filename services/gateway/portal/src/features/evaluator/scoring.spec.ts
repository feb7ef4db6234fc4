import type { ScoreSheet } from './evaluator-api';
import {
  contribution,
  criteriaToSave,
  draftFromSheet,
  isDirty,
  nextSaveState,
  parseScore,
  runningTotal,
  scoringClosed,
  scoringStatus,
  shouldAutosave,
  submitIssues,
  type SaveState,
} from './scoring';

const rubric: ScoreSheet['rubric'] = {
  scale: { min: 0, max: 100 },
  criteria: [
    { criterionId: 'novelty', weight: 50 },
    { criterionId: 'effectiveness', weight: 30 },
    { criterionId: 'sustainability', weight: 20 },
  ],
};

describe('parseScore', () => {
  it('should accept a number on the scale, with a decimal comma as people type it in Indonesia', () => {
    expect(parseScore('85', rubric.scale)).toEqual({ kind: 'valid', value: 85 });
    expect(parseScore(' 72,5 ', rubric.scale)).toEqual({ kind: 'valid', value: 72.5 });
  });

  it('should tell an empty field from text and from a score outside the scale', () => {
    expect(parseScore('  ', rubric.scale)).toEqual({ kind: 'empty' });
    expect(parseScore('8a', rubric.scale)).toEqual({ kind: 'invalid', problem: 'not-a-number' });
    expect(parseScore('101', rubric.scale)).toEqual({ kind: 'invalid', problem: 'out-of-scale' });
    expect(parseScore('-1', rubric.scale)).toEqual({ kind: 'invalid', problem: 'out-of-scale' });
  });
});

describe('the draft', () => {
  const sheet = {
    rubric,
    criteria: [{ criterionId: 'novelty', score: 80, comment: 'Baru di tingkat provinsi' }],
  };

  it('should start from the saved scores and leave the others blank', () => {
    expect(draftFromSheet(sheet)).toEqual({
      novelty: { score: '80', comment: 'Baru di tingkat provinsi' },
      effectiveness: { score: '', comment: '' },
      sustainability: { score: '', comment: '' },
    });
  });

  it('should save only criteria with a valid score, comments trimmed', () => {
    const draft = {
      novelty: { score: '80', comment: ' ok ' },
      effectiveness: { score: '200', comment: 'too high' },
      sustainability: { score: '', comment: 'later' },
    };
    expect(criteriaToSave(draft, rubric.scale)).toEqual([
      { criterionId: 'novelty', score: 80, comment: 'ok' },
    ]);
  });

  it('should be dirty only when a score or comment differs from the sheet', () => {
    const draft = draftFromSheet(sheet);
    expect(isDirty(draft, sheet)).toBe(false);
    expect(
      isDirty({ ...draft, novelty: { score: '80', comment: 'Baru di tingkat provinsi ' } }, sheet),
    ).toBe(false);
    expect(isDirty({ ...draft, effectiveness: { score: '70', comment: '' } }, sheet)).toBe(true);
  });
});

describe('runningTotal', () => {
  it('should weigh the scored criteria the way evaluation does once all are scored', () => {
    const draft = {
      novelty: { score: '80', comment: '' },
      effectiveness: { score: '90', comment: '' },
      sustainability: { score: '70', comment: '' },
    };
    // (80·50 + 90·30 + 70·20) / 100
    expect(runningTotal(draft, rubric)).toEqual({ weighted: 81, scored: 3, total: 3 });
  });

  it('should count only valid scores while the sheet is partial', () => {
    const draft = {
      novelty: { score: '80', comment: '' },
      effectiveness: { score: 'x', comment: '' },
      sustainability: { score: '', comment: '' },
    };
    expect(runningTotal(draft, rubric)).toEqual({ weighted: 80, scored: 1, total: 3 });
    expect(runningTotal({}, rubric)).toEqual({ weighted: null, scored: 0, total: 3 });
  });

  it("should give each criterion's points as its share of the weights", () => {
    expect(contribution({ score: '80', comment: '' }, 50, rubric)).toBe(40);
    expect(contribution({ score: '', comment: '' }, 50, rubric)).toBeNull();
  });
});

describe('submitIssues', () => {
  it('should name each criterion that lacks a valid score or a comment', () => {
    const issues = submitIssues(
      {
        novelty: { score: '80', comment: 'clear' },
        effectiveness: { score: '80', comment: '  ' },
        sustainability: { score: '120', comment: 'x' },
      },
      rubric,
    );
    expect(issues).toEqual({ effectiveness: 'comment-required', sustainability: 'out-of-scale' });
    expect(submitIssues({}, rubric)).toEqual({
      novelty: 'score-required',
      effectiveness: 'score-required',
      sustainability: 'score-required',
    });
  });
});

describe('scoringStatus and the deadline', () => {
  it('should call a submitted sheet scored, a saved one in progress, an untouched or missing one not started', () => {
    expect(scoringStatus({ status: 'submitted', revision: 3 })).toBe('scored');
    expect(scoringStatus({ status: 'draft', revision: 2 })).toBe('in-progress');
    expect(scoringStatus({ status: 'draft', revision: 0 })).toBe('not-started');
    expect(scoringStatus(null)).toBe('not-started');
  });

  it('should close the sheet at the deadline, never without one', () => {
    const now = new Date('2027-06-30T10:00:00Z');
    expect(scoringClosed('2027-06-30T10:00:00Z', now)).toBe(true);
    expect(scoringClosed('2027-06-30T10:00:01Z', now)).toBe(false);
    expect(scoringClosed(null, now)).toBe(false);
  });
});

describe('the autosave state machine', () => {
  const at = new Date('2027-06-01T03:00:00Z');
  const run = (events: Parameters<typeof nextSaveState>[1][]): SaveState =>
    events.reduce<SaveState>(nextSaveState, { kind: 'idle' });

  it('should autosave after an edit and rest once saved', () => {
    const dirty = run([{ type: 'edit' }]);
    expect(shouldAutosave(dirty)).toBe(true);
    const saved = run([
      { type: 'edit' },
      { type: 'save-start' },
      { type: 'save-ok', at, dirtyMeanwhile: false },
    ]);
    expect(saved).toEqual({ kind: 'saved', at });
    expect(shouldAutosave(saved)).toBe(false);
  });

  it('should save again when the person typed while a save was on its way', () => {
    const state = run([
      { type: 'edit' },
      { type: 'save-start' },
      { type: 'edit' },
      { type: 'save-ok', at, dirtyMeanwhile: true },
    ]);
    expect(state).toEqual({ kind: 'dirty' });
    expect(shouldAutosave(state)).toBe(true);
  });

  it('should stop autosaving after a conflict until the sheet is reloaded', () => {
    const conflict = run([
      { type: 'edit' },
      { type: 'save-start' },
      { type: 'save-failed', error: new Error('409'), conflict: true },
      { type: 'edit' },
    ]);
    expect(conflict).toEqual({ kind: 'conflict' });
    expect(shouldAutosave(conflict)).toBe(false);
    expect(nextSaveState(conflict, { type: 'reloaded' })).toEqual({ kind: 'idle' });
  });

  it('should keep a failed save retryable by the next edit', () => {
    const error = new Error('network');
    const failed = run([
      { type: 'edit' },
      { type: 'save-start' },
      { type: 'save-failed', error, conflict: false },
    ]);
    expect(failed).toEqual({ kind: 'error', error });
    expect(nextSaveState(failed, { type: 'edit' })).toEqual({ kind: 'dirty' });
  });
});
