import type { ApiClient } from '../../api/client';

const SUBMISSIONS = '/api/submissions';
const REGISTRATION = '/api/registration';

export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'forwarded',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses in which the unit may still change the content (as submissions decides). */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'returned'];

export interface ProposalSummary {
  readonly proposalId: string;
  readonly editionId: string;
  readonly groupId: string;
  readonly categoryId: string;
  readonly institutionId: string;
  readonly unitId: string;
  readonly title: string;
  readonly status: ProposalStatus;
  readonly statusSince: string;
  readonly revision: number;
  readonly snapshotVersion: number | null;
}

export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

export interface ProposalSection {
  readonly sectionId: string;
  readonly title: LocalizedText;
  readonly required: boolean;
  readonly wordLimit: number;
  readonly text: string;
  readonly wordCount: number;
}

export interface UploadedFile {
  readonly fileId: string;
  readonly filename: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

export interface EvidenceSlot {
  readonly evidenceId: string;
  readonly required: boolean;
  readonly allowedTypes: readonly string[];
  readonly maxSizeBytes: number;
  readonly uploaded: readonly UploadedFile[];
}

export type CheckOutcome = 'pass' | 'warn' | 'fail';

export interface EligibilityCheck {
  readonly check: string;
  readonly outcome: CheckOutcome;
  readonly detail: string;
}

export interface Transition {
  readonly from: string | null;
  readonly to: string;
  readonly by: string;
  readonly at: string;
  readonly comment: string | null;
}

export interface Proposal extends ProposalSummary {
  readonly innovationStartDate: string | null;
  readonly sections: readonly ProposalSection[];
  readonly evidence: readonly EvidenceSlot[];
  readonly sdgTargets: {
    readonly selected: readonly string[];
    readonly available: readonly string[];
  };
  readonly sourceInnovationIds: readonly string[];
  readonly integrityDeclaration: { readonly signedBy: string; readonly signedAt: string } | null;
  readonly eligibility: readonly EligibilityCheck[];
  readonly eligibilityCheckedAt: string | null;
  readonly transitions: readonly Transition[];
}

/** What a save sends besides the revision it was based on. */
export interface ProposalChanges {
  readonly title?: string;
  readonly innovationStartDate?: string | null;
  readonly sections?: readonly { readonly sectionId: string; readonly text: string }[];
  readonly sdgTargets?: readonly string[];
  readonly sourceInnovationIds?: readonly string[];
}

/** The part of an edition the operator and local admin pages read. */
export interface EditionSummary {
  readonly editionId: string;
  readonly status: string;
  readonly currentPhase: string | null;
  readonly configuration: {
    readonly name: string;
    readonly year: number;
    readonly categories: readonly { readonly categoryId: string; readonly name: LocalizedText }[];
    readonly groups: readonly {
      readonly groupId: string;
      readonly name: LocalizedText;
      readonly quotaPerInstitution: number;
      readonly eligibility: {
        readonly invitationOnly: boolean;
        readonly requiresSourceInnovation: boolean;
      };
      readonly invitedInstitutionIds?: readonly string[];
    }[];
    readonly form: {
      readonly evidence: readonly { readonly evidenceId: string; readonly title: LocalizedText }[];
      readonly requiresIntegrityDeclaration: boolean;
    };
    readonly calendar: readonly {
      readonly phase: string;
      readonly startsAt: string;
      readonly endsAt: string;
    }[];
  };
}

/** A registry institution as registration shows it to its own people. */
export interface InstitutionInfo {
  readonly institutionId: string;
  readonly name: string;
  readonly provinceCode: string | null;
}

const path = (id: string) => `${SUBMISSIONS}/proposals/${encodeURIComponent(id)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const proposalApi = {
  list: (
    api: ApiClient,
    query: { editionId?: string; status?: ProposalStatus } = {},
    signal?: AbortSignal,
  ) =>
    api.get<{ items: ProposalSummary[] }>(`${SUBMISSIONS}/proposals`, {
      query,
      ...withSignal(signal),
    }),
  get: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<Proposal>(path(id), withSignal(signal)),
  create: (
    api: ApiClient,
    body: { editionId: string; groupId: string; categoryId: string; title: string },
  ) => api.post<Proposal>(`${SUBMISSIONS}/proposals`, body),
  save: (api: ApiClient, id: string, revision: number, changes: ProposalChanges) =>
    api.put<Proposal>(path(id), { revision, ...changes }),
  signDeclaration: (api: ApiClient, id: string, revision: number) =>
    api.post<Proposal>(`${path(id)}/integrity-declaration`, { revision }),
  submit: (api: ApiClient, id: string) => api.post<Proposal>(`${path(id)}/submit`),
  withdraw: (api: ApiClient, id: string) => api.post<Proposal>(`${path(id)}/withdraw`),
  returnToUnit: (api: ApiClient, id: string, comment: string) =>
    api.post<Proposal>(`${path(id)}/return`, { comment }),
  forward: (api: ApiClient, id: string) => api.post<Proposal>(`${path(id)}/forward`),
  uploadEvidence: (
    api: ApiClient,
    id: string,
    evidenceId: string,
    file: File,
    onProgress: (loaded: number, total: number) => void,
  ) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<UploadedFile>(
      `${path(id)}/evidence/${encodeURIComponent(evidenceId)}`,
      form,
      {
        onProgress,
      },
    );
  },
  deleteEvidence: (api: ApiClient, id: string, evidenceId: string) =>
    api.delete<undefined>(`${path(id)}/evidence/${encodeURIComponent(evidenceId)}`),
  evidencePath: (id: string, fileId: string) =>
    `${path(id)}/evidence/${encodeURIComponent(fileId)}`,
  draftsReport: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<DraftsReport>(`${SUBMISSIONS}/reports/drafts`, {
      query: { editionId },
      ...withSignal(signal),
    }),
};

export interface DraftsReport {
  readonly editionId: string;
  readonly institutions: readonly {
    readonly institutionId: string;
    readonly counts: Readonly<Record<ProposalStatus, number>>;
    readonly withUnit: number;
    readonly withLocalAdmin: number;
    readonly oldestSittingSince: string | null;
  }[];
}

export const editionApi = {
  list: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ editions: EditionSummary[] }>(`${REGISTRATION}/editions`, withSignal(signal)),
  institution: (api: ApiClient, institutionId: string, signal?: AbortSignal) =>
    api.get<InstitutionInfo>(
      `${REGISTRATION}/institutions/${encodeURIComponent(institutionId)}`,
      withSignal(signal),
    ),
};

/** The hard close of an edition: the end of its submission phase; null without one. */
export function submissionClose(edition: EditionSummary | undefined): string | null {
  return (
    edition?.configuration.calendar.find((entry) => entry.phase === 'submission')?.endsAt ?? null
  );
}
