import { z } from 'zod';
import type { EditionProjection } from '../edition/edition.schema';
import type { EvaluationProposal } from './proposal.schema';

/**
 * The forwarded proposal as the people scoring it read it (an evaluator's assignments, the
 * desk and panel score sheets): the snapshot's content, never who signed it or its checks.
 */
export const scorerProposalView = z.object({
  proposalId: z.string(),
  title: z.string(),
  categoryId: z.string(),
  groupId: z.string(),
  /** The snapshot the score is about; a proposal forwarded again gets the next version. */
  snapshotVersion: z.number(),
  sections: z.array(z.object({ sectionId: z.string(), text: z.string(), wordCount: z.number() })),
  /** The evidence files; submissions serves each at `/proposals/:proposalId/evidence/:fileId`. */
  evidence: z.array(
    z.object({
      evidenceId: z.string(),
      fileId: z.string(),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
    }),
  ),
  /** Null in blind review. */
  institution: z
    .object({ institutionId: z.string(), name: z.string().nullable(), unitId: z.string() })
    .nullable(),
});
export type ScorerProposal = z.infer<typeof scorerProposalView>;

/**
 * Whether desk evaluators of an edition are shown who proposed what. Unknown or
 * unconfigured editions stay blind: hiding too much is the safe mistake.
 */
export function institutionShownToEvaluators(edition: EditionProjection | null): boolean {
  const evaluation = edition?.configuration.evaluation;
  return evaluation ? !evaluation.blindReview : false;
}

/**
 * The institution's name as the public lists show it: as it stood at the forward, else
 * from the registry (`registryName`, null when the registry does not know it either).
 */
export function institutionNameOf(
  proposal: Pick<EvaluationProposal, 'institution'>,
  registryName: string | null,
): string | null {
  return proposal.institution?.name ?? registryName;
}

/**
 * A scorer's view of the proposal. `institution` is `'hidden'` in blind review; otherwise
 * the registry's name of the institution, used when the forwarded copy has none.
 */
export function toScorerProposal(
  proposal: EvaluationProposal,
  institution: 'hidden' | { readonly registryName: string | null },
): ScorerProposal {
  const { snapshot } = proposal;
  return {
    proposalId: proposal._id,
    title: snapshot.title,
    categoryId: proposal.categoryId,
    groupId: proposal.groupId,
    snapshotVersion: proposal.snapshotVersion,
    sections: snapshot.sections.map(({ sectionId, text, wordCount }) => ({
      sectionId,
      text,
      wordCount,
    })),
    evidence: snapshot.evidence.map(({ evidenceId, fileId, filename, contentType, sizeBytes }) => ({
      evidenceId,
      fileId,
      filename,
      contentType,
      sizeBytes,
    })),
    institution:
      institution === 'hidden'
        ? null
        : {
            institutionId: proposal.institutionId,
            name: institutionNameOf(proposal, institution.registryName),
            unitId: proposal.unitId,
          },
  };
}
