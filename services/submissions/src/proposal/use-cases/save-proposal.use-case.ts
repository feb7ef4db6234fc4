import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionDirectory } from '../../edition/edition-directory';
import type { TimeZone } from '@kipp/contracts';
import { EligibilityRunner } from '../eligibility-runner';
import {
  FormMismatchError,
  ProposalNotFoundError,
  ProposalRevisionConflictError,
  ProposalStatusConflictError,
} from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { loadEditableDraft } from '../editable-draft';
import { ProposalRepository } from '../proposal.repository';
import { EDITABLE_STATUSES, type Proposal, type ProposalSection } from '../proposal.schema';
import { SubmissionWindow } from '../submission-window';

export interface SaveProposalInput {
  /** The revision the editor read: a stale one is refused, never silently overwritten. */
  readonly revision: number;
  readonly title?: string;
  readonly innovationStartDate?: string | null;
  readonly sections?: readonly ProposalSection[];
  readonly sdgTargets?: readonly string[];
  readonly sourceInnovationIds?: readonly string[];
}

/**
 * The unit saves its draft (often). Sections given replace those with the same id; over a
 * word limit is allowed while drafting and shows as a failing check.
 */
@Injectable()
export class SaveProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly eligibility: EligibilityRunner,
  ) {}

  async execute(
    proposalId: string,
    input: SaveProposalInput,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const { proposal, edition } = await loadEditableDraft(
      { loader: this.loader, editions: this.editions, window: this.window },
      { proposalId, actor, action: 'change', zone, now },
    );
    if (proposal.revision !== input.revision) {
      throw new ProposalRevisionConflictError(proposalId, input.revision, proposal.revision);
    }
    const form = edition.configuration.form;
    const sectionIds = new Set(
      form.sections.filter((s) => s.groups.includes(proposal.groupId)).map((s) => s.sectionId),
    );
    const unknownSections = (input.sections ?? [])
      .map((s) => s.sectionId)
      .filter((id) => !sectionIds.has(id));
    if (unknownSections.length > 0) throw new FormMismatchError('section', unknownSections);
    const unknownTargets = (input.sdgTargets ?? []).filter((t) => !form.sdgTargets.includes(t));
    if (unknownTargets.length > 0) throw new FormMismatchError('sdg-target', unknownTargets);

    const sections = input.sections
      ? [
          ...proposal.sections.filter(
            (s) => !input.sections?.some((given) => given.sectionId === s.sectionId),
          ),
          ...input.sections.map((s) => ({ sectionId: s.sectionId, text: s.text })),
        ]
      : undefined;
    const next = {
      ...proposal,
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.innovationStartDate !== undefined
        ? { innovationStartDate: input.innovationStartDate }
        : {}),
      ...(sections ? { sections } : {}),
      ...(input.sdgTargets ? { sdgTargets: [...new Set(input.sdgTargets)] } : {}),
      ...(input.sourceInnovationIds
        ? { sourceInnovationIds: [...new Set(input.sourceInnovationIds)] }
        : {}),
    };
    const checks = await this.eligibility.run(next, edition);
    const saved = await this.proposals.changeContent(
      proposalId,
      input.revision,
      EDITABLE_STATUSES,
      {
        title: next.title,
        innovationStartDate: next.innovationStartDate,
        sections: next.sections,
        sdgTargets: next.sdgTargets,
        sourceInnovationIds: next.sourceInnovationIds,
        eligibility: checks,
        eligibilityCheckedAt: now,
      },
    );
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    if (!saved) {
      if (!EDITABLE_STATUSES.includes(current.status)) {
        throw new ProposalStatusConflictError(proposalId, current.status, 'change');
      }
      throw new ProposalRevisionConflictError(proposalId, input.revision, current.revision);
    }
    return current;
  }
}
