import { Schema } from 'mongoose';
import type { GROUP_IDS, ProposalSnapshot } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

/**
 * draft → submitted (to the local admin) → forwarded (to the ministry), or → returned (to
 * the unit, which edits and submits again); withdrawn by the unit before the close.
 */
export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'forwarded',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses in which the unit may still change the content. */
export const EDITABLE_STATUSES: readonly ProposalStatus[] = ['draft', 'returned'];

export interface ProposalSection {
  sectionId: string;
  text: string;
}

export interface ProposalEvidence {
  /** The edition's evidence requirement this file answers. */
  evidenceId: string;
  fileId: string;
  filename: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export interface ProposalTransition {
  from: ProposalStatus | null;
  to: ProposalStatus;
  by: string;
  at: Date;
  comment: string | null;
}

export interface EligibilityCheck {
  check: string;
  outcome: 'pass' | 'warn' | 'fail';
  detail: string;
}

export interface Proposal extends OutboxFields {
  _id: string;
  editionId: string;
  groupId: (typeof GROUP_IDS)[number];
  categoryId: string;
  institutionId: string;
  unitId: string;
  createdBy: string;
  title: string;
  /** ISO date (YYYY-MM-DD) the innovation started; its age is counted at the close. */
  innovationStartDate: string | null;
  sections: ProposalSection[];
  sdgTargets: string[];
  sourceInnovationIds: string[];
  evidence: ProposalEvidence[];
  integrityDeclaration: { signedBy: string; signedAt: Date } | null;
  status: ProposalStatus;
  statusSince: Date;
  /** Grows with every change of content or status; writers send the revision they read. */
  revision: number;
  /** Every forward's immutable snapshot, oldest first; evaluation sees the last. */
  snapshots: ProposalSnapshot[];
  transitions: ProposalTransition[];
  eligibility: EligibilityCheck[];
  eligibilityCheckedAt: Date | null;
  /** Stuck-draft nudges already sent, by threshold name (e.g. "7d"), so each fires once. */
  stalledNotices: string[];
  /** When the local admin last reminded the unit by hand; at most one such nudge a day. */
  manualNudgedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PROPOSAL_MODEL = 'Proposal';

const sectionSchema = new Schema<ProposalSection>(
  { sectionId: { type: String, required: true }, text: { type: String, default: '' } },
  { _id: false },
);

const evidenceSchema = new Schema<ProposalEvidence>(
  {
    evidenceId: { type: String, required: true },
    fileId: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    sizeBytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    uploadedBy: { type: String, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { _id: false },
);

const transitionSchema = new Schema<ProposalTransition>(
  {
    from: { type: String, default: null },
    to: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    comment: { type: String, default: null },
  },
  { _id: false },
);

export const proposalSchema = new Schema<Proposal>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    groupId: { type: String, required: true },
    categoryId: { type: String, required: true },
    institutionId: { type: String, required: true },
    unitId: { type: String, required: true },
    createdBy: { type: String, required: true },
    title: { type: String, required: true },
    innovationStartDate: { type: String, default: null },
    sections: { type: [sectionSchema], default: [] },
    sdgTargets: { type: [String], default: [] },
    sourceInnovationIds: { type: [String], default: [] },
    evidence: { type: [evidenceSchema], default: [] },
    integrityDeclaration: {
      type: new Schema({ signedBy: String, signedAt: Date }, { _id: false }),
      default: null,
    },
    status: { type: String, required: true, default: 'draft' },
    statusSince: { type: Date, required: true },
    revision: { type: Number, required: true, default: 1 },
    snapshots: { type: Schema.Types.Mixed, default: [] },
    transitions: { type: [transitionSchema], default: [] },
    eligibility: { type: Schema.Types.Mixed, default: [] },
    eligibilityCheckedAt: { type: Date, default: null },
    stalledNotices: { type: [String], default: [] },
    manualNudgedAt: { type: Date, default: null },
  },
  // Content changes are guarded by `revision` in the update filter, not mongoose's __v.
  { ...schemaOptions('proposals'), optimisticConcurrency: false },
);
proposalSchema.plugin(outboxPlugin);
// A unit lists its proposals; a local admin its institution's, per edition.
proposalSchema.index({ institutionId: 1, editionId: 1, status: 1 });
proposalSchema.index({ unitId: 1, editionId: 1 });
// The national admin lists forwarded proposals of an edition; stuck-draft detection scans by status.
proposalSchema.index({ editionId: 1, status: 1, statusSince: 1 });
// The drafts report groups an edition's proposals per institution and status (covered).
proposalSchema.index({ editionId: 1, institutionId: 1, status: 1, statusSince: 1 });
// The evidence orphan sweep asks which stored files a proposal still points at.
proposalSchema.index({ 'evidence.fileId': 1 });
proposalSchema.index({ 'snapshots.evidence.fileId': 1 });
