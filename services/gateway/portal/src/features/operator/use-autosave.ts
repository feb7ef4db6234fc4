import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../../api/api-error';
import { changesSince, contentOf, sameContent, type DraftContent } from './draft-content';
import type { Proposal, ProposalChanges } from './proposal-api';

/** The code submissions answers when a save was based on an older revision. */
export const REVISION_CONFLICT = 'PROPOSAL_REVISION_CONFLICT';
/** How long typing must pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SaveStatus = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export interface EditorState {
  /** The server's copy the draft is based on. */
  readonly server: Proposal;
  readonly base: DraftContent;
  /** What the person sees and edits. */
  readonly draft: DraftContent;
  readonly status: SaveStatus;
  /** When the last save was accepted (ISO). */
  readonly savedAt: string | null;
  readonly error: unknown;
  /** On a conflict: the server's newer version. */
  readonly theirs: Proposal | null;
}

export type EditorAction =
  | { readonly type: 'edit'; readonly draft: DraftContent }
  | { readonly type: 'save-started' }
  | {
      readonly type: 'save-succeeded';
      readonly server: Proposal;
      readonly sent: DraftContent;
      readonly at: string;
    }
  | { readonly type: 'save-failed'; readonly error: unknown }
  | { readonly type: 'conflict'; readonly theirs: Proposal }
  | { readonly type: 'resolved'; readonly draft: DraftContent }
  | { readonly type: 'rebased'; readonly server: Proposal };

function statusOf(draft: DraftContent, base: DraftContent): SaveStatus {
  return sameContent(draft, base) ? 'saved' : 'dirty';
}

export function initialEditorState(server: Proposal, stored: StoredDraft | null): EditorState {
  const base = contentOf(server);
  const state: EditorState = {
    server,
    base,
    draft: base,
    status: 'saved',
    savedAt: null,
    error: null,
    theirs: null,
  };
  if (!stored || sameContent(stored.content, base)) return state;
  // Edits left unsaved by a reload: resent as they are, unless the server moved on meanwhile.
  if (stored.revision === server.revision) {
    return { ...state, draft: stored.content, status: 'dirty' };
  }
  return { ...state, draft: stored.content, status: 'conflict', theirs: server };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit':
      return {
        ...state,
        draft: action.draft,
        // A conflict waits for the person's choice; edits meanwhile stay on "mine".
        status:
          state.status === 'conflict'
            ? 'conflict'
            : state.status === 'saving'
              ? 'saving'
              : statusOf(action.draft, state.base),
      };
    case 'save-started':
      return { ...state, status: 'saving', error: null };
    case 'save-succeeded': {
      const base = contentOf(action.server);
      // Unchanged while saving: take the server's copy (it may have trimmed the title).
      const draft = sameContent(state.draft, action.sent) ? base : state.draft;
      return {
        ...state,
        server: action.server,
        base,
        draft,
        status: statusOf(draft, base),
        savedAt: action.at,
        error: null,
      };
    }
    case 'save-failed':
      return { ...state, status: 'error', error: action.error };
    case 'conflict':
      return { ...state, status: 'conflict', theirs: action.theirs, error: null };
    case 'resolved': {
      const server = state.theirs ?? state.server;
      const base = contentOf(server);
      return {
        ...state,
        server,
        base,
        draft: action.draft,
        theirs: null,
        status: statusOf(action.draft, base),
      };
    }
    case 'rebased': {
      // The person's own change elsewhere (evidence, declaration): edits stay, on the new revision.
      const base = contentOf(action.server);
      return {
        ...state,
        server: action.server,
        base,
        status: state.status === 'conflict' ? 'conflict' : statusOf(state.draft, base),
      };
    }
  }
}

/** Unsaved edits kept in the browser so a reload does not lose them. */
export interface StoredDraft {
  readonly revision: number;
  readonly content: DraftContent;
}

export const draftStorageKey = (proposalId: string) => `kipp.operator.draft.${proposalId}`;

export function readStoredDraft(storage: Storage, proposalId: string): StoredDraft | null {
  try {
    const raw = storage.getItem(draftStorageKey(proposalId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    if (typeof parsed.revision !== 'number' || typeof parsed.content !== 'object') return null;
    return parsed as StoredDraft;
  } catch {
    return null;
  }
}

export interface AutosaveOptions {
  readonly proposal: Proposal;
  readonly save: (revision: number, changes: ProposalChanges) => Promise<Proposal>;
  /** Reads the server's current version after a conflict. */
  readonly load: () => Promise<Proposal>;
  readonly storage: Storage;
  readonly delayMs?: number;
  readonly now?: () => Date;
  /** False while the proposal cannot be changed (nothing is saved then). */
  readonly editable: boolean;
}

export interface Autosave {
  readonly state: EditorState;
  readonly edit: (change: (draft: DraftContent) => DraftContent) => void;
  /** Saves pending edits now; resolves true when nothing is left unsaved. */
  readonly flush: () => Promise<boolean>;
  /** Settles a conflict with the chosen version, which is then saved on the newer revision. */
  readonly resolve: (draft: DraftContent) => void;
  /** Takes a newer server copy after the person's own action (upload, signature, submit). */
  readonly rebase: (server: Proposal) => void;
  /** The revision the next write must carry (the newest the editor knows). */
  readonly revision: () => number;
}

/**
 * The editor's autosave: saves the draft a moment after typing pauses, keeps unsaved edits
 * in the browser until the server has them, and turns a stale revision into a conflict the
 * person settles (their version, the server's, or part of each).
 */
export function useAutosave(options: AutosaveOptions): Autosave {
  const { storage, editable } = options;
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const proposalId = options.proposal.proposalId;
  const [state, dispatchToReact] = useReducer(editorReducer, null, () =>
    initialEditorState(options.proposal, readStoredDraft(storage, proposalId)),
  );
  const stateRef = useRef(state);
  stateRef.current = state;
  // The ref runs ahead of rendering, so a write right after a save (sign, submit, upload)
  // already carries the revision that save returned.
  const dispatch = useCallback((action: EditorAction) => {
    stateRef.current = editorReducer(stateRef.current, action);
    dispatchToReact(action);
  }, []);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const inFlight = useRef<Promise<boolean> | null>(null);
  // Set when a settled conflict should be saved at once rather than after the pause.
  const immediate = useRef(false);

  // Keep unsaved edits in the browser; forget them once the server has them.
  useEffect(() => {
    const key = draftStorageKey(proposalId);
    if (state.status === 'saved') {
      storage.removeItem(key);
    } else {
      // The revision the edits were based on: a reload after the server moved on is a conflict.
      const stored: StoredDraft = { revision: state.server.revision, content: state.draft };
      storage.setItem(key, JSON.stringify(stored));
    }
  }, [proposalId, state.draft, state.server.revision, state.status, storage]);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const current = stateRef.current;
    if (current.status !== 'dirty' && current.status !== 'error') return current.status === 'saved';
    const sent = current.draft;
    const changes = changesSince(current.base, sent);
    dispatch({ type: 'save-started' });
    const { save, load, now } = optionsRef.current;
    try {
      const server = await save(current.server.revision, changes);
      dispatch({
        type: 'save-succeeded',
        server,
        sent,
        at: (now?.() ?? new Date()).toISOString(),
      });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === REVISION_CONFLICT) {
        try {
          dispatch({ type: 'conflict', theirs: await load() });
        } catch (loadError) {
          dispatch({ type: 'save-failed', error: loadError });
        }
      } else {
        dispatch({ type: 'save-failed', error });
      }
      return false;
    }
  }, []);

  const flush = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const run = saveOnce();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  // Debounced: every edit restarts the wait; a save in flight is followed by another if needed.
  useEffect(() => {
    if (!editable || state.status !== 'dirty') return;
    const wait = immediate.current ? 0 : delay;
    immediate.current = false;
    const timer = setTimeout(() => void flush(), wait);
    return () => clearTimeout(timer);
  }, [editable, state.draft, state.status, delay, flush]);

  const edit = useCallback((change: (draft: DraftContent) => DraftContent) => {
    dispatch({ type: 'edit', draft: change(stateRef.current.draft) });
  }, []);
  const resolve = useCallback((draft: DraftContent) => {
    immediate.current = true;
    dispatch({ type: 'resolved', draft });
  }, []);
  const rebase = useCallback((server: Proposal) => dispatch({ type: 'rebased', server }), []);
  const revision = useCallback(() => stateRef.current.server.revision, []);

  return { state, edit, flush, resolve, rebase, revision };
}
