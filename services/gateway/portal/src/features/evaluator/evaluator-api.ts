import type { EditionConfiguration, EditionPhase } from '@kipp/contracts';
import { ApiError } from '../../api/api-error';
import type { ApiClient } from '../../api/client';

const EVALUATION = '/api/evaluation';
const REGISTRATION = '/api/registration';

const seg = (value: string) => encodeURIComponent(value);
const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

export interface SnapshotSection {
  readonly sectionId: string;
  readonly text: string;
  readonly wordCount: number;
}

export interface EvidenceFile {
  readonly evidenceId: string;
  readonly fileId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
}

/** The forwarded proposal as the people scoring it read it (evaluation's scorer view). */
export interface ScorerProposal {
  readonly proposalId: string;
  readonly title: string;
  readonly categoryId: string;
  readonly groupId: string;
  readonly snapshotVersion: number;
  readonly sections: readonly SnapshotSection[];
  /** Each file is served by submissions (`proposalApi.evidencePath`). */
  readonly evidence: readonly EvidenceFile[];
  /** Null in blind review. */
  readonly institution: {
    readonly institutionId: string;
    readonly name: string | null;
    readonly unitId: string;
  } | null;
}

/** Where the caller's sheet (desk or panel) stands, without the sheet itself. */
export interface SheetStanding {
  readonly status: 'draft' | 'submitted';
  /** Grows with every save. */
  readonly revision: number;
  readonly weightedScore: number | null;
  readonly submittedAt: string | null;
}

/** One of the caller's active desk assignments, as evaluation's `GET /me/assignments` gives it. */
export interface MyAssignment {
  readonly assignmentId: string;
  readonly editionId: string;
  /** The end of desk evaluation when the assignment was made. */
  readonly dueAt: string | null;
  /** Until when the sheet accepts scores now (the same as the sheet's `deadline`). */
  readonly deadline: string | null;
  readonly proposal: ScorerProposal | null;
  /** Null until the sheet is first saved. */
  readonly sheet: SheetStanding | null;
}

/** A current finalist with the caller's panel sheet, as `GET …/panel-sheets` gives it. */
export interface MyPanelSheet {
  readonly proposalId: string;
  readonly title: string;
  readonly categoryId: string;
  readonly groupId: string;
  readonly institutionName: string | null;
  /** Null until the sheet is first saved. */
  readonly sheet: SheetStanding | null;
}

export interface MyPanelSheets {
  readonly editionId: string;
  /** Null before the finalists are published (no items then). */
  readonly publishedAt: string | null;
  /** Until when panel sheets accept scores, as the calendar plans it. */
  readonly deadline: string | null;
  readonly items: readonly MyPanelSheet[];
}

export interface SheetCriterion {
  readonly criterionId: string;
  readonly score: number;
  readonly comment: string;
}

/** A score sheet as saves and submits answer it. */
export interface ScoreSheet {
  readonly sheetId: string | null;
  readonly stage: 'desk' | 'panel';
  readonly editionId: string;
  readonly proposalId: string;
  readonly assignmentId: string | null;
  readonly status: 'draft' | 'submitted';
  /** 0 before the first save; sent back as `expectedRevision`. */
  readonly revision: number;
  readonly submissions: number;
  readonly criteria: readonly SheetCriterion[];
  readonly weightedScore: number | null;
  readonly submittedWeightedScore: number | null;
  readonly submittedAt: string | null;
  readonly deadline: string | null;
  readonly rubric: {
    readonly scale: { readonly min: number; readonly max: number };
    readonly criteria: readonly { readonly criterionId: string; readonly weight: number }[];
  };
  readonly audit: readonly {
    readonly action: string;
    readonly by: string;
    readonly at: string;
    readonly weightedScore: number | null;
  }[];
}

/** A sheet as it is read: with the proposal it scores (null while evaluation lacks it). */
export interface ScoreSheetReading extends ScoreSheet {
  readonly proposal: ScorerProposal | null;
}

export interface ScoringProgress {
  readonly overall: {
    readonly assigned: number;
    readonly submitted: number;
    readonly percentSubmitted: number;
  };
}

export interface EditionSummary {
  readonly editionId: string;
  readonly status: string;
  readonly currentPhase: EditionPhase | null;
  readonly configuration: EditionConfiguration;
}

export interface PublicFinalist {
  readonly proposalId: string;
  readonly title: string;
  readonly institutionName: string | null;
  readonly categoryId: string;
  readonly groupId: string;
}

export interface InterviewSlot {
  readonly slotId: string;
  readonly editionId: string;
  readonly room: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly presentationMinutes: number;
  readonly interviewMinutes: number;
  readonly proposalId: string | null;
  readonly institutionId: string | null;
  readonly confirmBy: string | null;
  readonly confirmedAt: string | null;
}

export interface FieldPhoto {
  readonly fileId: string;
  readonly filename: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly uploadedAt: string;
}

export interface FieldVerification {
  readonly id: string;
  readonly proposalId: string;
  readonly visitedOn: string;
  readonly team: readonly string[];
  readonly findings: string;
  readonly recommendation: 'confirmed' | 'concerns' | null;
  readonly photos: readonly FieldPhoto[];
  readonly recordedBy: string;
}

export interface NewFieldVerification {
  readonly visitedOn: string;
  readonly team: readonly string[];
  readonly findings: string;
  readonly recommendation?: 'confirmed' | 'concerns';
}

export interface SheetSave {
  readonly criteria: readonly SheetCriterion[];
  readonly expectedRevision: number;
}

/** Where a score sheet lives: a desk assignment, or a panelist's sheet for a finalist. */
export type SheetAddress =
  | { readonly stage: 'desk'; readonly assignmentId: string }
  | { readonly stage: 'panel'; readonly editionId: string; readonly proposalId: string };

function sheetPath(address: SheetAddress): string {
  return address.stage === 'desk'
    ? `${EVALUATION}/assignments/${seg(address.assignmentId)}/sheet`
    : `${EVALUATION}/editions/${seg(address.editionId)}/panel-sheets/${seg(address.proposalId)}`;
}

const finalists = (api: ApiClient, editionId: string, signal?: AbortSignal) =>
  api.get<{ finalists: PublicFinalist[] }>(
    `${EVALUATION}/public/editions/${seg(editionId)}/finalists`,
    withSignal(signal),
  );

export const evaluatorApi = {
  myAssignments: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ items: MyAssignment[] }>(`${EVALUATION}/me/assignments`, withSignal(signal)),
  myProgress: (api: ApiClient, editionId?: string, signal?: AbortSignal) =>
    api.get<ScoringProgress>(`${EVALUATION}/me/scoring/progress`, {
      query: { editionId },
      ...withSignal(signal),
    }),
  /** The caller's panel sheets for the edition's current finalists, in one request. */
  myPanelSheets: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<MyPanelSheets>(
      `${EVALUATION}/editions/${seg(editionId)}/panel-sheets`,
      withSignal(signal),
    ),
  sheet: (api: ApiClient, address: SheetAddress, signal?: AbortSignal) =>
    api.get<ScoreSheetReading>(sheetPath(address), withSignal(signal)),
  saveSheet: (api: ApiClient, address: SheetAddress, body: SheetSave) =>
    api.put<ScoreSheet>(sheetPath(address), body),
  submitSheet: (api: ApiClient, address: SheetAddress, expectedRevision: number) =>
    api.post<ScoreSheet>(`${sheetPath(address)}/submit`, { expectedRevision }),
  endAssignment: (
    api: ApiClient,
    assignmentId: string,
    kind: 'decline' | 'recuse',
    reason: string,
  ) =>
    api.post<{ assignment: { id: string; status: string }; replacement: { id: string } | null }>(
      `${EVALUATION}/assignments/${seg(assignmentId)}/${kind}`,
      { reason },
    ),
  editions: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ editions: EditionSummary[] }>(`${REGISTRATION}/editions`, {
      query: { status: 'published' },
      ...withSignal(signal),
    }),
  edition: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<EditionSummary>(`${REGISTRATION}/editions/${seg(editionId)}`, withSignal(signal)),
  finalists,
  /** The current finalists; none while the finalists stage is not published yet. */
  currentFinalists: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    finalists(api, editionId, signal).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'STAGE_NOT_PUBLISHED') {
        return { finalists: [] as PublicFinalist[] };
      }
      throw error;
    }),
  interviewSlots: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<InterviewSlot[]>(
      `${EVALUATION}/editions/${seg(editionId)}/interview-slots`,
      withSignal(signal),
    ),
  fieldVerifications: (api: ApiClient, proposalId: string, signal?: AbortSignal) =>
    api.get<FieldVerification[]>(
      `${EVALUATION}/proposals/${seg(proposalId)}/field-verifications`,
      withSignal(signal),
    ),
  recordFieldVerification: (api: ApiClient, proposalId: string, body: NewFieldVerification) =>
    api.post<FieldVerification>(
      `${EVALUATION}/proposals/${seg(proposalId)}/field-verifications`,
      body,
    ),
  fieldPhotoPath: (verificationId: string, fileId: string) =>
    `${EVALUATION}/field-verifications/${seg(verificationId)}/photos/${seg(fileId)}`,
  uploadFieldPhoto: (
    api: ApiClient,
    verificationId: string,
    file: File,
    onProgress: (loaded: number, total: number) => void,
  ) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<FieldPhoto>(
      `${EVALUATION}/field-verifications/${seg(verificationId)}/photos`,
      form,
      { onProgress },
    );
  },
};
