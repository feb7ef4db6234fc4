import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import type { GROUP_IDS, TimeZone } from '@kipp/contracts';
import { EditionDirectory } from '../../edition/edition-directory';
import { EligibilityRunner } from '../eligibility-runner';
import { FormMismatchError, GroupByInvitationError } from '../proposal.errors';
import { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import { SubmissionWindow } from '../submission-window';

export interface CreateProposalInput {
  readonly editionId: string;
  readonly groupId: (typeof GROUP_IDS)[number];
  readonly categoryId: string;
  readonly title: string;
}

/** A unit operator starts a draft for its own unit and institution. */
@Injectable()
export class CreateProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly eligibility: EligibilityRunner,
  ) {}

  async execute(
    input: CreateProposalInput,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    if (actor.institutionId === null || actor.unitId === null) {
      throw new AuthError('AUTH_FORBIDDEN');
    }
    const edition = await this.editions.get(input.editionId);
    await this.window.assertOpen(edition, actor, zone, now);
    const group = edition.configuration.groups.find((g) => g.groupId === input.groupId);
    if (!group) throw new FormMismatchError('group', [input.groupId]);
    if (!edition.configuration.categories.some((c) => c.categoryId === input.categoryId)) {
      throw new FormMismatchError('category', [input.categoryId]);
    }
    if (
      group.eligibility.invitationOnly &&
      !(group.invitedInstitutionIds ?? []).includes(actor.institutionId)
    ) {
      throw new GroupByInvitationError(group.groupId);
    }

    const draft: Omit<Proposal, 'outbox' | 'createdAt' | 'updatedAt'> = {
      _id: `prop_${randomUUID()}`,
      editionId: input.editionId,
      groupId: input.groupId,
      categoryId: input.categoryId,
      institutionId: actor.institutionId,
      unitId: actor.unitId,
      createdBy: actor.accountId,
      title: input.title,
      innovationStartDate: null,
      sections: [],
      sdgTargets: [],
      sourceInnovationIds: [],
      evidence: [],
      integrityDeclaration: null,
      status: 'draft',
      statusSince: now,
      revision: 1,
      snapshots: [],
      transitions: [{ from: null, to: 'draft', by: actor.accountId, at: now, comment: null }],
      eligibility: [],
      eligibilityCheckedAt: now,
      stalledNotices: [],
      manualNudgedAt: null,
    };
    draft.eligibility = await this.eligibility.run(draft, edition);
    return this.proposals.insert(draft);
  }
}
