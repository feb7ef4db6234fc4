import type { AwardTier } from '@kipp/contracts';
import type { SelectionItem, SelectionReason } from './selection-logic';
import type { InterviewDay, InterviewSlot } from './interview-logic';
import type { ApiClient } from '../../../api/client';

const BASE = '/api/evaluation';
const edition = (editionId: string) => `${BASE}/editions/${encodeURIComponent(editionId)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface EvaluatorStats {
  readonly scorerId: string;
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly normalized: boolean;
}

export interface DeskResult {
  readonly proposalId: string;
  readonly scoreCount: number;
  readonly rawMean: number | null;
  readonly normalizedMean: number | null;
  readonly spread: number;
  readonly divergent: boolean;
  readonly extraEvaluatorRequested: boolean;
}

export interface Calibration {
  readonly editionId: string;
  readonly minScoresForNormalization: number;
  readonly divergenceMargin: number;
  readonly globalMean: number | null;
  readonly globalSd: number | null;
  readonly agreement: { readonly desk: number | null; readonly panel: number | null };
  readonly evaluators: readonly EvaluatorStats[];
  readonly proposals: {
    readonly total: number;
    readonly page: number;
    readonly pageSize: number;
    readonly items: readonly DeskResult[];
  };
  readonly divergent: readonly DeskResult[];
}

export interface CalibrationRun {
  readonly runId: string;
  readonly proposals: number;
  readonly evaluators: number;
  readonly normalizedEvaluators: number;
  readonly agreement: number | null;
}

export const STAGES = ['desk', 'shortlist', 'finalists'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageEntry {
  readonly proposalId: string;
  readonly institutionId: string;
  readonly groupId: string;
  readonly categoryId: string;
  readonly rank: number;
  readonly score: number | null;
  readonly advanced: boolean;
}

export interface StagePreview {
  readonly stage: Stage;
  readonly entries: readonly StageEntry[];
  readonly report: Readonly<Record<string, unknown>>;
}

export interface StagePublication extends StagePreview {
  readonly publicationId: string;
  readonly version: number;
  readonly publishedAt: string;
}

export interface StagePublished {
  readonly publicationId: string;
  readonly version: number;
  readonly entries: number;
  readonly advanced: number;
  readonly publishedAt: string;
}

export interface Placement {
  readonly proposalId: string;
  readonly groupId: string;
  readonly tiers: readonly AwardTier[];
  readonly rankInGroup: number;
  readonly panelScore: number | null;
  readonly deskScore: number | null;
}

export interface Tie {
  readonly ranking: string;
  readonly higher: string;
  readonly lower: string;
  readonly decidedBy: string;
}

export interface PlenaryOutcome {
  readonly placements: readonly Placement[];
  readonly ties: readonly Tie[];
  readonly tieBreakRule: readonly string[];
}

export interface PlenaryPreview extends PlenaryOutcome {
  readonly missingPanelScores: readonly string[];
}

export interface PlenaryPublished extends PlenaryOutcome {
  readonly publicationId: string;
  readonly version: number;
  readonly publishedAt: string;
}

export interface Certificate {
  readonly certificateId: string;
  readonly proposalId: string;
  readonly institutionId: string;
  readonly tier: AwardTier;
  readonly verificationCode: string;
  readonly issuedAt: string;
}

export interface CertificatesIssued {
  readonly issued: number;
  readonly alreadyIssued: number;
  readonly revoked: number;
  readonly certificates: readonly Certificate[];
}

export interface ObjectionEvidence {
  readonly fileId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

export type ObjectionOutcome = 'upheld' | 'dismissed';

export interface ObjectionResolution {
  readonly outcome: ObjectionOutcome;
  readonly reason: string;
  readonly resolvedBy: string;
  readonly resolvedAt: string;
}

export interface Objection {
  readonly objectionId: string;
  readonly proposalId: string;
  readonly institutionId: string;
  readonly proposalTitle: string;
  readonly institutionName: string | null;
  readonly objector: { readonly name: string; readonly email: string };
  readonly grounds: string;
  readonly evidence: readonly ObjectionEvidence[];
  readonly filedAt: string;
  readonly resolution: ObjectionResolution | null;
}

/** A forwarded proposal as the administrative selection lists it (titles for the views). */
export interface ProposalListing {
  readonly proposalId: string;
  readonly institutionId: string;
  readonly institutionName: string | null;
  readonly groupId: string;
  readonly categoryId: string;
  readonly title: string;
}

const SELECTION_PAGE = 500;

export const evaluationApi = {
  calibration: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<Calibration>(`${edition(editionId)}/calibration`, {
      query: { page: 1, pageSize: 500 },
      ...opts(signal),
    }),
  runCalibration: (api: ApiClient, editionId: string) =>
    api.post<CalibrationRun>(`${edition(editionId)}/calibration/run`),
  preview: (api: ApiClient, editionId: string, stage: Stage, signal?: AbortSignal) =>
    api.get<StagePreview>(`${edition(editionId)}/stages/${stage}/preview`, opts(signal)),
  publication: (api: ApiClient, editionId: string, stage: Stage, signal?: AbortSignal) =>
    api.get<StagePublication>(`${edition(editionId)}/stages/${stage}`, opts(signal)),
  publishStage: (api: ApiClient, editionId: string, stage: Stage) =>
    api.post<StagePublished>(`${edition(editionId)}/stages/${stage}/publish`),
  plenaryPreview: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<PlenaryPreview>(`${edition(editionId)}/plenary/preview`, opts(signal)),
  publishPlenary: (api: ApiClient, editionId: string, allowMissing: boolean) =>
    api.post<PlenaryPublished>(`${edition(editionId)}/plenary/publish`, { allowMissing }),
  issueCertificates: (api: ApiClient, editionId: string) =>
    api.post<CertificatesIssued>(`${edition(editionId)}/certificates/issue`),
  objections: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<{ objections: readonly Objection[] }>(`${edition(editionId)}/objections`, opts(signal)),
  resolveObjection: (
    api: ApiClient,
    objectionId: string,
    outcome: ObjectionOutcome,
    reason: string,
  ) =>
    api.post<ObjectionResolution>(`${BASE}/objections/${encodeURIComponent(objectionId)}/resolve`, {
      outcome,
      reason,
    }),
  /** Every forwarded proposal of the edition (all pages), for titles and institutions. */
  async proposals(
    api: ApiClient,
    editionId: string,
    signal?: AbortSignal,
  ): Promise<ProposalListing[]> {
    const all: ProposalListing[] = [];
    for (let page = 1; ; page += 1) {
      const answer = await api.get<{ items: readonly ProposalListing[]; total: number }>(
        `${edition(editionId)}/selection`,
        {
          query: { page, pageSize: SELECTION_PAGE },
          ...opts(signal),
        },
      );
      all.push(...answer.items);
      if (answer.items.length === 0 || all.length >= answer.total) return all;
    }
  },
};

export const evidencePath = (objectionId: string, fileId: string) =>
  `${BASE}/objections/${encodeURIComponent(objectionId)}/evidence/${encodeURIComponent(fileId)}`;
export const certificatePath = (certificateId: string) =>
  `${BASE}/certificates/${encodeURIComponent(certificateId)}.pdf`;
export const exportPath = (editionId: string, file: string) =>
  `${edition(editionId)}/exports/${file}`;

export interface SelectionSummary {
  readonly total: number;
  readonly undecided: number;
  readonly pass: number;
  readonly fail: number;
  readonly withdrawn: number;
}

export type SelectionFilter = 'undecided' | 'pass' | 'fail' | '';

export const selectionApi = {
  summary: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<SelectionSummary>(`${edition(editionId)}/selection/summary`, opts(signal)),
  list: (
    api: ApiClient,
    editionId: string,
    filter: SelectionFilter,
    page: number,
    signal?: AbortSignal,
  ) =>
    api.get<{ items: readonly SelectionItem[]; total: number; page: number; pageSize: number }>(
      `${edition(editionId)}/selection`,
      { query: { outcome: filter, page, pageSize: 50 }, ...opts(signal) },
    ),
  decide: (
    api: ApiClient,
    proposalId: string,
    body: {
      outcome: 'pass' | 'fail';
      reasons: readonly SelectionReason[];
      expectedRevision?: number;
    },
  ) =>
    api.put<{ proposalId: string }>(
      `${BASE}/proposals/${encodeURIComponent(proposalId)}/selection`,
      body,
    ),
  bulk: (
    api: ApiClient,
    editionId: string,
    decisions: readonly {
      proposalId: string;
      outcome: 'pass' | 'fail';
      reasons: readonly SelectionReason[];
    }[],
  ) => api.post<unknown>(`${edition(editionId)}/selection/bulk`, { decisions }),
};

export interface EvaluatorProgress {
  readonly evaluatorId: string;
  readonly assigned: number;
  readonly draft: number;
  readonly submitted: number;
}

export interface ScoringProgress {
  readonly evaluators: readonly EvaluatorProgress[];
  readonly overall: {
    readonly assigned: number;
    readonly submitted: number;
    readonly percentSubmitted: number;
  };
}

export interface Assignment {
  readonly id: string;
  readonly proposalId: string;
  readonly evaluatorId: string;
  readonly status: 'active' | 'declined' | 'recused' | 'revoked' | 'completed';
  readonly reason: string;
  readonly explanation: { readonly cost: number; readonly factors: readonly string[] };
  readonly dueAt: string | null;
  readonly endReason: string | null;
  readonly replacedBy: string | null;
}

export interface CriterionScore {
  readonly criterionId: string;
  readonly score: number;
  readonly comment: string;
}

/** One evaluator's latest submitted desk score of one proposal (`GET …/desk-scores`). */
export interface DeskScore {
  readonly sheetId: string;
  readonly proposalId: string;
  readonly title: string | null;
  readonly evaluatorId: string;
  readonly evaluatorName: string | null;
  readonly criteria: readonly CriterionScore[];
  readonly weightedScore: number;
  readonly submittedAt: string | null;
  readonly submissions: number;
  /** Saved again since its last submission; the submitted score still counts. */
  readonly reopened: boolean;
}

export interface DeskScoresPage {
  readonly items: readonly DeskScore[];
  /** The `after` of the next page; null on the last one. */
  readonly nextAfter: string | null;
}

/** Whose desk scores to list: one evaluator's, or one proposal's. */
export type DeskScoresOf = { readonly evaluatorId: string } | { readonly proposalId: string };

export const DESK_SCORES_PAGE = 100;

export interface AssignmentRun {
  readonly runId: string | null;
  readonly proposalsConsidered: number;
  readonly evaluatorsConsidered: number;
  readonly assignmentsCreated: number;
  readonly load: { readonly min: number; readonly max: number; readonly mean: number };
  readonly expertiseMatchShare: number;
  readonly shortfalls: readonly {
    proposalId: string;
    needed: number;
    assigned: number;
    eligibleEvaluators: number;
    why: string;
  }[];
}

export const assignmentApi = {
  progress: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<ScoringProgress>(`${edition(editionId)}/scoring/progress`, opts(signal)),
  run: (api: ApiClient, editionId: string) =>
    api.post<AssignmentRun>(`${edition(editionId)}/assignments/run`),
  /** A page of submitted desk scores, in the order the service keeps (after `after`). */
  deskScores: (
    api: ApiClient,
    editionId: string,
    of: DeskScoresOf,
    after: string | null,
    signal?: AbortSignal,
  ) =>
    api.get<DeskScoresPage>(`${edition(editionId)}/desk-scores`, {
      query: { ...of, after: after ?? undefined, pageSize: DESK_SCORES_PAGE },
      ...opts(signal),
    }),
  list: (api: ApiClient, editionId: string, evaluatorId: string, signal?: AbortSignal) =>
    api.get<{ items: readonly Assignment[] }>(`${edition(editionId)}/assignments`, {
      query: { status: 'active', evaluatorId },
      ...opts(signal),
    }),
  revoke: (api: ApiClient, assignmentId: string, reason: string) =>
    api.post<{ replacement: Assignment | null }>(
      `${BASE}/assignments/${encodeURIComponent(assignmentId)}/revoke`,
      { reason },
    ),
};

/** Names of the edition's reviewers (evaluators and panelists) by account id. */
export async function reviewerNames(
  api: ApiClient,
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const role of ['evaluator', 'panelist'] as const) {
    for (let page = 1; ; page += 1) {
      const answer = await api.get<{
        items: readonly { accountId: string; name: string }[];
        total: number;
      }>('/api/registration/accounts', { query: { role, page }, ...opts(signal) });
      for (const account of answer.items) names.set(account.accountId, account.name);
      if (answer.items.length === 0 || page * 50 >= answer.total) break;
    }
  }
  return names;
}

export const interviewApi = {
  list: (api: ApiClient, editionId: string, atRisk: boolean, signal?: AbortSignal) =>
    api.get<readonly InterviewSlot[]>(`${edition(editionId)}/interview-slots`, {
      query: { atRisk },
      ...opts(signal),
    }),
  generate: (api: ApiClient, editionId: string, days: readonly InterviewDay[], rooms: number) =>
    api.post<readonly InterviewSlot[]>(`${edition(editionId)}/interview-slots`, { days, rooms }),
  book: (api: ApiClient, slotId: string, proposalId: string) =>
    api.post<InterviewSlot>(`${BASE}/interview-slots/${encodeURIComponent(slotId)}/book`, {
      proposalId,
    }),
  swap: (api: ApiClient, slotId: string, withSlotId: string) =>
    api.post<unknown>(`${BASE}/interview-slots/${encodeURIComponent(slotId)}/swap`, { withSlotId }),
  release: (api: ApiClient, slotId: string) =>
    api.post<InterviewSlot>(`${BASE}/interview-slots/${encodeURIComponent(slotId)}/release`),
};
