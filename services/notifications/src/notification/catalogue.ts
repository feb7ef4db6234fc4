import type { AwardTier, LocalizedText, Role, SealedSecretPayload } from './contract-types';

/**
 * What recipients may opt out of. Mandatory templates ignore preferences; the others go to
 * everyone who has not opted out of their category.
 */
export const OPTIONAL_CATEGORIES = [
  'proposal',
  'reminder',
  'replication',
  'sustainability',
  'broadcast',
] as const;
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];

export const CATEGORIES = [
  'account',
  'selection',
  'assignment',
  'objection',
  'interview',
  'results',
  'digest',
  ...OPTIONAL_CATEGORIES,
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ['email', 'inbox'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ProposalTitle = string | null;

/**
 * The data each template is rendered from, stored with every message. Instants are ISO-8601
 * strings (UTC); templates show them in the recipient's WIB/WITA/WIT. A title the service
 * has not learnt yet is null (templates then name the proposal by its id).
 */
export interface TemplateParams {
  'account.welcome': {
    userId: string;
    roles: Role[];
    institutionName: string | null;
    mustChangePassword: boolean;
  };
  /** The link stays sealed at rest; it is opened only to render the mail being sent. */
  'account.password-reset': { sealedLink: SealedSecretPayload; expiresAt: string };
  'local-admin-request.decided': {
    decision: 'approved' | 'rejected';
    reason: string | null;
    institutionName: string | null;
    candidateName: string;
  };
  'proposal.returned': { proposalId: string; title: ProposalTitle; comment: string };
  'proposal.forwarded': { proposalId: string; title: ProposalTitle; forwardedAt: string };
  'proposal.withdrawn': {
    proposalId: string;
    title: ProposalTitle;
    wasForwarded: boolean;
    withdrawnAt: string;
  };
  /** A nudge to whoever holds a proposal as the close approaches. */
  'proposal.stalled': {
    proposalId: string;
    title: ProposalTitle;
    sittingWith: 'unit' | 'local_admin';
    since: string;
    closesAt: string;
    threshold: string;
  };
  /** The local admin's reminder by hand to the unit, with their own words if any. */
  'proposal.nudged': {
    proposalId: string;
    title: ProposalTitle;
    message: string | null;
    closesAt: string | null;
  };
  /** To an institution's local admins while it still has proposals not forwarded. */
  'deadline.reminder': {
    editionId: string;
    editionName: string | null;
    closesAt: string;
    threshold: string;
  };
  'selection.decided': {
    proposalId: string;
    title: ProposalTitle;
    outcome: 'pass' | 'fail';
    reasons: { check: string; outcome: 'pass' | 'fail'; note: string }[];
  };
  'assignment.created': {
    assignmentId: string;
    proposalId: string;
    title: ProposalTitle;
    editionName: string | null;
    reason: 'initial' | 'reassignment' | 'divergence';
    dueAt: string | null;
  };
  'assignment.revoked': {
    assignmentId: string;
    proposalId: string;
    title: ProposalTitle;
    reason: string;
  };
  'scoring.reminder': {
    editionId: string;
    editionName: string | null;
    dueAt: string;
    openAssignments: number;
  };
  'objection.filed': {
    objectionId: string;
    proposalId: string;
    title: ProposalTitle;
    evidenceCount: number;
    filedAt: string;
  };
  'objection.resolved': {
    objectionId: string;
    proposalId: string;
    title: ProposalTitle;
    outcome: 'upheld' | 'dismissed';
    reason: string;
  };
  'interview.scheduled': {
    proposalId: string;
    title: ProposalTitle;
    slotId: string;
    change: 'booked' | 'moved' | 'confirmed' | 'released';
    startsAt: string;
    presentationMinutes: number;
    interviewMinutes: number;
    confirmBy: string;
  };
  'interview.confirmation-reminder': {
    proposalId: string;
    title: ProposalTitle;
    slotId: string;
    startsAt: string;
    confirmBy: string;
  };
  'stage.result': {
    proposalId: string;
    title: ProposalTitle;
    editionId: string;
    stage: 'desk' | 'shortlist' | 'finalists' | 'final';
    advanced: boolean;
    rank: number | null;
    score: number | null;
  };
  'award.granted': {
    proposalId: string;
    title: string;
    editionId: string;
    year: number;
    tiers: AwardTier[];
    rank: number;
  };
  'certificate.issued': {
    certificateId: string;
    proposalId: string;
    title: ProposalTitle;
    tier: AwardTier;
    verificationCode: string;
  };
  'certificate.revoked': {
    certificateId: string;
    proposalId: string;
    title: ProposalTitle;
    tier: AwardTier;
    reason: string;
    replaced: boolean;
  };
  'replication.countersign-requested': {
    replicationId: string;
    innovationId: string;
    innovationTitle: string;
    replicationTitle: string;
    adopterInstitutionName: string | null;
    respondBy: string | null;
  };
  'check-in.due': {
    checkInId: string;
    innovationId: string;
    innovationTitle: string;
    period: number;
    dueAt: string;
  };
  'check-in.overdue': {
    checkInId: string;
    innovationId: string;
    innovationTitle: string;
    period: number;
    dueAt: string;
  };
  /** Written by the national admin in both languages. */
  broadcast: { subject: LocalizedText; body: LocalizedText };
  /** One mail gathering a day's non-urgent messages of one recipient. */
  digest: {
    items: { template: TemplateId; subject: string; link: string | null; createdAt: string }[];
  };
}

export type TemplateId = keyof TemplateParams;

export interface TemplateMeta {
  readonly category: Category;
  /** Goes whatever the recipient's preferences say. */
  readonly mandatory: boolean;
  /** Never held for the daily digest. */
  readonly urgent: boolean;
  /** The recipient confirms reading it; the sender sees who has and who hasn't. */
  readonly requiresAck: boolean;
  readonly channels: readonly Channel[];
}

const both: readonly Channel[] = ['email', 'inbox'];

export const TEMPLATES: Readonly<Record<TemplateId, TemplateMeta>> = {
  'account.welcome': {
    category: 'account',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  // Email only: a reset link does not belong in an inbox one must be signed in to read.
  'account.password-reset': {
    category: 'account',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: ['email'],
  },
  'local-admin-request.decided': {
    category: 'account',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'proposal.returned': {
    category: 'proposal',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'proposal.forwarded': {
    category: 'proposal',
    mandatory: false,
    urgent: false,
    requiresAck: false,
    channels: both,
  },
  'proposal.withdrawn': {
    category: 'proposal',
    mandatory: false,
    urgent: false,
    requiresAck: false,
    channels: both,
  },
  'proposal.stalled': {
    category: 'reminder',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'proposal.nudged': {
    category: 'reminder',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'deadline.reminder': {
    category: 'reminder',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'selection.decided': {
    category: 'selection',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'assignment.created': {
    category: 'assignment',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'assignment.revoked': {
    category: 'assignment',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'scoring.reminder': {
    category: 'reminder',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'objection.filed': {
    category: 'objection',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'objection.resolved': {
    category: 'objection',
    mandatory: true,
    urgent: true,
    requiresAck: true,
    channels: both,
  },
  'interview.scheduled': {
    category: 'interview',
    mandatory: true,
    urgent: true,
    requiresAck: true,
    channels: both,
  },
  'interview.confirmation-reminder': {
    category: 'interview',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'stage.result': {
    category: 'results',
    mandatory: true,
    urgent: true,
    requiresAck: true,
    channels: both,
  },
  'award.granted': {
    category: 'results',
    mandatory: true,
    urgent: true,
    requiresAck: true,
    channels: both,
  },
  'certificate.issued': {
    category: 'results',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'certificate.revoked': {
    category: 'results',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'replication.countersign-requested': {
    category: 'replication',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  'check-in.due': {
    category: 'sustainability',
    mandatory: false,
    urgent: false,
    requiresAck: false,
    channels: both,
  },
  'check-in.overdue': {
    category: 'sustainability',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  // A broadcast's own flags (mandatory, acknowledgement) come with it.
  broadcast: {
    category: 'broadcast',
    mandatory: false,
    urgent: true,
    requiresAck: false,
    channels: both,
  },
  digest: {
    category: 'digest',
    mandatory: true,
    urgent: true,
    requiresAck: false,
    channels: ['email'],
  },
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
