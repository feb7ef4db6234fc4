import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { StageResultPublishedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, isDuplicateKeyError, runInTransaction } from '@kipp/mongo';
import { RecomputationInProgressError } from '../../lease/lease.errors';
import { LeaseService } from '../../lease/lease.service';
import { requireEvaluatedEdition, type EvaluatedEdition } from '../../edition/evaluated-edition';
import { StageVersionConflictError } from '../stage.errors';
import { StageRepository, type NewPublication } from '../stage.repository';
import { ComputeStageUseCase, type PublishableStage } from './compute-stage.use-case';

export interface PublishedStage {
  publicationId: string;
  editionId: string;
  stage: PublishableStage;
  version: number;
  entries: number;
  advanced: number;
  report: Record<string, unknown>;
  publishedAt: Date;
}

/** Publication ids end up in events, which cap ids at 64 characters. */
const MAX_ID_LENGTH = 64;

export function publicationIdOf(editionId: string, stage: string, version: number): string {
  const id = `pub_${editionId}_${stage}_${version}`;
  if (id.length <= MAX_ID_LENGTH) return id;
  const digest = createHash('sha256').update(editionId).digest('hex').slice(0, 16);
  return `pub_${digest}_${stage}_${version}`;
}

/**
 * Publishes a stage: computes it and writes the publication (next version) with one
 * `StageResultPublishedV1` per entry in its outbox, under the lease `stage:<editionId>` so
 * two replicas never publish different answers; the fencing token is checked in the
 * publishing transaction.
 */
@Injectable()
export class PublishStageUseCase {
  /**
   * Leases are re-entrant per process (the holder is the process), so two requests on the
   * same replica would both get one; this keeps them apart the same way.
   */
  private readonly running = new Set<string>();

  constructor(
    private readonly stages: StageRepository,
    private readonly compute: ComputeStageUseCase,
    private readonly leases: LeaseService,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    editionId: string,
    stage: PublishableStage,
    now = new Date(),
  ): Promise<PublishedStage> {
    const edition = requireEvaluatedEdition(editionId, await this.stages.findEdition(editionId));
    const leaseName = `stage:${editionId}`;
    if (this.running.has(leaseName)) throw new RecomputationInProgressError(leaseName);
    this.running.add(leaseName);
    try {
      return await this.publish(actor, edition, stage, leaseName, now);
    } finally {
      this.running.delete(leaseName);
    }
  }

  private async publish(
    actor: AuthenticatedUser,
    edition: EvaluatedEdition,
    stage: PublishableStage,
    leaseName: string,
    now: Date,
  ): Promise<PublishedStage> {
    const { editionId } = edition;
    const outcome = await this.leases.runExclusive(leaseName, async (lease) => {
      const computed = await this.compute.execute(edition, stage);
      try {
        return await runInTransaction(this.connection, async (session) => {
          await this.leases.assertHeld(lease, session);
          const latest = await this.stages.latest(editionId, stage, session);
          const version = (latest?.version ?? 0) + 1;
          const publicationId = publicationIdOf(editionId, stage, version);
          const publishedAt = now.toISOString();
          const publication: NewPublication = {
            _id: publicationId,
            editionId,
            stage,
            version,
            entries: computed.entries,
            report: computed.report,
            leaseToken: lease.token,
            publishedBy: actor.accountId,
            publishedAt: now,
            outbox: computed.entries.map((entry) =>
              createEvent(StageResultPublishedV1, {
                proposalId: entry.proposalId,
                editionId,
                institutionId: entry.institutionId,
                stage,
                advanced: entry.advanced,
                rank: entry.rank,
                score: entry.score,
                publicationId,
                publishedAt,
              }),
            ),
          };
          await this.stages.insert(publication, session);
          return publication;
        });
      } catch (error) {
        if (isDuplicateKeyError(error)) throw new StageVersionConflictError(editionId, stage);
        throw error;
      }
    });
    if (!outcome.ran) throw new RecomputationInProgressError(leaseName);
    this.outbox.nudge();
    const publication = outcome.result;
    return {
      publicationId: publication._id,
      editionId,
      stage,
      version: publication.version,
      entries: publication.entries.length,
      advanced: publication.entries.filter((e) => e.advanced).length,
      report: publication.report ?? {},
      publishedAt: publication.publishedAt,
    };
  }
}
