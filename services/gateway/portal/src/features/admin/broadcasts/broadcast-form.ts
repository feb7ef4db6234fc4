import type { Role } from '../../../auth/roles';
import type { BroadcastAudience, BroadcastBody, Broadcast } from './broadcast-api';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 10_000;

/** The compose form as typed. */
export interface BroadcastDraft {
  readonly subjectId: string;
  readonly subjectEn: string;
  readonly bodyId: string;
  readonly bodyEn: string;
  readonly roles: readonly Role[];
  readonly institutionTypes: readonly string[];
  /** Two-digit BPS codes, separated by commas or spaces. */
  readonly provinceCodes: string;
  readonly finalistsOf: string;
  readonly evaluatorsNotFinishedIn: string;
  readonly mandatory: boolean;
  readonly requiresAck: boolean;
}

export const EMPTY_DRAFT: BroadcastDraft = {
  subjectId: '',
  subjectEn: '',
  bodyId: '',
  bodyEn: '',
  roles: [],
  institutionTypes: [],
  provinceCodes: '',
  finalistsOf: '',
  evaluatorsNotFinishedIn: '',
  mandatory: false,
  requiresAck: false,
};

export type DraftProblem =
  | 'subjectIdRequired'
  | 'subjectEnRequired'
  | 'bodyIdRequired'
  | 'bodyEnRequired'
  | 'subjectTooLong'
  | 'bodyTooLong'
  | 'provinceCodeInvalid'
  | 'audienceRequired';

export type DraftField =
  'subjectId' | 'subjectEn' | 'bodyId' | 'bodyEn' | 'provinceCodes' | 'audience';

export function provinceCodesOf(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** What is wrong with a draft, per field (empty when it can be sent). */
export function checkDraft(draft: BroadcastDraft): Partial<Record<DraftField, DraftProblem>> {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  const text = (
    field: 'subjectId' | 'subjectEn' | 'bodyId' | 'bodyEn',
    required: DraftProblem,
    tooLong: DraftProblem,
    max: number,
  ) => {
    const value = draft[field].trim();
    if (value === '') problems[field] = required;
    else if (value.length > max) problems[field] = tooLong;
  };
  text('subjectId', 'subjectIdRequired', 'subjectTooLong', SUBJECT_MAX);
  text('subjectEn', 'subjectEnRequired', 'subjectTooLong', SUBJECT_MAX);
  text('bodyId', 'bodyIdRequired', 'bodyTooLong', BODY_MAX);
  text('bodyEn', 'bodyEnRequired', 'bodyTooLong', BODY_MAX);
  if (provinceCodesOf(draft.provinceCodes).some((code) => !/^\d{2}$/.test(code))) {
    problems.provinceCodes = 'provinceCodeInvalid';
  }
  const audience = audienceOf(draft);
  if (Object.keys(audience).length === 0) problems.audience = 'audienceRequired';
  return problems;
}

/** The audience a draft selects: only the dimensions it fills in. */
export function audienceOf(draft: BroadcastDraft): BroadcastAudience {
  const provinces = [...new Set(provinceCodesOf(draft.provinceCodes))];
  return {
    ...(draft.roles.length ? { roles: draft.roles } : {}),
    ...(draft.institutionTypes.length ? { institutionTypes: draft.institutionTypes } : {}),
    ...(provinces.length ? { provinceCodes: provinces } : {}),
    ...(draft.finalistsOf ? { finalistsOf: draft.finalistsOf } : {}),
    ...(draft.evaluatorsNotFinishedIn
      ? { evaluatorsNotFinishedIn: draft.evaluatorsNotFinishedIn }
      : {}),
  };
}

export function bodyOf(draft: BroadcastDraft): BroadcastBody {
  return {
    subject: { id: draft.subjectId.trim(), en: draft.subjectEn.trim() },
    body: { id: draft.bodyId.trim(), en: draft.bodyEn.trim() },
    audience: audienceOf(draft),
    mandatory: draft.mandatory,
    requiresAck: draft.requiresAck,
  };
}

/** The idempotency key of a send and the content it was first used for. */
export interface SendKey {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * The key to send a body with: the same key for the same content (a retry after a lost
 * answer or a double click reaches the broadcast already sent, never a second one), a new
 * key once the content changed (the service refuses a key reused for other content).
 */
export function keyFor(
  previous: SendKey | null,
  body: BroadcastBody,
  newKey: () => string,
): SendKey {
  const fingerprint = JSON.stringify(body);
  return previous && previous.fingerprint === fingerprint
    ? previous
    : { key: newKey(), fingerprint };
}

/** How far a broadcast's fan-out has got: recipients whose inbox message exists (any status), of all. */
export function fanOutProgress(
  broadcast: Pick<Broadcast, 'status' | 'recipientCount' | 'delivery'>,
): {
  done: number;
  total: number;
} {
  const total = broadcast.recipientCount;
  if (broadcast.status === 'done') return { done: total, total };
  const done = Object.values(broadcast.delivery.inbox ?? {}).reduce((sum, n) => sum + n, 0);
  return { done: Math.min(done, total), total };
}
