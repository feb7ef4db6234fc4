import { z } from 'zod';
import { GROUP_IDS } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import { countWords } from './eligibility';
import { PROPOSAL_STATUSES, type Proposal } from './proposal.schema';

const checkView = z.object({
  check: z.string(),
  outcome: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});

export const proposalSummaryView = z.object({
  proposalId: z.string(),
  editionId: z.string(),
  groupId: z.enum(GROUP_IDS),
  categoryId: z.string(),
  institutionId: z.string(),
  unitId: z.string(),
  title: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusSince: z.string(),
  revision: z.number(),
  /** The latest forwarded snapshot: what the ministry sees. */
  snapshotVersion: z.number().nullable(),
});

export const proposalListView = z.object({ items: z.array(proposalSummaryView) });

export const proposalView = proposalSummaryView.extend({
  innovationStartDate: z.string().nullable(),
  sections: z.array(
    z.object({
      sectionId: z.string(),
      title: z.object({ id: z.string(), en: z.string() }),
      required: z.boolean(),
      wordLimit: z.number(),
      text: z.string(),
      wordCount: z.number(),
    }),
  ),
  evidence: z.array(
    z.object({
      evidenceId: z.string(),
      required: z.boolean(),
      allowedTypes: z.array(z.string()),
      maxSizeBytes: z.number(),
      uploaded: z.array(
        z.object({
          fileId: z.string(),
          filename: z.string(),
          sizeBytes: z.number(),
          sha256: z.string(),
        }),
      ),
    }),
  ),
  sdgTargets: z.object({ selected: z.array(z.string()), available: z.array(z.string()) }),
  sourceInnovationIds: z.array(z.string()),
  integrityDeclaration: z.object({ signedBy: z.string(), signedAt: z.string() }).nullable(),
  eligibility: z.array(checkView),
  eligibilityCheckedAt: z.string().nullable(),
  transitions: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      by: z.string(),
      at: z.string(),
      comment: z.string().nullable(),
    }),
  ),
  snapshot: z.unknown().nullable(),
});

const iso = (date: Date | string): string => new Date(date).toISOString();

export function toSummaryView(proposal: Proposal): z.infer<typeof proposalSummaryView> {
  return {
    proposalId: proposal._id,
    editionId: proposal.editionId,
    groupId: proposal.groupId,
    categoryId: proposal.categoryId,
    institutionId: proposal.institutionId,
    unitId: proposal.unitId,
    title: proposal.title,
    status: proposal.status,
    statusSince: iso(proposal.statusSince),
    revision: proposal.revision,
    snapshotVersion: proposal.snapshots.at(-1)?.snapshotVersion ?? null,
  };
}

/** The proposal as its form: each section of its group with limit and count, evidence, SDGs. */
export function toProposalView(
  proposal: Proposal,
  edition: EditionProjection,
): z.infer<typeof proposalView> {
  const form = edition.configuration.form;
  const textOf = new Map(proposal.sections.map((s) => [s.sectionId, s.text]));
  return {
    ...toSummaryView(proposal),
    innovationStartDate: proposal.innovationStartDate,
    sections: form.sections
      .filter((s) => s.groups.includes(proposal.groupId))
      .map((s) => {
        const text = textOf.get(s.sectionId) ?? '';
        return {
          sectionId: s.sectionId,
          title: s.title,
          required: s.required,
          wordLimit: s.wordLimit,
          text,
          wordCount: countWords(text),
        };
      }),
    evidence: form.evidence
      .filter((e) => e.groups.includes(proposal.groupId))
      .map((e) => ({
        evidenceId: e.evidenceId,
        required: e.required,
        allowedTypes: [...e.allowedTypes],
        maxSizeBytes: e.maxSizeBytes,
        uploaded: proposal.evidence
          .filter((u) => u.evidenceId === e.evidenceId)
          .map((u) => ({
            fileId: u.fileId,
            filename: u.filename,
            sizeBytes: u.sizeBytes,
            sha256: u.sha256,
          })),
      })),
    sdgTargets: { selected: proposal.sdgTargets, available: form.sdgTargets },
    sourceInnovationIds: proposal.sourceInnovationIds,
    integrityDeclaration: proposal.integrityDeclaration
      ? {
          signedBy: proposal.integrityDeclaration.signedBy,
          signedAt: iso(proposal.integrityDeclaration.signedAt),
        }
      : null,
    eligibility: proposal.eligibility,
    eligibilityCheckedAt: proposal.eligibilityCheckedAt ? iso(proposal.eligibilityCheckedAt) : null,
    transitions: proposal.transitions.map((t) => ({ ...t, at: iso(t.at) })),
    snapshot: proposal.snapshots.at(-1) ?? null,
  };
}
