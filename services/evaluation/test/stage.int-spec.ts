import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import {
  editionConfigurationExample,
  StageResultPublishedV1,
  type EditionConfiguration,
  type RepresentationRule,
} from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { DESK_RESULT_MODEL } from '../src/calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL } from '../src/edition/edition.schema';
import { EVALUATION_PROPOSAL_MODEL } from '../src/proposal/proposal.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StagePublication,
} from '../src/stage/stage-publication.schema';
import type { TransparencyReport } from '../src/stage/finalist-selection';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

interface SeedProposal {
  key: string;
  score: number | null;
  disadvantaged?: boolean;
  institutionId?: string;
  passed?: boolean;
  withdrawn?: boolean;
}

/**
 * The standard field: a1 95, a2 90, a3 85, t4 80 (3T region), a5 75 — all passing 60;
 * a6 50 below the grade; w7 99 withdrawn; f8 98 failed the selection. Shortlist 5,
 * finalists 3 general: pure ranking a1 a2 a3; the 3T rule swaps t4 in for a3.
 */
const FIELD: SeedProposal[] = [
  { key: 'a1', score: 95 },
  { key: 'a2', score: 90, institutionId: 'inst_other' },
  { key: 'a3', score: 85 },
  { key: 't4', score: 80, disadvantaged: true },
  { key: 'a5', score: 75 },
  { key: 'a6', score: 50 },
  { key: 'w7', score: 99, withdrawn: true },
  { key: 'f8', score: 98, passed: false },
];

const THREE_T_RULE: RepresentationRule = {
  dimension: 'disadvantaged-region',
  value: 'true',
  min: 1,
  max: null,
};

function configurationOf(editionId: string, rules: RepresentationRule[]): EditionConfiguration {
  const base = editionConfigurationExample;
  return {
    ...base,
    editionId,
    passingGrade: 60,
    stageSizes: { ...base.stageSizes, shortlist: 5, finalistsGeneral: 3, finalistsSpecial: 0 },
    evaluation: {
      ...(base.evaluation as NonNullable<typeof base.evaluation>),
      representation: rules,
    },
  };
}

describe('evaluation service: stages', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([app.topics.topicOf(StageResultPublishedV1)]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);

  async function seed(
    options: { rules?: RepresentationRule[]; configured?: boolean } = {},
  ): Promise<{ editionId: string; id: (key: string) => string }> {
    const editionId = `ed_${randomUUID().slice(0, 8)}`;
    const id = (key: string) => `${key}_${editionId}`;
    const configuration = configurationOf(editionId, options.rules ?? [THREE_T_RULE]);
    if (options.configured === false) delete configuration.evaluation;
    await app.model(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration,
      revision: 1,
      currentPhase: 'panel-review',
    });
    await app.model(EVALUATION_PROPOSAL_MODEL).create(
      FIELD.map((p, index) => ({
        _id: id(p.key),
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId: p.institutionId ?? 'inst_own',
        unitId: 'unit_1',
        title: `Inovasi ${p.key}`,
        snapshot: { proposalId: id(p.key) },
        snapshotVersion: 1,
        institution: {
          name: p.institutionId === 'inst_other' ? 'Kabupaten Lain' : 'Kota Sendiri',
          type: 'regency',
          provinceCode: '32',
          disadvantaged: p.disadvantaged ?? false,
        },
        forwardedAt: new Date(Date.UTC(2027, 2, 1, 0, index)),
        withdrawnAt: p.withdrawn ? new Date() : null,
        selection: {
          outcome: p.passed === false ? 'fail' : 'pass',
          reasons: [],
          revision: 1,
          snapshotVersion: 1,
          decidedBy: 'acct_admin',
          decidedAt: new Date(),
        },
        disqualification: null,
      })),
    );
    await app.model(DESK_RESULT_MODEL).create(
      FIELD.map((p) => ({
        _id: id(p.key),
        editionId,
        scoreCount: p.score === null ? 0 : 3,
        rawMean: p.score,
        normalizedMean: p.score,
        spread: 0,
        divergent: false,
      })),
    );
    return { editionId, id };
  }

  const publish = async (editionId: string, stage: string, status: number) =>
    app
      .http()
      .post(`/editions/${editionId}/stages/${stage}/publish`)
      .set(await admin())
      .expect(status);

  it('should rank, shortlist and pick finalists with the 3T rule and explain who came in and out when published in order', async () => {
    const { editionId, id } = await seed();

    const desk = await publish(editionId, 'desk', 201);
    expect(desk.body).toMatchObject({ stage: 'desk', version: 1, entries: 6, advanced: 5 });

    const shortlist = await publish(editionId, 'shortlist', 201);
    expect(shortlist.body).toMatchObject({ stage: 'shortlist', version: 1, advanced: 5 });

    const finalists = await publish(editionId, 'finalists', 201);
    expect(finalists.body).toMatchObject({ stage: 'finalists', version: 1, advanced: 3 });

    const shown = await app
      .http()
      .get(`/editions/${editionId}/stages/finalists`)
      .set(await admin())
      .expect(200);
    const body = shown.body as {
      entries: { proposalId: string; advanced: boolean; rank: number }[];
      report: TransparencyReport;
    };
    expect(body.entries.filter((e) => e.advanced).map((e) => e.proposalId)).toEqual([
      id('a1'),
      id('a2'),
      id('t4'),
    ]);
    expect(body.report.rules[0]?.broughtIn).toEqual([{ proposalId: id('t4'), rank: 4, score: 80 }]);
    expect(body.report.rules[0]?.pushedOut).toEqual([{ proposalId: id('a3'), rank: 3, score: 85 }]);
    expect(body.report.diff.added.map((p) => p.proposalId)).toEqual([id('t4')]);
    expect(body.report.diff.removed.map((p) => p.proposalId)).toEqual([id('a3')]);

    // One event per entry and stage, keyed by proposal id.
    await eventually(() => {
      const mine = reader
        .on(app.topics.topicOf(StageResultPublishedV1))
        .filter((m) => payloadOf(m.value).editionId === editionId);
      expect(mine).toHaveLength(6 + 6 + 5);
    });
    const finalistEvents = reader
      .on(app.topics.topicOf(StageResultPublishedV1))
      .filter(
        (m) =>
          payloadOf(m.value).editionId === editionId && payloadOf(m.value).stage === 'finalists',
      );
    const t4 = finalistEvents.find((m) => m.key === id('t4'));
    expect(payloadOf(t4?.value ?? null)).toMatchObject({
      advanced: true,
      rank: 4,
      score: 80,
      institutionId: 'inst_own',
      publicationId: `pub_${editionId}_finalists_1`,
    });
    expect(payloadOf(finalistEvents.find((m) => m.key === id('a3'))?.value ?? null)).toMatchObject({
      advanced: false,
    });
  });

  it('should leave withdrawn, failed and unscored proposals out and mark those below the grade when ranking the desk', async () => {
    const { editionId, id } = await seed();
    const preview = await app
      .http()
      .get(`/editions/${editionId}/stages/desk/preview`)
      .set(await admin())
      .expect(200);
    const entries = (preview.body as { entries: { proposalId: string; advanced: boolean }[] })
      .entries;
    expect(entries.map((e) => e.proposalId)).toEqual(['a1', 'a2', 'a3', 't4', 'a5', 'a6'].map(id));
    expect(entries.at(-1)?.advanced).toBe(false);
    // A preview writes nothing.
    expect(await app.model(STAGE_PUBLICATION_MODEL).countDocuments({ editionId })).toBe(0);
  });

  it('should answer 409 STAGE_PREREQUISITE_MISSING when finalists are published before a shortlist', async () => {
    const { editionId } = await seed();
    const response = await publish(editionId, 'finalists', 409);
    expect(code(response)).toBe('STAGE_PREREQUISITE_MISSING');
    expect(await app.model(STAGE_PUBLICATION_MODEL).countDocuments({ editionId })).toBe(0);
  });

  it('should answer 409 EDITION_NOT_CONFIGURED_FOR_EVALUATION when the edition has no evaluation settings', async () => {
    const { editionId } = await seed({ configured: false });
    expect(code(await publish(editionId, 'desk', 409))).toBe(
      'EDITION_NOT_CONFIGURED_FOR_EVALUATION',
    );
    expect(code(await publish('ed_unknown', 'desk', 404))).toBe('EDITION_NOT_FOUND');
  });

  it('should never write two publications with the same version when two replicas publish at once', async () => {
    const { editionId } = await seed();
    const replica = await app.startReplica();
    const headers = await admin();
    const responses = await Promise.all([
      app.http().post(`/editions/${editionId}/stages/desk/publish`).set(headers),
      replica.http().post(`/editions/${editionId}/stages/desk/publish`).set(headers),
      app.http().post(`/editions/${editionId}/stages/desk/publish`).set(headers),
    ]);
    for (const response of responses) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 409) expect(code(response)).toBe('RECOMPUTATION_IN_PROGRESS');
    }
    const created = responses.filter((r) => r.status === 201).length;
    expect(created).toBeGreaterThanOrEqual(1);
    const versions = (
      await app
        .model<StagePublication>(STAGE_PUBLICATION_MODEL)
        .find({ editionId, stage: 'desk' })
        .lean()
        .exec()
    )
      .map((p) => p.version)
      .sort();
    expect(versions).toEqual(Array.from({ length: created }, (_, i) => i + 1));
    await replica.close();
  });

  it('should give a republication the next version when the desk is published again', async () => {
    const { editionId } = await seed();
    await publish(editionId, 'desk', 201);
    const again = await publish(editionId, 'desk', 201);
    expect(again.body).toMatchObject({ version: 2 });
  });

  it('should show stages only to whom they belong when read by each role', async () => {
    const { editionId, id } = await seed();
    await publish(editionId, 'desk', 201);
    await publish(editionId, 'shortlist', 201);
    await publish(editionId, 'finalists', 201);
    const panelist = await app.issuer.headers(['panelist']);

    expect(
      code(await app.http().get(`/editions/${editionId}/stages/desk`).set(panelist).expect(403)),
    ).toBe('STAGE_NOT_VISIBLE');
    await app.http().get(`/editions/${editionId}/stages/shortlist`).set(panelist).expect(200);
    await app.http().get(`/editions/${editionId}/stages/finalists`).set(panelist).expect(200);
    await app
      .http()
      .get(`/editions/${editionId}/stages/finalists/preview`)
      .set(panelist)
      .expect(403);
    await app
      .http()
      .post(`/editions/${editionId}/stages/desk/publish`)
      .set(await app.issuer.headers(['evaluator']))
      .expect(403);
    await app
      .http()
      .post(`/editions/${editionId}/stages/desk/publish`)
      .set(await app.issuer.headers(['local_admin'], { institutionId: 'inst_own' }))
      .expect(403);
    await app.http().get(`/editions/${editionId}/stages/shortlist`).expect(401);
    expect(
      code(
        await app
          .http()
          .get(`/editions/${editionId}/stages/final`)
          .set(await admin())
          .expect(404),
      ),
    ).toBe('STAGE_NOT_PUBLISHED');

    // The public sees names and titles, never scores.
    const publicList = await app.http().get(`/public/editions/${editionId}/finalists`).expect(200);
    const finalists = (publicList.body as { finalists: Record<string, unknown>[] }).finalists;
    expect(finalists.map((f) => f.proposalId).sort()).toEqual(['a1', 'a2', 't4'].map(id).sort());
    expect(Object.keys(finalists[0] ?? {}).sort()).toEqual([
      'categoryId',
      'groupId',
      'institutionName',
      'proposalId',
      'title',
    ]);
    expect(finalists.map((f) => f.institutionName)).not.toContain(null);
    expect(JSON.stringify(publicList.body)).not.toMatch(/score|rank/);

    // An institution sees its own entries only.
    const own = await app
      .http()
      .get(`/institutions/inst_own/results?editionId=${editionId}`)
      .set(
        await app.issuer.headers(['unit_operator'], {
          institutionId: 'inst_own',
          unitId: 'unit_1',
        }),
      )
      .expect(200);
    const stages = (own.body as { stages: { stage: string; entries: { proposalId: string }[] }[] })
      .stages;
    expect(stages.map((s) => s.stage)).toEqual(['desk', 'shortlist', 'finalists']);
    expect(stages[0]?.entries.map((e) => e.proposalId)).not.toContain(id('a2'));
    await app
      .http()
      .get(`/institutions/inst_other/results?editionId=${editionId}`)
      .set(await app.issuer.headers(['local_admin'], { institutionId: 'inst_own' }))
      .expect(403);
    await app
      .http()
      .get(`/institutions/inst_own/results?editionId=${editionId}`)
      .set(await app.issuer.headers(['panelist']))
      .expect(403);
  });
});
