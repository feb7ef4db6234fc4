import { EDITION_PHASES, type EditionPhase } from '@kipp/contracts';
import { ApiError } from '../../api/api-error';

/** The limits evaluation sets on a public objection (its README). */
export const GROUNDS_MIN = 20;
export const GROUNDS_MAX = 5000;
export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

export interface ObjectionDraft {
  readonly proposalId: string;
  readonly name: string;
  readonly email: string;
  readonly grounds: string;
  readonly files: readonly File[];
}

export type ObjectionProblem =
  | 'proposalMissing'
  | 'nameMissing'
  | 'emailInvalid'
  | 'groundsShort'
  | 'groundsLong'
  | 'tooManyFiles'
  | 'fileTooLarge'
  | 'fileType';

export type ObjectionProblems = Partial<Record<keyof ObjectionDraft, ObjectionProblem>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the visitor must fix before sending, per field (the service checks again). */
export function checkObjection(draft: ObjectionDraft): ObjectionProblems {
  const problems: ObjectionProblems = {};
  if (draft.proposalId === '') problems.proposalId = 'proposalMissing';
  if (draft.name.trim() === '') problems.name = 'nameMissing';
  if (!EMAIL.test(draft.email.trim())) problems.email = 'emailInvalid';
  const grounds = draft.grounds.trim().length;
  if (grounds < GROUNDS_MIN) problems.grounds = 'groundsShort';
  else if (grounds > GROUNDS_MAX) problems.grounds = 'groundsLong';
  if (draft.files.length > MAX_FILES) problems.files = 'tooManyFiles';
  else if (draft.files.some((f) => f.size > MAX_FILE_BYTES)) problems.files = 'fileTooLarge';
  else if (
    draft.files.some((f) => !ACCEPTED_TYPES.includes(f.type) && !ACCEPTED_EXTENSIONS.test(f.name))
  )
    problems.files = 'fileType';
  return problems;
}

/** The multipart body evaluation takes: the fields, then each file as `evidence`. */
export function objectionFormData(draft: ObjectionDraft): FormData {
  const form = new FormData();
  form.set('proposalId', draft.proposalId);
  form.set('name', draft.name.trim());
  form.set('email', draft.email.trim());
  form.set('grounds', draft.grounds.trim());
  for (const file of draft.files) form.append('evidence', file, file.name);
  return form;
}

/** `2027-06-03 10:00 WIB` (how evaluation writes the window) as an instant; null otherwise. */
export function parseWibText(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) WIB$/.exec(text.trim());
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export interface ObjectionWindow {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The window a `409 OBJECTION_WINDOW_CLOSED` names, if it names one. */
export function windowOfClosedError(error: unknown): ObjectionWindow | null {
  if (!(error instanceof ApiError) || error.code !== 'OBJECTION_WINDOW_CLOSED') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('window' in details)) return null;
  const window = details.window;
  if (typeof window !== 'object' || window === null) return null;
  const startsAt = parseWibText('startsAt' in window ? window.startsAt : null);
  const endsAt = parseWibText('endsAt' in window ? window.endsAt : null);
  return startsAt && endsAt ? { startsAt, endsAt } : null;
}

/**
 * Whether the objection window is open at `now`, given what is known of it. The edition's
 * phase decides when it is known, as it does for evaluation (the secretariat may move a
 * phase by hand, away from the calendar); the calendar's window otherwise.
 */
export function windowState(
  window: ObjectionWindow | null,
  now: Date,
  phase: EditionPhase | null = null,
): 'unknown' | 'upcoming' | 'open' | 'closed' {
  if (phase !== null) {
    const position = EDITION_PHASES.indexOf(phase) - EDITION_PHASES.indexOf('objection');
    return position === 0 ? 'open' : position < 0 ? 'upcoming' : 'closed';
  }
  if (!window) return 'unknown';
  if (now < window.startsAt) return 'upcoming';
  return now < window.endsAt ? 'open' : 'closed';
}
