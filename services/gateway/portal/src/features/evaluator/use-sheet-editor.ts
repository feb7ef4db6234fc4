import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { evaluatorApi, type ScoreSheet, type SheetAddress } from './evaluator-api';
import {
  criteriaToSave,
  draftFromSheet,
  isDirty,
  nextSaveState,
  shouldAutosave,
  type CriterionDraft,
  type SaveState,
  type SheetDraft,
} from './scoring';

/** How long typing must pause before the draft is saved on its own. */
export const AUTOSAVE_DELAY_MS = 1500;

export const REVISION_CONFLICT = 'SCORE_SHEET_REVISION_CONFLICT';

export interface SheetEditor {
  readonly sheet: ScoreSheet;
  readonly draft: SheetDraft;
  readonly saveState: SaveState;
  readonly edit: (criterionId: string, change: Partial<CriterionDraft>) => void;
  /** Saves now (the explicit "save draft"); resolves with the saved sheet, or null on failure. */
  readonly save: () => Promise<ScoreSheet | null>;
  /** Saves what is unsaved, then submits; rejects with what the server answered. */
  readonly submit: () => Promise<ScoreSheet>;
  /** Takes the server's current sheet (after a conflict), dropping the local edits. */
  readonly reload: () => Promise<void>;
}

/**
 * The score form's state: the last sheet the server answered, the person's draft, and
 * autosave after a pause in typing. Every save sends the revision it started from, so a
 * save from a stale tab becomes a conflict instead of overwriting newer scores.
 */
export function useSheetEditor(
  address: SheetAddress,
  initial: ScoreSheet,
  autosave: boolean,
): SheetEditor {
  const api = useApi();
  const [sheet, setSheet] = useState(initial);
  const [draft, setDraft] = useState<SheetDraft>(() => draftFromSheet(initial));
  const [saveState, dispatch] = useReducer(nextSaveState, { kind: 'idle' });
  // Refs so the callbacks always see the newest values without being rebuilt on each key.
  const addressRef = useRef(address);
  addressRef.current = address;
  const draftRef = useRef(draft);
  draftRef.current = draft;
  const sheetRef = useRef(sheet);
  sheetRef.current = sheet;
  const saving = useRef<Promise<ScoreSheet> | null>(null);

  const take = useCallback((next: ScoreSheet, resetDraft: boolean) => {
    sheetRef.current = next;
    setSheet(next);
    if (resetDraft) {
      const fresh = draftFromSheet(next);
      draftRef.current = fresh;
      setDraft(fresh);
    }
  }, []);

  const edit = useCallback((criterionId: string, change: Partial<CriterionDraft>) => {
    setDraft((current) => {
      const before = current[criterionId] ?? { score: '', comment: '' };
      return { ...current, [criterionId]: { ...before, ...change } };
    });
    dispatch({ type: 'edit' });
  }, []);

  const persist = useCallback((): Promise<ScoreSheet> => {
    if (saving.current) return saving.current;
    const sent = draftRef.current;
    const run = (async () => {
      dispatch({ type: 'save-start' });
      try {
        const saved = await evaluatorApi.saveSheet(api, addressRef.current, {
          criteria: criteriaToSave(sent, sheetRef.current.rubric.scale),
          expectedRevision: sheetRef.current.revision,
        });
        take(saved, false);
        dispatch({ type: 'save-ok', at: new Date(), dirtyMeanwhile: draftRef.current !== sent });
        return saved;
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === REVISION_CONFLICT;
        dispatch({ type: 'save-failed', error, conflict });
        throw error;
      } finally {
        saving.current = null;
      }
    })();
    saving.current = run;
    return run;
  }, [api, take]);

  const save = useCallback(() => persist().catch(() => null), [persist]);

  useEffect(() => {
    if (!autosave || !shouldAutosave(saveState)) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosave, saveState, draft, save]);

  const submit = useCallback(async () => {
    if (saving.current) await saving.current.catch(() => undefined);
    if (sheetRef.current.revision === 0 || isDirty(draftRef.current, sheetRef.current)) {
      await persist();
    }
    const submitted = await evaluatorApi.submitSheet(
      api,
      addressRef.current,
      sheetRef.current.revision,
    );
    take(submitted, true);
    dispatch({ type: 'reloaded' });
    return submitted;
  }, [api, persist, take]);

  const reload = useCallback(async () => {
    take(await evaluatorApi.sheet(api, addressRef.current), true);
    dispatch({ type: 'reloaded' });
  }, [api, take]);

  return { sheet, draft, saveState, edit, save, submit, reload };
}
