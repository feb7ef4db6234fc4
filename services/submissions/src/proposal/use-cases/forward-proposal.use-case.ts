import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { ProposalForwardedV1, type ProposalSnapshot, type TimeZone } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { EditionDirectory } from '../../edition/edition-directory';
import { countWords } from '../eligibility';
import { EligibilityRunner } from '../eligibility-runner';
import {
  ProposalNotFoundError,
  ProposalNotReadyError,
  ProposalStatusConflictError,
  QuotaExceededError,
} from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import { QuotaUsageRepository } from '../quota-usage.repository';
import { SubmissionWindow } from '../submission-window';

/**
 * The local admin forwards a submitted proposal to the ministry: an immutable snapshot is
 * frozen, and the institution's quota in the group is taken in the same transaction as
 * the status change, so two racing forwards can never both pass a full quota.
 */
@Injectable()
export class ForwardProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly quotas: QuotaUsageRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly eligibility: EligibilityRunner,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    proposalId: string,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const proposal = await this.loader.ofOwnInstitution(proposalId, actor);
    const edition = await this.editions.get(proposal.editionId);
    await this.window.assertOpen(edition, actor, zone, now);
    if (proposal.status !== 'submitted') {
      throw new ProposalStatusConflictError(proposalId, proposal.status, 'forward');
    }
    const checks = await this.eligibility.run(proposal, edition);
    const failing: (string | (typeof checks)[number])[] = checks.filter(
      (c) => c.outcome === 'fail',
    );
    // The snapshot contract needs both; the pre-checks only warn about a missing start date.
    if (proposal.innovationStartDate === null) failing.push('innovation-start-date');
    if (proposal.integrityDeclaration === null) failing.push('integrity-declaration');
    if (
      failing.length > 0 ||
      proposal.innovationStartDate === null ||
      !proposal.integrityDeclaration
    ) {
      throw new ProposalNotReadyError(proposalId, failing);
    }
    const group = edition.configuration.groups.find((g) => g.groupId === proposal.groupId);
    const quota = group?.quotaPerInstitution ?? 0;

    const snapshot: ProposalSnapshot = {
      proposalId,
      snapshotVersion: proposal.snapshots.length + 1,
      editionId: proposal.editionId,
      groupId: proposal.groupId,
      categoryId: proposal.categoryId,
      institutionId: proposal.institutionId,
      unitId: proposal.unitId,
      title: proposal.title,
      innovationStartDate: proposal.innovationStartDate,
      sections: proposal.sections.map((s) => ({
        sectionId: s.sectionId,
        text: s.text,
        wordCount: countWords(s.text),
      })),
      sdgTargets: proposal.sdgTargets,
      sourceInnovationIds: proposal.sourceInnovationIds,
      evidence: proposal.evidence.map((e) => ({
        evidenceId: e.evidenceId,
        fileId: e.fileId,
        filename: e.filename,
        contentType: e.contentType,
        sizeBytes: e.sizeBytes,
        sha256: e.sha256,
      })),
      integrityDeclaration: {
        signedBy: proposal.integrityDeclaration.signedBy,
        signedAt: new Date(proposal.integrityDeclaration.signedAt).toISOString(),
      },
      eligibility: checks,
    };
    const event = createEvent(ProposalForwardedV1, {
      snapshot,
      forwardedBy: { kind: 'account', accountId: actor.accountId },
      forwardedAt: now.toISOString(),
    });
    await runInTransaction(this.connection, async (session) => {
      const reserved = await this.quotas.reserve(proposal, quota, session);
      if (!reserved) throw new QuotaExceededError(proposal.groupId, quota);
      const moved = await this.proposals.changeStatus(
        proposal,
        {
          to: 'forwarded',
          transition: {
            from: 'submitted',
            to: 'forwarded',
            by: actor.accountId,
            at: now,
            comment: null,
          },
          snapshot,
          eligibility: checks,
          events: [event],
        },
        session,
      );
      if (!moved) throw new ProposalStatusConflictError(proposalId, proposal.status, 'forward');
    });
    this.outbox.nudge();
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    return current;
  }
}
