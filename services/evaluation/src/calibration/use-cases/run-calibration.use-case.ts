import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { RecomputationInProgressError } from '../../lease/lease.errors';
import { LeaseService } from '../../lease/lease.service';
import { krippendorffAlphaInterval, normalizeScores } from '../calibration-math';
import { CalibrationRepository } from '../calibration.repository';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';

/** Results written per transaction: small enough for any transaction limit, few round trips. */
export const CALIBRATION_CHUNK_SIZE = 1000;

export interface CalibrationRunSummary {
  readonly runId: string;
  readonly editionId: string;
  readonly proposals: number;
  readonly evaluators: number;
  readonly normalizedEvaluators: number;
  readonly globalMean: number | null;
  readonly globalSd: number | null;
  readonly agreement: number | null;
}

/**
 * Normalises every submitted desk score of an edition and writes each proposal's
 * normalised mean. Only one instance computes at a time (lease `calibration:<editionId>`);
 * each chunk is written in a transaction that first checks the lease is still ours, so an
 * instance that lost it mid-way stops instead of mixing its answer with another's. The
 * answer depends only on the submitted scores, so any run over the same scores writes the
 * same numbers.
 */
@Injectable()
export class RunCalibrationUseCase {
  constructor(
    private readonly repository: CalibrationRepository,
    private readonly leases: LeaseService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(editionId: string): Promise<CalibrationRunSummary> {
    const edition = requireEvaluatedEdition(
      editionId,
      await this.repository.findEdition(editionId),
    );
    const leaseName = `calibration:${editionId}`;
    const outcome = await this.leases.runExclusive(leaseName, async (lease) => {
      const scores = await this.repository.editionScores(editionId, 'desk');
      const result = normalizeScores(
        scores,
        edition.evaluation.minScoresForNormalization,
        edition.configuration.rubric.scale,
      );
      const runId = `cal_${randomUUID()}`;
      for (let start = 0; start < result.proposals.length; start += CALIBRATION_CHUNK_SIZE) {
        const chunk = result.proposals
          .slice(start, start + CALIBRATION_CHUNK_SIZE)
          .map((p) => ({ proposalId: p.proposalId, normalizedMean: p.normalizedMean }));
        await runInTransaction(this.connection, async (session) => {
          await this.leases.assertHeld(lease, session);
          await this.repository.writeNormalized(editionId, runId, chunk, session);
        });
      }
      await runInTransaction(this.connection, async (session) => {
        await this.leases.assertHeld(lease, session);
        await this.repository.clearOthers(editionId, runId, session);
      });
      return {
        runId,
        editionId,
        proposals: result.proposals.length,
        evaluators: result.evaluators.length,
        normalizedEvaluators: result.evaluators.filter((e) => e.normalized).length,
        globalMean: result.globalMean,
        globalSd: result.globalSd,
        agreement: krippendorffAlphaInterval(scores),
      };
    });
    if (!outcome.ran) throw new RecomputationInProgressError(leaseName);
    return outcome.result;
  }
}
