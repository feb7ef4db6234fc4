import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  AssignmentCreatedV1,
  editionConfigurationExample,
  proposalSnapshotExample,
  ScoreSubmittedV1,
  type EditionConfiguration,
  type EditionPhase,
} from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { eventually, produceRaw, TopicReader } from '@kipp/testing';
import { ASSIGNMENT_MODEL, type Assignment } from '../src/assignment/assignment.schema';
import { DESK_RESULT_MODEL, type DeskResult } from '../src/calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../src/institution/institution.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { REVIEWER_MODEL, type Reviewer } from '../src/reviewer/reviewer.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../src/scoring/score-sheet.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StagePublication,
} from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

interface SheetBody {
  sheetId: string | null;
  stage: string;
  status: string;
  revision: number;
  submissions: number;
  weightedScore: number | null;
  deadline: string | null;
  criteria: { criterionId: string; score: number; comment: string }[];
  audit: { action: string; by: string; weightedScore: number | null }[];
  /** Only in a GET's answer. */
  proposal?: SheetProposal | null;
}
interface SheetProposal {
  proposalId: string;
  title: string;
  categoryId: string;
  groupId: string;
  snapshotVersion: number;
  sections: { sectionId: string; text: string; wordCount: number }[];
  evidence: {
    evidenceId: string;
    fileId: string;
    filename: string;
    contentType: string;
    sizeBytes: number;
  }[];
  institution: { institutionId: string; name: string | null; unitId: string } | null;
}
interface ProgressBody {
  evaluators: { evaluatorId: string; assigned: number; draft: number; submitted: number }[];
  overall: { assigned: number; submitted: number; percentSubmitted: number };
}

const HOUR = 3_600_000;
const sheet = (response: Response): SheetBody => response.body as SheetBody;
const error = (response: Response): { code: string; details?: Record<string, unknown> } =>
  (response.body as { error: { code: string; details?: Record<string, unknown> } }).error;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

const complete = (novelty: number, effectiveness: number) => [
  { criterionId: 'novelty', score: novelty, comment: 'clear novelty' },
  { criterionId: 'effectiveness', score: effectiveness, comment: 'measured effect' },
];

/** The example edition with desk evaluation ending `deskEndsInMs` from now, interviews now. */
function edition(editionId: string, deskEndsInMs: number, graceMinutes = 30): EditionConfiguration {
  const evaluation = editionConfigurationExample.evaluation;
  if (!evaluation) throw new Error('the example edition has evaluation settings');
  const now = Date.now();
  const at = (ms: number) => new Date(now + ms).toISOString();
  return {
    ...editionConfigurationExample,
    editionId,
    calendar: [
      ...editionConfigurationExample.calendar,
      { phase: 'desk-evaluation', startsAt: at(-10 * 24 * HOUR), endsAt: at(deskEndsInMs) },
      { phase: 'interview', startsAt: at(-HOUR), endsAt: at(24 * HOUR) },
      { phase: 'plenary', startsAt: at(24 * HOUR), endsAt: at(48 * HOUR) },
    ],
    evaluation: { ...evaluation, scoringGraceMinutes: graceMinutes, divergenceMargin: 20 },
  };
}

/** The scoring edition with blind review on or off. */
function blindEdition(editionId: string, blindReview: boolean): EditionConfiguration {
  const configuration = edition(editionId, 24 * HOUR);
  const evaluation = configuration.evaluation;
  if (!evaluation) throw new Error('the scoring edition has evaluation settings');
  return { ...configuration, evaluation: { ...evaluation, blindReview } };
}

describe('desk and panel scoring (integration)', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([
      app.topics.topicOf(ScoreSubmittedV1),
      app.topics.topicOf(AssignmentCreatedV1),
    ]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  async function seedEdition(
    configuration: EditionConfiguration | ((id: string) => EditionConfiguration),
    currentPhase: EditionPhase = 'desk-evaluation',
  ) {
    const editionId = `ed_${randomUUID().slice(0, 8)}`;
    const config = typeof configuration === 'function' ? configuration(editionId) : configuration;
    await app.model<EditionProjection>(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration: { ...config, editionId },
      revision: 1,
      currentPhase,
      currentPhaseChangedAt: new Date(),
    });
    return editionId;
  }

  async function assign(
    editionId: string,
    proposalId: string,
    evaluatorId: string,
    status: Assignment['status'] = 'active',
  ) {
    const assignmentId = `asg_${randomUUID().slice(0, 8)}`;
    await app.model<Assignment>(ASSIGNMENT_MODEL).create({
      _id: assignmentId,
      editionId,
      proposalId,
      evaluatorId,
      status,
      reason: 'initial',
      explanation: { cost: 0, factors: [] },
      runId: null,
      dueAt: null,
      endedAt: null,
      endReason: null,
      replacedBy: null,
    });
    return assignmentId;
  }

  const evaluator = (accountId: string) => app.issuer.headers(['evaluator'], { accountId });

  /** A forwarded proposal (the contract's example snapshot, forwarded a second time). */
  async function forward(
    editionId: string,
    proposalId: string,
    institution: EvaluationProposal['institution'],
  ) {
    const institutionId = `inst_${proposalId}`;
    await app.model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL).create({
      _id: proposalId,
      editionId,
      groupId: 'general',
      categoryId: 'health',
      institutionId,
      unitId: `unit_${proposalId}`,
      title: proposalSnapshotExample.title,
      snapshot: {
        ...proposalSnapshotExample,
        proposalId,
        editionId,
        institutionId,
        unitId: `unit_${proposalId}`,
        snapshotVersion: 2,
      },
      snapshotVersion: 2,
      institution,
      forwardedAt: new Date(),
      withdrawnAt: null,
      selection: null,
      disqualification: null,
    });
    return institutionId;
  }

  /** The proposal block a sheet should carry for a proposal `forward` seeded. */
  const scoredProposal = (
    proposalId: string,
    institution: SheetProposal['institution'],
  ): SheetProposal => ({
    proposalId,
    title: proposalSnapshotExample.title,
    categoryId: 'health',
    groupId: 'general',
    snapshotVersion: 2,
    sections: proposalSnapshotExample.sections,
    evidence: proposalSnapshotExample.evidence.map((e) => ({
      evidenceId: e.evidenceId,
      fileId: e.fileId,
      filename: e.filename,
      contentType: e.contentType,
      sizeBytes: e.sizeBytes,
    })),
    institution,
  });

  /** Publishes version 1 of the edition's finalists: `[proposalId, advanced]` in rank order. */
  async function publishFinalists(editionId: string, entries: [string, boolean][]) {
    const publication: Omit<StagePublication, 'outbox' | 'createdAt' | 'updatedAt'> = {
      _id: `pub_${editionId}_finalists_1`,
      editionId,
      stage: 'finalists',
      version: 1,
      entries: entries.map(([proposalId, advanced], index) => ({
        proposalId,
        institutionId: `inst_${proposalId}`,
        groupId: 'general',
        categoryId: 'health',
        rank: index + 1,
        score: 90 - index,
        advanced,
      })),
      report: null,
      leaseToken: 1,
      publishedBy: 'acct_admin',
      publishedAt: new Date(),
    };
    await app.model<StagePublication>(STAGE_PUBLICATION_MODEL).create(publication);
  }

  /** Saves `criteria` on a desk sheet at `revision`, then submits it when asked. */
  async function scoreDesk(
    assignmentId: string,
    evaluatorId: string,
    criteria: ReturnType<typeof complete>,
    submit: boolean,
    revision = 0,
  ) {
    const headers = await evaluator(evaluatorId);
    const url = `/assignments/${assignmentId}/sheet`;
    await app
      .http()
      .put(url)
      .set(headers)
      .send({ criteria, expectedRevision: revision })
      .expect(200);
    if (submit) {
      await app
        .http()
        .post(`${url}/submit`)
        .set(headers)
        .send({ expectedRevision: revision + 1 })
        .expect(200);
    }
  }

  it('should save a draft, submit and resubmit with an event per submission when the evaluator is assigned', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const proposalId = `prop_${randomUUID().slice(0, 8)}`;
    const assignmentId = await assign(editionId, proposalId, 'ev_flow');
    const headers = await evaluator('ev_flow');
    const url = `/assignments/${assignmentId}/sheet`;

    const empty = await app.http().get(url).set(headers).expect(200);
    expect(sheet(empty)).toMatchObject({ revision: 0, status: 'draft', criteria: [] });

    const draft = await app
      .http()
      .put(url)
      .set(headers)
      .send({
        criteria: [{ criterionId: 'novelty', score: 80, comment: 'new' }],
        expectedRevision: 0,
      })
      .expect(200);
    expect(sheet(draft)).toMatchObject({ revision: 1, status: 'draft', weightedScore: null });

    await app
      .http()
      .put(url)
      .set(headers)
      .send({ criteria: complete(80, 90), expectedRevision: 1 })
      .expect(200);
    const submitted = await app
      .http()
      .post(`${url}/submit`)
      .set(headers)
      .send({ expectedRevision: 2 })
      .expect(200);
    expect(sheet(submitted)).toMatchObject({
      status: 'submitted',
      weightedScore: 85,
      submissions: 1,
      revision: 3,
    });

    await app
      .http()
      .put(url)
      .set(headers)
      .send({
        criteria: [{ criterionId: 'effectiveness', score: 70, comment: 'revisited' }],
        expectedRevision: 3,
      })
      .expect(200);
    const resubmitted = await app
      .http()
      .post(`${url}/submit`)
      .set(headers)
      .send({ expectedRevision: 4 })
      .expect(200);
    expect(sheet(resubmitted)).toMatchObject({
      status: 'submitted',
      weightedScore: 75,
      submissions: 2,
    });
    expect(sheet(resubmitted).audit.map((a) => a.action)).toEqual([
      'saved',
      'saved',
      'submitted',
      'reopened',
      'submitted',
    ]);
    expect(sheet(resubmitted).audit.every((a) => a.by === 'ev_flow')).toBe(true);

    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(ScoreSubmittedV1))
        .filter((m) => m.key === proposalId)
        .map((m) => payloadOf(m.value));
      expect(events).toEqual([
        expect.objectContaining({
          stage: 'desk',
          assignmentId,
          scorerAccountId: 'ev_flow',
          weightedScore: 85,
          revision: 1,
        }),
        expect.objectContaining({ weightedScore: 75, revision: 2 }),
      ]);
    });
    await eventually(async () => {
      const result = await app
        .model<DeskResult>(DESK_RESULT_MODEL)
        .findById(proposalId)
        .lean()
        .exec();
      expect(result).toMatchObject({ editionId, scoreCount: 1, rawMean: 75, divergent: false });
    });
  });

  it('should give the desk sheet the proposal it scores, without the institution when the review is blind', async () => {
    const tag = randomUUID().slice(0, 8);
    const blind = await seedEdition((id) => blindEdition(id, true));
    const open = await seedEdition((id) => blindEdition(id, false));
    const name = `Kabupaten Uji ${tag}`;
    const named = { name, type: 'regency', provinceCode: '32', disadvantaged: false };
    const blindInstitution = await forward(blind, `prop_blind_${tag}`, named);
    const openInstitution = await forward(open, `prop_open_${tag}`, named);
    const blindAssignment = await assign(blind, `prop_blind_${tag}`, `ev_bl_${tag}`);
    const openAssignment = await assign(open, `prop_open_${tag}`, `ev_bl_${tag}`);
    const unknownAssignment = await assign(open, `prop_unknown_${tag}`, `ev_bl_${tag}`);
    const headers = await evaluator(`ev_bl_${tag}`);

    const blindSheet = sheet(
      await app.http().get(`/assignments/${blindAssignment}/sheet`).set(headers).expect(200),
    );
    const openSheet = sheet(
      await app.http().get(`/assignments/${openAssignment}/sheet`).set(headers).expect(200),
    );
    const adminRead = sheet(
      await app
        .http()
        .get(`/assignments/${blindAssignment}/sheet`)
        .set(await app.issuer.headers(['national_admin']))
        .expect(200),
    );
    const unknown = sheet(
      await app.http().get(`/assignments/${unknownAssignment}/sheet`).set(headers).expect(200),
    );
    const other = await app
      .http()
      .get(`/assignments/${blindAssignment}/sheet`)
      .set(await evaluator(`ev_other_${tag}`));
    const saved = sheet(
      await app
        .http()
        .put(`/assignments/${openAssignment}/sheet`)
        .set(headers)
        .send({ criteria: complete(70, 70), expectedRevision: 0 })
        .expect(200),
    );

    expect(blindSheet.proposal).toEqual(scoredProposal(`prop_blind_${tag}`, null));
    // Nothing in a blind sheet names the institution, its unit or who signed the declaration.
    expect(JSON.stringify(blindSheet)).not.toContain(blindInstitution);
    expect(JSON.stringify(blindSheet)).not.toContain(name);
    expect(JSON.stringify(blindSheet)).not.toMatch(/unit_prop|acct_/);
    expect(adminRead.proposal?.institution).toBeNull();
    expect(openSheet.proposal).toEqual(
      scoredProposal(`prop_open_${tag}`, {
        institutionId: openInstitution,
        name,
        unitId: `unit_prop_open_${tag}`,
      }),
    );
    expect(unknown.proposal).toBeNull();
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(proposalSnapshotExample.sections[0]?.text);
    // Saves answer the sheet alone: the proposal does not change with a score.
    expect(saved).not.toHaveProperty('proposal');
  });

  it('should answer 409 SCORE_SHEET_REVISION_CONFLICT when the sheet changed since it was read', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const assignmentId = await assign(editionId, 'prop_conflict', 'ev_conflict');
    const headers = await evaluator('ev_conflict');
    const url = `/assignments/${assignmentId}/sheet`;
    await app
      .http()
      .put(url)
      .set(headers)
      .send({ criteria: complete(50, 50), expectedRevision: 0 })
      .expect(200);

    const stale = await app
      .http()
      .put(url)
      .set(headers)
      .send({ criteria: complete(60, 60), expectedRevision: 0 });
    const staleSubmit = await app
      .http()
      .post(`${url}/submit`)
      .set(headers)
      .send({ expectedRevision: 5 });

    expect(stale.status).toBe(409);
    expect(error(stale)).toMatchObject({
      code: 'SCORE_SHEET_REVISION_CONFLICT',
      details: { currentRevision: 1 },
    });
    expect(error(staleSubmit).code).toBe('SCORE_SHEET_REVISION_CONFLICT');
  });

  it('should answer 422 without writing when a score is out of scale, a criterion unknown or a comment missing', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const assignmentId = await assign(editionId, 'prop_scale', 'ev_scale');
    const headers = await evaluator('ev_scale');
    const url = `/assignments/${assignmentId}/sheet`;

    const outOfScale = await app
      .http()
      .put(url)
      .set(headers)
      .send({ criteria: complete(101, 50), expectedRevision: 0 });
    const unknown = await app
      .http()
      .put(url)
      .set(headers)
      .send({
        criteria: [{ criterionId: 'charisma', score: 50, comment: '' }],
        expectedRevision: 0,
      });
    await app
      .http()
      .put(url)
      .set(headers)
      .send({
        criteria: [
          { criterionId: 'novelty', score: 50, comment: '' },
          { criterionId: 'effectiveness', score: 60, comment: 'ok' },
        ],
        expectedRevision: 0,
      })
      .expect(200);
    const incomplete = await app
      .http()
      .post(`${url}/submit`)
      .set(headers)
      .send({ expectedRevision: 1 });

    expect([outOfScale.status, unknown.status, incomplete.status]).toEqual([422, 422, 422]);
    expect(error(outOfScale)).toMatchObject({
      code: 'SCORE_OUT_OF_SCALE',
      details: { criteria: ['novelty'] },
    });
    expect(error(unknown).code).toBe('UNKNOWN_CRITERION');
    expect(error(incomplete)).toMatchObject({
      code: 'SCORE_SHEET_INCOMPLETE',
      details: { uncommented: ['novelty'] },
    });
    const stored = await app
      .model<ScoreSheet>(SCORE_SHEET_MODEL)
      .findOne({ assignmentId })
      .lean()
      .exec();
    expect(stored).toMatchObject({ status: 'draft', revision: 1, submissions: 0 });
  });

  it('should answer 404 to another evaluator and 403 to other roles when the assignment is not theirs', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const assignmentId = await assign(editionId, 'prop_scope', 'ev_owner');
    const url = `/assignments/${assignmentId}/sheet`;

    const other = await app
      .http()
      .get(url)
      .set(await evaluator('ev_other'));
    const otherWrite = await app
      .http()
      .put(url)
      .set(await evaluator('ev_other'))
      .send({ criteria: [], expectedRevision: 0 });
    const operator = await app
      .http()
      .get(url)
      .set(
        await app.issuer.headers(['unit_operator'], { institutionId: 'inst_1', unitId: 'unit_1' }),
      );
    const admin = await app
      .http()
      .get(url)
      .set(await app.issuer.headers(['national_admin']));

    expect([other.status, otherWrite.status, operator.status, admin.status]).toEqual([
      404, 404, 403, 200,
    ]);
    expect(error(other).code).toBe('ASSIGNMENT_NOT_FOUND');
  });

  it('should answer 409 ASSIGNMENT_NOT_ACTIVE when the evaluator declined the assignment', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const assignmentId = await assign(editionId, 'prop_declined', 'ev_declined', 'declined');

    const response = await app
      .http()
      .put(`/assignments/${assignmentId}/sheet`)
      .set(await evaluator('ev_declined'))
      .send({ criteria: complete(50, 50), expectedRevision: 0 });

    expect(response.status).toBe(409);
    expect(error(response).code).toBe('ASSIGNMENT_NOT_ACTIVE');
  });

  it('should accept scores in the grace period and answer 409 SCORING_CLOSED naming the deadline after it', async () => {
    // Desk evaluation ended 10 minutes ago: a 30-minute grace is still open, a 5-minute one closed.
    const inGrace = await seedEdition((id) => edition(id, -10 * 60_000, 30));
    const closed = await seedEdition((id) => edition(id, -10 * 60_000, 5));
    const open = await assign(inGrace, 'prop_grace', 'ev_grace');
    const late = await assign(closed, 'prop_late', 'ev_grace');
    const headers = await evaluator('ev_grace');

    await app
      .http()
      .put(`/assignments/${open}/sheet`)
      .set(headers)
      .send({ criteria: complete(70, 70), expectedRevision: 0 })
      .expect(200);
    const refused = await app
      .http()
      .put(`/assignments/${late}/sheet`)
      .set(headers)
      .send({ criteria: complete(70, 70), expectedRevision: 0 });

    expect(refused.status).toBe(409);
    const deadline = (
      await app.model<EditionProjection>(EDITION_PROJECTION_MODEL).findById(closed).lean().exec()
    )?.configuration.calendar.find((p) => p.phase === 'desk-evaluation')?.endsAt;
    expect(error(refused)).toMatchObject({
      code: 'SCORING_CLOSED',
      details: { deadline: new Date(new Date(deadline ?? 0).getTime() + 5 * 60_000).toISOString() },
    });
  });

  it('should answer 409 EDITION_NOT_CONFIGURED_FOR_EVALUATION when the edition has no evaluation settings', async () => {
    const editionId = await seedEdition((id) => {
      const { evaluation: _omitted, ...rest } = edition(id, 24 * HOUR);
      return rest;
    });
    const assignmentId = await assign(editionId, 'prop_unconfigured', 'ev_unconf');

    const response = await app
      .http()
      .get(`/assignments/${assignmentId}/sheet`)
      .set(await evaluator('ev_unconf'));

    expect(response.status).toBe(409);
    expect(error(response).code).toBe('EDITION_NOT_CONFIGURED_FOR_EVALUATION');
  });

  it('should report progress per evaluator and overall when sheets are drafted and submitted', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const a1 = await assign(editionId, 'prop_pg_1', 'ev_pg_a');
    await assign(editionId, 'prop_pg_2', 'ev_pg_a');
    const b1 = await assign(editionId, 'prop_pg_1', 'ev_pg_b');
    const ha = await evaluator('ev_pg_a');
    const hb = await evaluator('ev_pg_b');
    await app
      .http()
      .put(`/assignments/${a1}/sheet`)
      .set(ha)
      .send({ criteria: complete(70, 70), expectedRevision: 0 })
      .expect(200);
    await app
      .http()
      .post(`/assignments/${a1}/sheet/submit`)
      .set(ha)
      .send({ expectedRevision: 1 })
      .expect(200);
    await app
      .http()
      .put(`/assignments/${b1}/sheet`)
      .set(hb)
      .send({ criteria: complete(70, 70), expectedRevision: 0 })
      .expect(200);

    const all = await app
      .http()
      .get(`/editions/${editionId}/scoring/progress`)
      .set(await app.issuer.headers(['national_admin']))
      .expect(200);
    const mine = await app
      .http()
      .get(`/me/scoring/progress?editionId=${editionId}`)
      .set(ha)
      .expect(200);
    const forbidden = await app.http().get(`/editions/${editionId}/scoring/progress`).set(ha);

    expect(all.body as ProgressBody).toEqual({
      editionId,
      evaluators: [
        { evaluatorId: 'ev_pg_a', assigned: 2, draft: 0, submitted: 1 },
        { evaluatorId: 'ev_pg_b', assigned: 1, draft: 1, submitted: 0 },
      ],
      overall: { assigned: 3, submitted: 1, percentSubmitted: 33.3 },
    });
    expect((mine.body as ProgressBody).evaluators).toEqual([
      { evaluatorId: 'ev_pg_a', assigned: 2, draft: 0, submitted: 1 },
    ]);
    expect(forbidden.status).toBe(403);
  });

  it('should mark divergence and request one extra evaluator even when the event is delivered twice', async () => {
    const tag = randomUUID().slice(0, 8);
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const proposalId = `prop_div_${tag}`;
    await forward(editionId, proposalId, {
      name: `Kota ${tag}`,
      type: 'city',
      provinceCode: '32',
      disadvantaged: false,
    });
    const evaluators = ['a', 'b', 'c'].map((x) => `ev_div_${tag}_${x}`);
    await app.model<Reviewer>(REVIEWER_MODEL).insertMany(
      evaluators.map((id) => ({
        _id: id,
        name: id,
        email: `${id}@example.org`,
        locale: 'id',
        roles: ['evaluator'],
        profile: {
          affiliation: 'Universitas Indonesia',
          homeProvinceCode: '11',
          pastEngagementInstitutionIds: [],
          declaredConflictInstitutionIds: [],
          expertiseCategoryIds: ['health'],
        },
        active: true,
      })),
    );
    const [first, second] = evaluators;
    const a1 = await assign(editionId, proposalId, first ?? '');
    const a2 = await assign(editionId, proposalId, second ?? '');
    const h1 = await evaluator(first ?? '');
    const h2 = await evaluator(second ?? '');
    await app
      .http()
      .put(`/assignments/${a1}/sheet`)
      .set(h1)
      .send({ criteria: complete(40, 40), expectedRevision: 0 })
      .expect(200);
    await app
      .http()
      .post(`/assignments/${a1}/sheet/submit`)
      .set(h1)
      .send({ expectedRevision: 1 })
      .expect(200);
    await app
      .http()
      .put(`/assignments/${a2}/sheet`)
      .set(h2)
      .send({ criteria: complete(90, 90), expectedRevision: 0 })
      .expect(200);
    await app
      .http()
      .post(`/assignments/${a2}/sheet/submit`)
      .set(h2)
      .send({ expectedRevision: 1 })
      .expect(200);

    await eventually(async () => {
      const result = await app
        .model<DeskResult>(DESK_RESULT_MODEL)
        .findById(proposalId)
        .lean()
        .exec();
      expect(result).toMatchObject({ scoreCount: 2, rawMean: 65, spread: 50, divergent: true });
      expect(result?.extraEvaluatorRequestedAt).toBeInstanceOf(Date);
    });
    // The same event delivered twice more, and a new one: still one extra evaluator.
    const duplicate = createEvent(ScoreSubmittedV1, {
      proposalId,
      editionId,
      stage: 'desk',
      assignmentId: a2,
      scorerAccountId: second ?? '',
      criteria: [
        { criterionId: 'novelty', score: 90 },
        { criterionId: 'effectiveness', score: 90 },
      ],
      weightedScore: 90,
      revision: 1,
      submittedAt: new Date().toISOString(),
    });
    const later = createEvent(ScoreSubmittedV1, { ...payloadOfEvent(duplicate), revision: 2 });
    const message = { key: duplicate.key, value: duplicate.value, headers: duplicate.headers };
    await produceRaw(app.topics.topicOf(ScoreSubmittedV1), [
      message,
      message,
      { key: later.key, value: later.value, headers: later.headers },
    ]);
    const processed = app.model<DeskResult>(DESK_RESULT_MODEL).db.collection('processed_events');
    await eventually(async () => {
      expect(
        await processed.countDocuments({ eventId: { $in: [duplicate.eventId, later.eventId] } }),
      ).toBe(2);
    });

    await eventually(async () => {
      const extra = await app
        .model<Assignment>(ASSIGNMENT_MODEL)
        .find({ proposalId, reason: 'divergence' })
        .lean()
        .exec();
      expect(extra).toHaveLength(1);
      expect(extra[0]?.evaluatorId).toBe(evaluators[2]);
      const created = reader
        .on(app.topics.topicOf(AssignmentCreatedV1))
        .filter((m) => m.key === proposalId && payloadOf(m.value).reason === 'divergence');
      expect(created).toHaveLength(1);
    });
    expect(
      await app
        .model<Assignment>(ASSIGNMENT_MODEL)
        .countDocuments({ proposalId, reason: 'divergence' }),
    ).toBe(1);
  });

  it('should reflect every desk score exactly once when two replicas share the consumer group', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    await app.startReplica();
    const tag = randomUUID().slice(0, 8);
    const sheets = Array.from({ length: 10 }, (_, p) =>
      [0, 1, 2].map((e) => ({
        _id: `desk_${tag}_${p}_${e}`,
        editionId,
        proposalId: `prop_flow_${tag}_${p}`,
        stage: 'desk' as const,
        assignmentId: `asg_${tag}_${p}_${e}`,
        scorerId: `ev_${e}`,
        criteria: [],
        weightedScore: 60 + p + e,
        status: 'submitted' as const,
        revision: 2,
        submissions: 1,
        submittedAt: new Date(),
        submittedWeightedScore: 60 + p + e,
        audit: [],
      })),
    ).flat();
    await app.model<ScoreSheet>(SCORE_SHEET_MODEL).insertMany(sheets);
    // Every event twice: redelivery must not change anything.
    const events = sheets.map((s) =>
      createEvent(ScoreSubmittedV1, {
        proposalId: s.proposalId,
        editionId,
        stage: 'desk',
        assignmentId: s.assignmentId,
        scorerAccountId: s.scorerId,
        criteria: [],
        weightedScore: s.weightedScore,
        revision: 1,
        submittedAt: new Date().toISOString(),
      }),
    );
    const messages = events.map((e) => ({ key: e.key, value: e.value, headers: e.headers }));
    await produceRaw(app.topics.topicOf(ScoreSubmittedV1), [...messages, ...messages]);

    await eventually(async () => {
      const results = await app
        .model<DeskResult>(DESK_RESULT_MODEL)
        .find({ editionId })
        .sort({ _id: 1 })
        .lean()
        .exec();
      expect(results.map((r) => [r.scoreCount, r.rawMean, r.spread])).toEqual(
        Array.from({ length: 10 }, (_, p) => [3, 61 + p, 2]),
      );
    });
  });

  it('should let a panelist score only current finalists on the panel rubric', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR), 'interview');
    await publishFinalists(editionId, [
      ['prop_fin', true],
      ['prop_out', false],
    ]);
    // Blind desk review does not hide a finalist's institution: the finalists are public.
    await app
      .model<EditionProjection>(EDITION_PROJECTION_MODEL)
      .updateOne({ _id: editionId }, { $set: { 'configuration.evaluation.blindReview': true } });
    // Forwarded before the registry's record arrived: the name comes from the registry.
    const finalistInstitution = await forward(editionId, 'prop_fin', null);
    await app.model<InstitutionProjection>(INSTITUTION_PROJECTION_MODEL).create({
      _id: finalistInstitution,
      code: '3273',
      name: 'Kota Bandung',
      type: 'city',
      provinceCode: '32',
      disadvantaged: false,
      revision: 0,
    });
    const panelist = await app.issuer.headers(['panelist'], { accountId: 'pan_1' });
    const base = `/editions/${editionId}/panel-sheets`;
    const body = {
      criteria: [{ criterionId: 'presentation', score: 88, comment: 'convincing' }],
      expectedRevision: 0,
    };

    const notFinalist = await app.http().put(`${base}/prop_out`).set(panelist).send(body);
    const evaluatorTries = await app
      .http()
      .put(`${base}/prop_fin`)
      .set(await evaluator('ev_x'))
      .send(body);
    const deskCriterion = await app
      .http()
      .put(`${base}/prop_fin`)
      .set(panelist)
      .send({ criteria: complete(50, 50), expectedRevision: 0 });
    await app.http().put(`${base}/prop_fin`).set(panelist).send(body).expect(200);
    const submitted = await app
      .http()
      .post(`${base}/prop_fin/submit`)
      .set(panelist)
      .send({ expectedRevision: 1 })
      .expect(200);

    expect([notFinalist.status, evaluatorTries.status, deskCriterion.status]).toEqual([
      404, 403, 422,
    ]);
    expect(error(notFinalist).code).toBe('FINALIST_NOT_FOUND');
    const read = sheet(await app.http().get(`${base}/prop_fin`).set(panelist).expect(200));
    expect(read.proposal).toEqual(
      scoredProposal('prop_fin', {
        institutionId: finalistInstitution,
        name: 'Kota Bandung',
        unitId: 'unit_prop_fin',
      }),
    );
    const finalists = await app.http().get(`/public/editions/${editionId}/finalists`).expect(200);
    expect(finalists.body).toMatchObject({
      finalists: [{ proposalId: 'prop_fin', institutionName: read.proposal?.institution?.name }],
    });
    expect(sheet(submitted)).toMatchObject({
      stage: 'panel',
      status: 'submitted',
      weightedScore: 88,
    });
    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(ScoreSubmittedV1))
        .filter((m) => m.key === 'prop_fin')
        .map((m) => payloadOf(m.value));
      expect(events).toEqual([
        expect.objectContaining({
          stage: 'panel',
          assignmentId: null,
          scorerAccountId: 'pan_1',
          weightedScore: 88,
        }),
      ]);
    });
  });

  it("should list a panelist's own sheet per current finalist with the panel deadline when sheets were saved", async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR), 'interview');
    const [a, b, gone] = ['a', 'b', 'gone'].map((x) => `prop_${x}_${editionId}`) as [
      string,
      string,
      string,
    ];
    await publishFinalists(editionId, [
      [a, true],
      [b, true],
      [gone, true],
      [`prop_out_${editionId}`, false],
    ]);
    await forward(editionId, a, {
      name: 'Kabupaten Badung',
      type: 'regency',
      provinceCode: '51',
      disadvantaged: false,
    });
    await forward(editionId, b, {
      name: 'Kota Surabaya',
      type: 'city',
      provinceCode: '35',
      disadvantaged: false,
    });
    await forward(editionId, gone, null);
    await app
      .model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL)
      .updateOne({ _id: gone }, { $set: { withdrawnAt: new Date() } });
    const [pan1, pan2] = await Promise.all([
      app.issuer.headers(['panelist'], { accountId: 'pan_list_1' }),
      app.issuer.headers(['panelist'], { accountId: 'pan_list_2' }),
    ]);
    const base = `/editions/${editionId}/panel-sheets`;
    const criteria = [{ criterionId: 'presentation', score: 70, comment: 'clear' }];
    await app.http().put(`${base}/${a}`).set(pan1).send({ criteria, expectedRevision: 0 });
    await app.http().post(`${base}/${a}/submit`).set(pan1).send({ expectedRevision: 1 });
    await app.http().put(`${base}/${b}`).set(pan2).send({ criteria, expectedRevision: 0 });

    const mine = await app.http().get(base).set(pan1).expect(200);
    const theirs = await app.http().get(base).set(pan2).expect(200);
    const evaluatorTries = await app
      .http()
      .get(base)
      .set(await evaluator('ev_list'));
    const adminTries = await app
      .http()
      .get(base)
      .set(await app.issuer.headers(['national_admin']));
    const unknown = await app.http().get('/editions/ed_unknown_list/panel-sheets').set(pan1);

    const stored = await app
      .model<EditionProjection>(EDITION_PROJECTION_MODEL)
      .findById(editionId)
      .lean<EditionProjection>();
    const panelEnds = (stored?.configuration.calendar ?? [])
      .filter((p) => ['interview', 'field-verification', 'plenary'].includes(p.phase))
      .map((p) => new Date(p.endsAt).getTime());
    expect((mine.body as { deadline: string }).deadline).toBe(
      new Date(Math.max(...panelEnds)).toISOString(),
    );
    expect(mine.body).toMatchObject({
      editionId,
      items: [
        {
          proposalId: a,
          title: proposalSnapshotExample.title,
          categoryId: 'health',
          groupId: 'general',
          institutionName: 'Kabupaten Badung',
          sheet: { status: 'submitted', revision: 2, weightedScore: 70 },
        },
        { proposalId: b, institutionName: 'Kota Surabaya', sheet: null },
      ],
    });
    expect((mine.body as { items: unknown[] }).items).toHaveLength(2);
    expect(theirs.body).toMatchObject({
      items: [
        { proposalId: a, sheet: null },
        { proposalId: b, sheet: { status: 'draft', revision: 1, submittedAt: null } },
      ],
    });
    expect([evaluatorTries.status, adminTries.status, unknown.status]).toEqual([403, 403, 404]);
    expect(error(unknown).code).toBe('EDITION_NOT_FOUND');
  });

  it('should list no finalists and no sheets when the finalists are not published yet', async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR), 'interview');
    const panelist = await app.issuer.headers(['panelist'], { accountId: 'pan_early' });

    const list = await app.http().get(`/editions/${editionId}/panel-sheets`).set(panelist);

    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ editionId, publishedAt: null, items: [] });
  });

  it("should give the secretariat each evaluator's latest submitted desk scores, by evaluator or proposal, a page at a time", async () => {
    const editionId = await seedEdition((id) => edition(id, 24 * HOUR));
    const [p1, p2] = [`prop_ds1_${editionId}`, `prop_ds2_${editionId}`];
    await forward(editionId, p1, null);
    await forward(editionId, p2, null);
    const [named, unnamed] = [`ev_named_${editionId}`, `ev_unnamed_${editionId}`];
    await app.model<Reviewer>(REVIEWER_MODEL).create({
      _id: named,
      name: 'Dr. Sari Wulandari',
      email: `${named}@example.ac.id`,
      locale: 'id',
      roles: ['evaluator'],
      profile: null,
      active: true,
    });
    const namedP1 = await assign(editionId, p1, named);
    const namedP2 = await assign(editionId, p2, named);
    const unnamedP1 = await assign(editionId, p1, unnamed);
    await scoreDesk(namedP1, named, complete(80, 90), true);
    await scoreDesk(namedP2, named, complete(60, 60), false);
    await scoreDesk(unnamedP1, unnamed, complete(70, 70), true);
    // Reopened after the submission: the submitted scores still count, not the draft's.
    await scoreDesk(unnamedP1, unnamed, complete(10, 10), false, 2);
    const admin = await app.issuer.headers(['national_admin']);
    const url = `/editions/${editionId}/desk-scores`;
    type Page = {
      items: {
        proposalId: string;
        title: string | null;
        evaluatorId: string;
        evaluatorName: string | null;
        criteria: { criterionId: string; score: number }[];
        weightedScore: number;
        reopened: boolean;
      }[];
      nextAfter: string | null;
    };

    const all = (await app.http().get(url).set(admin).expect(200)).body as Page;
    const first = (await app.http().get(url).query({ pageSize: 1 }).set(admin).expect(200))
      .body as Page;
    const second = (
      await app
        .http()
        .get(url)
        .query({ pageSize: 1, after: first.nextAfter })
        .set(admin)
        .expect(200)
    ).body as Page;
    const byEvaluator = (
      await app.http().get(url).query({ evaluatorId: named }).set(admin).expect(200)
    ).body as Page;
    const byProposal = (await app.http().get(url).query({ proposalId: p1 }).set(admin).expect(200))
      .body as Page;
    const draftOnly = (await app.http().get(url).query({ proposalId: p2 }).set(admin).expect(200))
      .body as Page;
    const refused = await Promise.all(
      [
        evaluator(named),
        app.issuer.headers(['local_admin'], { institutionId: `inst_${p1}` }),
        app.issuer.headers(['panelist']),
      ].map(
        async (headers) =>
          (
            await app
              .http()
              .get(url)
              .set(await headers)
          ).status,
      ),
    );
    const tooLarge = await app.http().get(url).query({ pageSize: 201 }).set(admin);

    const byId = new Map(all.items.map((i) => [i.evaluatorId, i]));
    expect(all.items).toHaveLength(2);
    expect(all.nextAfter).toBeNull();
    expect(byId.get(named)).toMatchObject({
      proposalId: p1,
      title: proposalSnapshotExample.title,
      evaluatorName: 'Dr. Sari Wulandari',
      criteria: [
        { criterionId: 'novelty', score: 80 },
        { criterionId: 'effectiveness', score: 90 },
      ],
      weightedScore: 85,
      reopened: false,
    });
    expect(byId.get(unnamed)).toMatchObject({
      proposalId: p1,
      evaluatorName: null,
      criteria: [
        { criterionId: 'novelty', score: 70 },
        { criterionId: 'effectiveness', score: 70 },
      ],
      weightedScore: 70,
      reopened: true,
    });
    expect([first.items.length, second.items.length, second.nextAfter]).toEqual([1, 1, null]);
    expect([...first.items, ...second.items].map((i) => i.evaluatorId).sort()).toEqual(
      [named, unnamed].sort(),
    );
    expect(byEvaluator.items.map((i) => i.proposalId)).toEqual([p1]);
    expect(byProposal.items.map((i) => i.evaluatorId).sort()).toEqual([named, unnamed].sort());
    expect(draftOnly.items).toEqual([]);
    expect(refused).toEqual([403, 403, 403]);
    expect([tooLarge.status, error(tooLarge).code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

function payloadOfEvent(event: { value: string }): {
  proposalId: string;
  editionId: string;
  stage: 'desk' | 'panel';
  assignmentId: string | null;
  scorerAccountId: string;
  criteria: { criterionId: string; score: number }[];
  weightedScore: number;
  revision: number;
  submittedAt: string;
} {
  return (JSON.parse(event.value) as { payload: ReturnType<typeof payloadOfEvent> }).payload;
}
