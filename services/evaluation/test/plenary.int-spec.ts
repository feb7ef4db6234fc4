import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import {
  AwardGrantedV1,
  editionConfigurationExample,
  StageResultPublishedV1,
  type EditionConfiguration,
  type EditionPhase,
} from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { AWARD_MODEL, type Award } from '../src/award/award.schema';
import { DESK_RESULT_MODEL } from '../src/calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL } from '../src/edition/edition.schema';
import { INSTITUTION_PROJECTION_MODEL } from '../src/institution/institution.schema';
import { LEASE_MODEL } from '../src/lease/lease.schema';
import { EVALUATION_PROPOSAL_MODEL } from '../src/proposal/proposal.schema';
import { SCORE_SHEET_MODEL } from '../src/scoring/score-sheet.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StagePublication,
} from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const DAY = 86_400_000;
const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

function edition(editionId: string, phase: EditionPhase | null): EditionConfiguration {
  const now = Date.now();
  return {
    ...editionConfigurationExample,
    editionId,
    stageSizes: {
      ...editionConfigurationExample.stageSizes,
      winnersTop: 2,
      winnersOutstanding: 1,
      winnersReplicationTop: 1,
    },
    calendar: phase
      ? [
          {
            phase,
            startsAt: new Date(now - DAY).toISOString(),
            endsAt: new Date(now + DAY).toISOString(),
          },
        ]
      : editionConfigurationExample.calendar,
  };
}

interface Seeded {
  editionId: string;
  ids: Record<string, string>;
}

describe('evaluation service: plenary and awards', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([
      app.topics.topicOf(AwardGrantedV1),
      app.topics.topicOf(StageResultPublishedV1),
    ]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);

  /**
   * Five finalists: g1 and g2 tie on the panel score (g2 has the better normalised desk
   * score), r1 replication, s1 special, g3 without a panel score; x1 disqualified.
   */
  async function seed(phase: EditionPhase | null, configured = true): Promise<Seeded> {
    const editionId = `ed_${randomUUID().slice(0, 8)}`;
    const ids = Object.fromEntries(
      ['g1', 'g2', 'g3', 'r1', 's1', 'x1'].map((k) => [k, `${k}_${editionId}`]),
    );
    const configuration = edition(editionId, phase);
    if (!configured) delete configuration.evaluation;
    await app.model(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration,
      revision: 1,
      currentPhase: phase,
    });
    await app.model(INSTITUTION_PROJECTION_MODEL).updateOne(
      { _id: 'inst_a' },
      {
        $set: {
          code: 'A',
          name: 'Kota A',
          type: 'city',
          provinceCode: '32',
          disadvantaged: false,
        },
      },
      { upsert: true },
    );
    const group = (k: string) =>
      k.startsWith('r') ? 'replication' : k.startsWith('s') ? 'special' : 'general';
    await app.model(EVALUATION_PROPOSAL_MODEL).create(
      Object.entries(ids).map(([k, id], index) => ({
        _id: id,
        editionId,
        groupId: group(k),
        categoryId: 'health',
        institutionId: k === 'g1' ? 'inst_b' : 'inst_a',
        unitId: 'unit_1',
        title: `Inovasi ${k}`,
        snapshot: {},
        snapshotVersion: 1,
        forwardedAt: new Date(Date.UTC(2027, 2, 1 + index)),
        disqualification:
          k === 'x1' ? { reason: 'upheld objection', objectionId: null, at: new Date() } : null,
      })),
    );
    await app.model(STAGE_PUBLICATION_MODEL).create({
      _id: `pub_${editionId}_finalists_1`,
      editionId,
      stage: 'finalists',
      version: 1,
      entries: Object.entries(ids).map(([k, id], index) => ({
        proposalId: id,
        institutionId: 'inst_a',
        groupId: group(k),
        categoryId: 'health',
        rank: index + 1,
        score: 80,
        advanced: true,
      })),
      publishedBy: 'acct_admin',
      publishedAt: new Date(),
    });
    const panel: [string, number][] = [
      ['g1', 90],
      ['g1', 80],
      ['g2', 85],
      ['r1', 70],
      ['s1', 60],
      ['x1', 99],
    ];
    await app.model(SCORE_SHEET_MODEL).create(
      panel.map(([k, score], index) => ({
        _id: `sheet_${editionId}_${index}`,
        editionId,
        proposalId: ids[k],
        stage: 'panel',
        scorerId: `panelist_${index}`,
        criteria: [],
        weightedScore: score,
        status: 'submitted',
      })),
    );
    await app.model(DESK_RESULT_MODEL).create([
      { _id: ids['g1'], editionId, rawMean: 90, normalizedMean: 70 },
      { _id: ids['g2'], editionId, rawMean: 80, normalizedMean: 75 },
    ]);
    return { editionId, ids };
  }

  it('should publish final tiers with the documented tie-break, awards and events when the plenary is open', async () => {
    const { editionId, ids } = await seed('plenary');
    const headers = await admin();

    const missing = await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(headers)
      .send({});
    expect(missing.status).toBe(409);
    expect(code(missing)).toBe('PANEL_SCORES_MISSING');
    expect(
      (missing.body as { error: { details: { proposalIds: string[] } } }).error.details.proposalIds,
    ).toEqual([ids['g3']]);

    const preview = await app
      .http()
      .get(`/editions/${editionId}/plenary/preview`)
      .set(await app.issuer.headers(['panelist']))
      .expect(200);
    expect((preview.body as { missingPanelScores: string[] }).missingPanelScores).toEqual([
      ids['g3'],
    ]);

    const published = await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(headers)
      .send({ allowMissing: true })
      .expect(201);
    const body = published.body as {
      version: number;
      placements: { proposalId: string; tiers: string[] }[];
      ties: { higher: string; lower: string; decidedBy: string }[];
    };
    expect(body.version).toBe(1);
    expect(body.placements.map((p) => [p.proposalId, p.tiers])).toEqual([
      [ids['g2'], ['finalist', 'top', 'outstanding']],
      [ids['g1'], ['finalist', 'top']],
      [ids['r1'], ['finalist', 'replication-top']],
      [ids['g3'], ['finalist']],
      [ids['s1'], ['finalist']],
    ]);
    expect(body.ties).toContainEqual(
      expect.objectContaining({
        higher: ids['g2'],
        lower: ids['g1'],
        decidedBy: 'desk-normalized',
      }),
    );

    const awards = await app.model<Award>(AWARD_MODEL).find({ editionId }).lean().exec();
    expect(awards).toHaveLength(5);
    expect(awards.find((a) => a._id === ids['x1'])).toBeUndefined();
    const publication = await app
      .model<StagePublication>(STAGE_PUBLICATION_MODEL)
      .findById(`pub_${editionId}_final_1`)
      .lean()
      .exec();
    expect(publication?.entries).toHaveLength(5);

    await eventually(() => {
      const granted = reader
        .on(app.topics.topicOf(AwardGrantedV1))
        .filter((m) => payloadOf(m.value)['editionId'] === editionId);
      expect(granted).toHaveLength(5);
      expect(granted.find((m) => m.key === ids['g2'])).toBeDefined();
      expect(payloadOf(granted.find((m) => m.key === ids['g2'])!.value)['tiers']).toEqual([
        'finalist',
        'top',
        'outstanding',
      ]);
      const results = reader
        .on(app.topics.topicOf(StageResultPublishedV1))
        .filter((m) => payloadOf(m.value)['editionId'] === editionId);
      expect(results).toHaveLength(5);
    });

    // A republication supersedes: version 2, awards point at it, new events.
    await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(headers)
      .send({ allowMissing: true })
      .expect(201);
    const republished = await app.model<Award>(AWARD_MODEL).findById(ids['g2']).lean().exec();
    expect(republished?.publicationId).toBe(`pub_${editionId}_final_2`);
    await eventually(() => {
      const granted = reader
        .on(app.topics.topicOf(AwardGrantedV1))
        .filter((m) => payloadOf(m.value)['editionId'] === editionId);
      expect(granted).toHaveLength(10);
    });

    const publicResults = await app.http().get(`/public/editions/${editionId}/results`).expect(200);
    const rows = publicResults.body as Record<string, unknown>[];
    expect(rows).toHaveLength(5);
    expect(rows[0]).not.toHaveProperty('panelScore');
    expect(rows[0]).not.toHaveProperty('deskScore');
    expect(JSON.stringify(rows)).not.toMatch(/score/i);
    expect(rows.find((r) => r['proposalId'] === ids['r1'])?.['institutionName']).toBe('Kota A');
  });

  it('should answer 409 RECOMPUTATION_IN_PROGRESS when another instance holds the plenary lease', async () => {
    const { editionId } = await seed('results');
    await app.model(LEASE_MODEL).create({
      _id: `plenary:${editionId}`,
      holder: 'another-instance',
      token: 7,
      expiresAt: new Date(Date.now() + 60_000),
    });
    const response = await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(await admin())
      .send({ allowMissing: true });
    expect(response.status).toBe(409);
    expect(code(response)).toBe('RECOMPUTATION_IN_PROGRESS');
    expect(await app.model(AWARD_MODEL).countDocuments({ editionId })).toBe(0);
  });

  it('should publish one consistent answer when two replicas publish at once', async () => {
    const { editionId } = await seed('plenary');
    const replica = await app.startReplica();
    const headers = await admin();
    const responses = await Promise.all(
      [app, replica, app, replica].map((r) =>
        r
          .http()
          .post(`/editions/${editionId}/plenary/publish`)
          .set(headers)
          .send({ allowMissing: true }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses).toContain(201);
    for (const r of responses.filter((x) => x.status === 409))
      expect(code(r)).toBe('RECOMPUTATION_IN_PROGRESS');
    const publications = await app
      .model<StagePublication>(STAGE_PUBLICATION_MODEL)
      .find({ editionId, stage: 'final' })
      .sort({ version: 1 })
      .lean()
      .exec();
    expect(publications).toHaveLength(statuses.filter((s) => s === 201).length);
    expect(publications.map((p) => p.version)).toEqual(publications.map((_, i) => i + 1));
    for (const p of publications) expect(p.entries).toEqual(publications[0]!.entries);
  });

  it('should refuse to publish when the prerequisites are not met', async () => {
    const headers = await admin();
    const closed = await seed('interview');
    const notOpen = await app
      .http()
      .post(`/editions/${closed.editionId}/plenary/publish`)
      .set(headers)
      .send({ allowMissing: true });
    expect(notOpen.status).toBe(409);
    expect(code(notOpen)).toBe('PLENARY_NOT_OPEN');

    const unconfigured = await seed('plenary', false);
    const response = await app
      .http()
      .post(`/editions/${unconfigured.editionId}/plenary/publish`)
      .set(headers)
      .send({});
    expect(response.status).toBe(409);
    expect(code(response)).toBe('EDITION_NOT_CONFIGURED_FOR_EVALUATION');

    const unknown = await app.http().get('/editions/ed_nope/plenary/preview').set(headers);
    expect(unknown.status).toBe(404);
    expect(code(unknown)).toBe('EDITION_NOT_FOUND');

    const badBody = await app
      .http()
      .post(`/editions/${closed.editionId}/plenary/publish`)
      .set(headers)
      .send({ allowMissing: 'yes' });
    expect(badBody.status).toBe(400);
    expect(await app.model(AWARD_MODEL).countDocuments({ editionId: closed.editionId })).toBe(0);
  });

  it('should let each role see only what it may when awards are read', async () => {
    const { editionId } = await seed('plenary');
    await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(await admin())
      .send({ allowMissing: true })
      .expect(201);
    const cases: [string, Promise<Record<string, string>>, number][] = [
      [`/editions/${editionId}/awards`, admin(), 200],
      [
        `/editions/${editionId}/awards`,
        app.issuer.headers(['local_admin'], { institutionId: 'inst_a' }),
        403,
      ],
      [`/editions/${editionId}/awards`, app.issuer.headers(['evaluator']), 403],
      [`/editions/${editionId}/plenary/preview`, app.issuer.headers(['evaluator']), 403],
      [
        `/editions/${editionId}/plenary/preview`,
        app.issuer.headers(['local_admin'], { institutionId: 'inst_a' }),
        403,
      ],
      [
        '/institutions/inst_a/awards',
        app.issuer.headers(['local_admin'], { institutionId: 'inst_a' }),
        200,
      ],
      [
        '/institutions/inst_a/awards',
        app.issuer.headers(['unit_operator'], { institutionId: 'inst_a', unitId: 'unit_1' }),
        200,
      ],
      [
        '/institutions/inst_a/awards',
        app.issuer.headers(['local_admin'], { institutionId: 'inst_b' }),
        403,
      ],
      ['/institutions/inst_a/awards', app.issuer.headers(['panelist']), 403],
    ];
    for (const [path, headers, status] of cases) {
      const response = await app
        .http()
        .get(path)
        .set(await headers);
      expect([path, response.status]).toEqual([path, status]);
    }
    const own = await app
      .http()
      .get('/institutions/inst_b/awards')
      .set(await app.issuer.headers(['local_admin'], { institutionId: 'inst_b' }))
      .expect(200);
    expect(
      (own.body as { institutionId: string }[]).every((a) => a.institutionId === 'inst_b'),
    ).toBe(true);
    await app
      .http()
      .post(`/editions/${editionId}/plenary/publish`)
      .set(await app.issuer.headers(['panelist']))
      .send({})
      .expect(403);
    await app.http().post(`/editions/${editionId}/plenary/publish`).send({}).expect(401);
  });
});
