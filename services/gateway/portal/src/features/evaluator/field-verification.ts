import type { NewFieldVerification } from './evaluator-api';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png'];

export interface VisitForm {
  readonly visitedOn: string;
  readonly team: string;
  readonly findings: string;
  readonly recommendation: '' | 'confirmed' | 'concerns';
}

export const EMPTY_VISIT: VisitForm = { visitedOn: '', team: '', findings: '', recommendation: '' };

/** The visit as evaluation takes it, or null while the date, a team member or the findings are missing. */
export function visitBody(form: VisitForm): NewFieldVerification | null {
  const team = form.team
    .split(/\r?\n/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const findings = form.findings.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.visitedOn) || team.length === 0 || findings === '') {
    return null;
  }
  return {
    visitedOn: form.visitedOn,
    team,
    findings,
    ...(form.recommendation ? { recommendation: form.recommendation } : {}),
  };
}

export type PhotoProblem = 'type' | 'size';

/** What the server would refuse, caught before a byte is sent (it checks again by content). */
export function photoProblem(file: Pick<File, 'type' | 'size'>): PhotoProblem | null {
  if (!PHOTO_TYPES.includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_BYTES) return 'size';
  return null;
}
