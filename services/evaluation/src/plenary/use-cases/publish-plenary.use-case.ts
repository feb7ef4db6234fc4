import type { EditionPhase } from '@kipp/contracts';
import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { AwardGrantedV1, StageResultPublishedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { RecomputationInProgressError } from '../../lease/lease.errors';
import { LeaseService, type HeldLease } from '../../lease/lease.service';
import { PanelScoresMissingError, PlenaryNotOpenError } from '../plenary.errors';
import { PlenaryInputsLoader, type PlenaryInputs } from '../plenary-inputs';
import { computePlenaryTiers, type PlenaryOutcome } from '../plenary-tiers';
import { PlenaryRepository } from '../plenary.repository';

export interface PublishPlenaryOptions {
  /** Publish even when finalists have no panel score (they rank last). */
  allowMissing: boolean;
}

export interface PublishedPlenary extends PlenaryOutcome {
  publicationId: string;
  version: number;
  publishedAt: string;
}

/**
 * Publishes the final results: one `final` stage publication (next version) with a
 * `stage-result.published` per finalist, and one award per finalist with its
 * `award.granted`, all in one transaction under the `plenary:<editionId>` lease so two
 * instances never publish different answers. A republication supersedes the last one.
 */
/** The edition's phases in which the plenary may publish (or republish) the results. */
const PLENARY_PHASES: readonly EditionPhase[] = ['plenary', 'results'];

@Injectable()
export class PublishPlenaryUseCase {
  /**
   * Editions this process is publishing right now. The lease is re-entrant for its holder
   * (this process), so two concurrent requests on one instance would both get it; this
   * keeps them apart as the lease keeps instances apart.
   */
  private readonly publishing = new Set<string>();

  constructor(
    private readonly inputs: PlenaryInputsLoader,
    private readonly repository: PlenaryRepository,
    private readonly leases: LeaseService,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    user: AuthenticatedUser,
    editionId: string,
    options: PublishPlenaryOptions,
  ): Promise<PublishedPlenary> {
    const now = new Date();
    const inputs = await this.inputs.load(editionId);
    if (!PLENARY_PHASES.includes(inputs.edition.currentPhase ?? 'closed')) {
      throw new PlenaryNotOpenError(editionId);
    }
    if (inputs.missingPanelScores.length > 0 && !options.allowMissing) {
      throw new PanelScoresMissingError(inputs.missingPanelScores);
    }
    const leaseName = `plenary:${editionId}`;
    if (this.publishing.has(editionId)) throw new RecomputationInProgressError(leaseName);
    this.publishing.add(editionId);
    let run: Awaited<ReturnType<typeof this.leases.runExclusive<PublishedPlenary>>>;
    try {
      run = await this.leases.runExclusive(leaseName, (lease) =>
        this.publish(user, inputs, lease, now),
      );
    } finally {
      this.publishing.delete(editionId);
    }
    if (!run.ran) throw new RecomputationInProgressError(leaseName);
    this.outbox.nudge();
    return run.result;
  }

  private async publish(
    user: AuthenticatedUser,
    inputs: PlenaryInputs,
    lease: HeldLease,
    now: Date,
  ): Promise<PublishedPlenary> {
    const { configuration } = inputs;
    const editionId = configuration.editionId;
    const outcome = computePlenaryTiers(inputs.candidates, configuration.stageSizes);
    const byId = new Map(inputs.finalists.map((f) => [f._id, f]));
    const proposalOf = (proposalId: string) => {
      const proposal = byId.get(proposalId);
      // Placements are computed from these finalists; a miss is a programming error.
      if (!proposal) throw new Error(`finalist ${proposalId} missing from the plenary inputs`);
      return proposal;
    };
    const publishedAt = now.toISOString();
    return runInTransaction(this.connection, async (session) => {
      await this.leases.assertHeld(lease, session);
      const version = (await this.repository.latestFinalVersion(editionId, session)) + 1;
      const publicationId = `pub_${editionId}_final_${version}`;
      const entries = outcome.placements.map((p) => {
        const proposal = proposalOf(p.proposalId);
        return {
          proposalId: p.proposalId,
          institutionId: proposal.institutionId,
          groupId: p.groupId,
          categoryId: proposal.categoryId,
          rank: p.rankInGroup,
          score: p.panelScore,
          advanced: p.tiers.length > 1,
        };
      });
      const events = entries.map((entry) =>
        createEvent(StageResultPublishedV1, {
          proposalId: entry.proposalId,
          editionId,
          institutionId: entry.institutionId,
          stage: 'final',
          advanced: entry.advanced,
          rank: entry.rank,
          score: entry.score,
          publicationId,
          publishedAt,
        }),
      );
      await this.repository.insertPublication(
        {
          _id: publicationId,
          editionId,
          stage: 'final',
          version,
          entries,
          report: { tieBreakRule: [...outcome.tieBreakRule], ties: outcome.ties },
          leaseToken: lease.token,
          publishedBy: user.accountId,
          publishedAt: now,
          outbox: events,
        },
        session,
      );
      for (const placement of outcome.placements) {
        const proposal = proposalOf(placement.proposalId);
        const fields = {
          editionId,
          year: configuration.year,
          institutionId: proposal.institutionId,
          unitId: proposal.unitId,
          groupId: proposal.groupId,
          categoryId: proposal.categoryId,
          title: proposal.title,
          tiers: placement.tiers,
          rank: placement.rankInGroup,
          panelScore: placement.panelScore,
          deskScore: placement.deskScore,
          snapshotVersion: proposal.snapshotVersion,
          publicationId,
          grantedAt: now,
        };
        const event = createEvent(AwardGrantedV1, {
          proposalId: placement.proposalId,
          editionId,
          year: fields.year,
          institutionId: fields.institutionId,
          unitId: fields.unitId,
          groupId: fields.groupId,
          categoryId: fields.categoryId,
          title: fields.title,
          tiers: fields.tiers,
          snapshotVersion: fields.snapshotVersion,
          rank: fields.rank,
          grantedAt: publishedAt,
        });
        await this.repository.upsertAward(placement.proposalId, fields, event, session);
      }
      return { publicationId, version, publishedAt, ...outcome };
    });
  }
}
