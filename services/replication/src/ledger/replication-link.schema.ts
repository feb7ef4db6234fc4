import { Schema } from 'mongoose';
import type {
  REPLICATION_CONFIRMATIONS,
  REPLICATION_STATUSES,
  ReplicationLink,
} from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';
import type { DetectableFileType } from '@kipp/service-kit';

export type Confirmation = (typeof REPLICATION_CONFIRMATIONS)[number];
export type ReplicationLinkStatus = (typeof REPLICATION_STATUSES)[number];

export const EVIDENCE_KINDS = ['mou', 'decree', 'budget', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface ReplicationEvidence {
  /** GridFS id in the bucket `replication_evidence`. */
  fileId: string;
  kind: EvidenceKind;
  filename: string;
  contentType: DetectableFileType;
  sizeBytes: number;
  sha256: string;
}

/** Who changed a link: an account, or the platform (a forwarded or withdrawn proposal). */
export type LinkActor =
  { kind: 'account'; accountId: string } | { kind: 'system'; process: string };

export type LinkAction = 'recorded' | 'countersigned' | 'disputed' | 'status-changed' | 'withdrawn';

/** One change of a link, kept for both sides to read (who, what, when). */
export interface LinkHistoryEntry {
  revision: number;
  action: LinkAction;
  by: LinkActor;
  at: Date;
  status: ReplicationLinkStatus;
  confirmation: Confirmation;
  /** The adopter's note on a status change, or the origin's reason for a dispute. */
  note: string | null;
}

/**
 * One link of the replication ledger (see `ReplicationLink` in the contracts). A link whose
 * proposal was withdrawn before the origin confirmed it is kept (its outbox may still hold
 * events) with `withdrawnAt` set, and no read shows it again.
 */
export interface ReplicationLinkDocument extends Partial<OutboxFields> {
  /** `rep_<uuid>`. */
  _id: string;
  revision: number;
  innovationId: string;
  /** Kept from the innovation when the link was recorded (for notices and lists). */
  innovationTitle: string;
  originInstitutionId: string;
  originUnitId: string | null;
  adopterInstitutionId: string;
  adopterProvinceCode: string | null;
  title: string;
  status: ReplicationLinkStatus;
  confirmation: Confirmation;
  disputeReason: string | null;
  source: 'registered' | 'proposal';
  proposalId: string | null;
  visitId: string | null;
  evidence: ReplicationEvidence[];
  history: LinkHistoryEntry[];
  /** False once stopped or withdrawn: the adopter may then record the innovation again. */
  active: boolean;
  withdrawnAt: Date | null;
  recordedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const REPLICATION_LINK_MODEL = 'ReplicationLink';

export const replicationLinkSchema = new Schema<ReplicationLinkDocument>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    innovationId: { type: String, required: true },
    innovationTitle: { type: String, required: true },
    originInstitutionId: { type: String, required: true },
    originUnitId: { type: String, default: null },
    adopterInstitutionId: { type: String, required: true },
    adopterProvinceCode: { type: String, default: null },
    title: { type: String, required: true },
    status: { type: String, required: true },
    confirmation: { type: String, required: true },
    disputeReason: { type: String, default: null },
    source: { type: String, required: true },
    proposalId: { type: String, default: null },
    visitId: { type: String, default: null },
    evidence: { type: Schema.Types.Mixed, default: [] },
    history: { type: Schema.Types.Mixed, default: [] },
    active: { type: Boolean, required: true },
    withdrawnAt: { type: Date, default: null },
    recordedAt: { type: Date, required: true },
  },
  { ...schemaOptions('replication_links'), minimize: false },
);
replicationLinkSchema.plugin(outboxPlugin);
// One active link per (adopter, innovation): a second registration is a 409.
replicationLinkSchema.index(
  { adopterInstitutionId: 1, innovationId: 1 },
  { unique: true, partialFilterExpression: { active: true }, name: 'one_active_link' },
);
// A proposal links each innovation it names once, however often it is forwarded.
replicationLinkSchema.index(
  { proposalId: 1, innovationId: 1 },
  { unique: true, partialFilterExpression: { proposalId: { $type: 'string' } } },
);
// The parties' lists: links of an institution as origin or adopter, newest first.
replicationLinkSchema.index({ originInstitutionId: 1, recordedAt: -1 });
replicationLinkSchema.index({ adopterInstitutionId: 1, recordedAt: -1 });
// The public list: confirmed links of an innovation or a province.
replicationLinkSchema.index({ confirmation: 1, innovationId: 1 });
replicationLinkSchema.index({ confirmation: 1, adopterProvinceCode: 1 });

/** The link as the contracts' events carry it. */
export function toReplicationLink(
  link: Omit<ReplicationLinkDocument, 'history' | 'createdAt' | keyof OutboxFields>,
): ReplicationLink {
  return {
    replicationId: link._id,
    revision: link.revision,
    innovationId: link.innovationId,
    originInstitutionId: link.originInstitutionId,
    adopterInstitutionId: link.adopterInstitutionId,
    adopterProvinceCode: link.adopterProvinceCode,
    title: link.title,
    status: link.status,
    confirmation: link.confirmation,
    disputeReason: link.disputeReason,
    source: link.source,
    proposalId: link.proposalId,
    visitId: link.visitId,
    evidenceCount: link.evidence.length,
    recordedAt: link.recordedAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  };
}
