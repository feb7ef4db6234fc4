import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { editionConfigurationExample, type EditionConfiguration } from '@kipp/contracts';
import { DESK_RESULT_MODEL, type DeskResult } from '../src/calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import { LEASE_MODEL, type Lease } from '../src/lease/lease.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../src/scoring/score-sheet.schema';
import {
  startEvaluationApp,
  type EvaluationReplica,
  type EvaluationTestApp,
} from './evaluation-test-app';

interface Overview {
  globalMean: number;
  globalSd: number;
  agreement: { statistic: string; desk: number | null; panel: number | null };
  evaluators: { scorerId: string; count: number; mean: number; sd: number; normalized: boolean }[];
  proposals: {
    total: number;
    page: number;
    pageSize: number;
    items: {
      proposalId: string;
      rawMean: number | null;
      normalizedMean: number | null;
      calibrationRunId: string | null;
    }[];
  };
  divergent: { proposalId: string; extraEvaluatorRequested: boolean }[];
}

const errorCode = (response: Response): string =>
  (response.body as { error: { code: string } }).error.code;

function edition(editionId: string): EditionConfiguration {
  const evaluation = editionConfigurationExample.evaluation;
  if (!evaluation) throw new Error('the example edition has evaluation settings');
  return {
    ...editionConfigurationExample,
    editionId,
    evaluation: { ...evaluation, minScoresForNormalization: 2 },
  };
}

describe('calibration (integration)', () => {
  let app: EvaluationTestApp;
  let replica: EvaluationReplica;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startEvaluationApp();
    replica = await app.startReplica();
    admin = await app.issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  /**
   * Evaluators A and B scored p1 and p2 (A: 60, 80; B: 70, 90), C scored only p3 (50).
   * Global mean 70, sd √200. A and B are normalised (z = ∓1 → 70 ∓ √200); C keeps 50.
   */
  async function seed() {
    const tag = randomUUID().slice(0, 8);
    const editionId = `ed_${tag}`;
    await app.model<EditionProjection>(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration: edition(editionId),
      revision: 1,
      currentPhase: 'desk-evaluation',
      currentPhaseChangedAt: new Date(),
    });
    const p = (n: number) => `p${n}_${tag}`;
    const scores: [number, string, number][] = [
      [1, 'A', 60],
      [2, 'A', 80],
      [1, 'B', 70],
      [2, 'B', 90],
      [3, 'C', 50],
    ];
    await app.model<ScoreSheet>(SCORE_SHEET_MODEL).insertMany(
      scores.map(([n, scorer, score]) => ({
        _id: `desk_${tag}_${n}_${scorer}`,
        editionId,
        proposalId: p(n),
        stage: 'desk',
        assignmentId: `asg_${tag}_${n}_${scorer}`,
        scorerId: `${scorer}_${tag}`,
        criteria: [],
        weightedScore: score,
        status: 'submitted',
        revision: 2,
        submissions: 1,
        submittedAt: new Date(),
        submittedWeightedScore: score,
        audit: [],
      })),
    );
    // A draft never counts; a proposal with no submitted score has no normalised mean.
    await app.model<ScoreSheet>(SCORE_SHEET_MODEL).create({
      _id: `desk_${tag}_4_A`,
      editionId,
      proposalId: p(4),
      stage: 'desk',
      assignmentId: `asg_${tag}_4_A`,
      scorerId: `A_${tag}`,
      criteria: [],
      weightedScore: 10,
      status: 'draft',
      revision: 1,
      submissions: 0,
      submittedAt: null,
      submittedWeightedScore: null,
      audit: [],
    });
    await app.model<DeskResult>(DESK_RESULT_MODEL).insertMany([
      { _id: p(3), editionId, scoreCount: 1, rawMean: 50, spread: 0, divergent: false },
      {
        _id: p(4),
        editionId,
        scoreCount: 0,
        rawMean: null,
        normalizedMean: 42,
        spread: 0,
        divergent: false,
      },
      {
        _id: p(2),
        editionId,
        scoreCount: 2,
        rawMean: 85,
        spread: 30,
        divergent: true,
        extraEvaluatorRequestedAt: new Date(),
      },
    ]);
    return { editionId, p, tag };
  }

  it('should write hand-computed normalised means and show them with evaluator statistics and agreement', async () => {
    const { editionId, p, tag } = await seed();

    const run = await app
      .http()
      .post(`/editions/${editionId}/calibration/run`)
      .set(admin)
      .expect(200);
    const overview = await app
      .http()
      .get(`/editions/${editionId}/calibration?pageSize=10`)
      .set(admin)
      .expect(200);

    expect(run.body).toMatchObject({
      editionId,
      proposals: 3,
      evaluators: 3,
      normalizedEvaluators: 2,
      globalMean: 70,
      agreement: 0.7,
    });
    const body = overview.body as Overview;
    const runId = (run.body as { runId: string }).runId;
    expect(body.proposals.items).toEqual([
      expect.objectContaining({
        proposalId: p(2),
        rawMean: 85,
        normalizedMean: 84.142136,
        calibrationRunId: runId,
      }),
      expect.objectContaining({
        proposalId: p(1),
        normalizedMean: 55.857864,
        calibrationRunId: runId,
      }),
      expect.objectContaining({ proposalId: p(3), rawMean: 50, normalizedMean: 50 }),
      expect.objectContaining({ proposalId: p(4), normalizedMean: null, calibrationRunId: runId }),
    ]);
    expect(body.proposals.total).toBe(4);
    expect(body.agreement).toEqual({
      statistic: 'krippendorff-alpha-interval',
      desk: 0.7,
      panel: null,
    });
    expect(body.globalSd).toBeCloseTo(Math.sqrt(200), 5);
    expect(body.evaluators).toEqual([
      { scorerId: `A_${tag}`, count: 2, mean: 70, sd: 10, normalized: true },
      { scorerId: `B_${tag}`, count: 2, mean: 80, sd: 10, normalized: true },
      { scorerId: `C_${tag}`, count: 1, mean: 50, sd: 0, normalized: false },
    ]);
    expect(body.divergent).toEqual([
      expect.objectContaining({ proposalId: p(2), extraEvaluatorRequested: true }),
    ]);
  });

  it('should publish one answer when two replicas run the calibration at the same time', async () => {
    const { editionId } = await seed();

    const responses = await Promise.all([
      app.http().post(`/editions/${editionId}/calibration/run`).set(admin),
      replica.http().post(`/editions/${editionId}/calibration/run`).set(admin),
    ]);

    const ok = responses.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const refused of responses.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(errorCode(refused)).toBe('RECOMPUTATION_IN_PROGRESS');
    }
    const results = await app
      .model<DeskResult>(DESK_RESULT_MODEL)
      .find({ editionId })
      .sort({ _id: 1 })
      .lean()
      .exec();
    // Every document carries the same run: no mix of two runs' answers.
    expect(new Set(results.map((r) => r.calibrationRunId)).size).toBe(1);
    expect(results.map((r) => r.normalizedMean)).toEqual([55.857864, 84.142136, 50, null]);
  });

  it('should answer 409 RECOMPUTATION_IN_PROGRESS when another instance holds the lease', async () => {
    const { editionId } = await seed();
    await app.model<Lease>(LEASE_MODEL).create({
      _id: `calibration:${editionId}`,
      holder: 'evaluation-elsewhere',
      token: 7,
      expiresAt: new Date(Date.now() + 60_000),
    });

    const response = await app.http().post(`/editions/${editionId}/calibration/run`).set(admin);

    expect(response.status).toBe(409);
    expect(errorCode(response)).toBe('RECOMPUTATION_IN_PROGRESS');
    const untouched = await app
      .model<DeskResult>(DESK_RESULT_MODEL)
      .findById(`p4_${editionId.slice(3)}`)
      .lean()
      .exec();
    expect(untouched?.normalizedMean).toBe(42);
  });

  it('should answer 403 to evaluators and 404 for an unknown edition', async () => {
    const { editionId } = await seed();

    const evaluator = await app
      .http()
      .get(`/editions/${editionId}/calibration`)
      .set(await app.issuer.headers(['evaluator']));
    const unknown = await app.http().post('/editions/ed_unknown/calibration/run').set(admin);

    expect(evaluator.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('EDITION_NOT_FOUND');
  });
});
