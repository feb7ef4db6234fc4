import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  AssignmentChangedV1,
  AssignmentCreatedV1,
  editionConfigurationExample,
  proposalSnapshotExample,
  type EditionConfiguration,
} from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { ASSIGNMENT_MODEL, type Assignment } from '../src/assignment/assignment.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../src/institution/institution.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { LeaseService } from '../src/lease/lease.service';
import { REVIEWER_MODEL, type Reviewer } from '../src/reviewer/reviewer.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

interface RunSummary {
  runId: string | null;
  assignmentsCreated: number;
  proposalsConsidered: number;
  shortfalls: unknown[];
}
interface AssignmentBody {
  id: string;
  proposalId: string;
  evaluatorId: string;
  status: string;
  reason: string;
  replacedBy: string | null;
  explanation: { cost: number; factors: string[] };
}
interface MyAssignments {
  items: {
    assignmentId: string;
    dueAt: string | null;
    deadline: string | null;
    proposal: { proposalId: string; title: string; institution: unknown } | null;
    sheet: {
      status: string;
      revision: number;
      weightedScore: number | null;
      submittedAt: string | null;
    } | null;
  }[];
}

const errorCode = (response: Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

type SeededProposal = Omit<EvaluationProposal, 'outbox' | 'createdAt' | 'updatedAt'>;

const DESK_END = '2027-05-15T16:59:59.000Z';

function edition(
  editionId: string,
  k: number,
  options: { blind?: boolean } = {},
): EditionConfiguration {
  const evaluation = editionConfigurationExample.evaluation;
  if (!evaluation) throw new Error('the example edition has evaluation settings');
  return {
    ...editionConfigurationExample,
    editionId,
    evaluatorsPerProposal: k,
    calendar: [
      ...editionConfigurationExample.calendar,
      { phase: 'desk-evaluation', startsAt: '2027-04-20T01:00:00.000Z', endsAt: DESK_END },
    ],
    evaluation: {
      ...evaluation,
      blindReview: options.blind ?? false,
      maxProposalsPerEvaluator: 10,
    },
  };
}

describe('evaluator assignment (integration)', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([
      app.topics.topicOf(AssignmentCreatedV1),
      app.topics.topicOf(AssignmentChangedV1),
    ]);
    adminHeaders = await app.issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  /** Seeds an edition with proposals and evaluators; ids are unique to the call. */
  async function seed(options: {
    k: number;
    blind?: boolean;
    evaluators?: (ids: { institutions: string[] }) => Partial<Reviewer['profile'] & object>[];
    proposals?: number;
    configured?: boolean;
  }) {
    const tag = randomUUID().slice(0, 8);
    // Evaluators are accounts of the whole platform, not of one edition: retire the ones
    // earlier cases seeded so each case solves over its own pool.
    await app.model<Reviewer>(REVIEWER_MODEL).updateMany({}, { $set: { active: false } });
    const editionId = `ed_${tag}`;
    const configuration = edition(editionId, options.k, { blind: options.blind ?? false });
    if (options.configured === false) delete configuration.evaluation;
    await app.model<EditionProjection>(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration,
      revision: 1,
      currentPhase: 'desk-evaluation',
      currentPhaseChangedAt: new Date(),
    });
    const institutions: InstitutionProjection[] = [
      { type: 'city', provinceCode: '32', name: `Kota Bandung ${tag}` },
      { type: 'ministry', provinceCode: null, name: `Kementerian ${tag}` },
    ].map((i, n) => ({
      _id: `inst_${tag}_${n}`,
      code: `${tag}${n}`,
      name: i.name,
      type: i.type as InstitutionProjection['type'],
      provinceCode: i.provinceCode,
      disadvantaged: false,
      revision: 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    await app.model<InstitutionProjection>(INSTITUTION_PROJECTION_MODEL).insertMany(institutions);
    const count = options.proposals ?? 4;
    const proposals: SeededProposal[] = Array.from({ length: count }, (_, n) => {
      const institution = institutions[n % institutions.length]!;
      const proposalId = `prop_${tag}_${n}`;
      return {
        _id: proposalId,
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId: institution._id,
        unitId: `unit_${tag}_${n}`,
        title: `Innovation ${n}`,
        snapshot: {
          ...proposalSnapshotExample,
          proposalId,
          editionId,
          institutionId: institution._id,
          title: `Innovation ${n}`,
        },
        snapshotVersion: 1,
        institution: {
          name: institution.name,
          type: institution.type,
          provinceCode: institution.provinceCode,
          disadvantaged: false,
        },
        forwardedAt: new Date(),
        withdrawnAt: null,
        selection: {
          outcome: 'pass',
          reasons: [],
          revision: 1,
          snapshotVersion: 1,
          decidedBy: 'acct_admin',
          decidedAt: new Date(),
        },
        disqualification: null,
      };
    });
    // A failed and a withdrawn proposal are never assigned.
    proposals.push(
      {
        ...proposals[0]!,
        _id: `prop_${tag}_failed`,
        selection: { ...proposals[0]!.selection!, outcome: 'fail' },
      },
      { ...proposals[1]!, _id: `prop_${tag}_withdrawn`, withdrawnAt: new Date() },
    );
    await app.model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL).insertMany(proposals);
    const profiles = options.evaluators?.({ institutions: institutions.map((i) => i._id) }) ?? [
      {},
      {},
      {},
    ];
    const evaluators: Reviewer[] = profiles.map((profile, n) => ({
      _id: `acct_eval_${tag}_${n}`,
      name: `Evaluator ${n}`,
      email: `eval${n}.${tag}@example.org`,
      locale: 'id',
      roles: ['evaluator'],
      profile: {
        affiliation: `Universitas ${n} ${tag}`,
        homeProvinceCode: '34',
        pastEngagementInstitutionIds: [],
        declaredConflictInstitutionIds: [],
        expertiseCategoryIds: ['health'],
        ...profile,
      },
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    await app.model<Reviewer>(REVIEWER_MODEL).insertMany(evaluators);
    return { editionId, institutions, proposals: proposals.slice(0, count), evaluators };
  }

  const assignmentsOf = (editionId: string) =>
    app.model<Assignment>(ASSIGNMENT_MODEL).find({ editionId }).lean<Assignment[]>().exec();

  it('should give every passed proposal k evaluators with events when the admin runs assignment', async () => {
    const { editionId, proposals } = await seed({ k: 2 });

    const response = await app
      .http()
      .post(`/editions/${editionId}/assignments/run`)
      .set(adminHeaders)
      .expect(200);

    const summary = response.body as RunSummary;
    expect(summary).toMatchObject({
      assignmentsCreated: 8,
      proposalsConsidered: 4,
      shortfalls: [],
    });
    const stored = await assignmentsOf(editionId);
    expect(stored).toHaveLength(8);
    for (const proposal of proposals) {
      expect(stored.filter((a) => a.proposalId === proposal._id)).toHaveLength(2);
    }
    expect(stored.every((a) => a.dueAt?.toISOString() === DESK_END)).toBe(true);
    await eventually(() => {
      const created = reader
        .on(app.topics.topicOf(AssignmentCreatedV1))
        .filter((m) => payloadOf(m.value).editionId === editionId);
      expect(created).toHaveLength(8);
      for (const message of created) expect(message.key).toBe(payloadOf(message.value).proposalId);
    });
  });

  it('should create nothing when the run is repeated with nothing changed', async () => {
    const { editionId } = await seed({ k: 2 });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);

    const again = await app
      .http()
      .post(`/editions/${editionId}/assignments/run`)
      .set(adminHeaders)
      .expect(200);

    expect(again.body).toMatchObject({ runId: null, assignmentsCreated: 0 });
    expect(await assignmentsOf(editionId)).toHaveLength(8);
  });

  it('should respect same-province and declared conflicts when it assigns', async () => {
    const { editionId } = await seed({
      k: 1,
      evaluators: ({ institutions: [cityId, ministryId] }) => [
        { homeProvinceCode: '32' }, // conflicts with the city (Pemda in province 32)
        { declaredConflictInstitutionIds: [ministryId!] },
        { declaredConflictInstitutionIds: [cityId!], homeProvinceCode: '32' },
      ],
    });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);

    // Proposals 0 and 2 come from the city, 1 and 3 from the ministry: only evaluator 1 may
    // take the city's, and anyone but evaluator 1 the ministry's.
    const stored = await assignmentsOf(editionId);
    for (const assignment of stored) {
      const evaluatorIndex = Number(assignment.evaluatorId.split('_').at(-1));
      const fromCity = ['0', '2'].includes(assignment.proposalId.split('_').at(-1)!);
      if (fromCity) expect(evaluatorIndex).toBe(1);
      else expect(evaluatorIndex).not.toBe(1);
    }
    expect(stored).toHaveLength(4);

    const explained = await app
      .http()
      .get(`/assignments/${stored.find((a) => a.proposalId.endsWith('_0'))!._id}/explanation`)
      .set(adminHeaders)
      .expect(200);
    expect((explained.body as { excluded: unknown[] }).excluded).toEqual([
      { evaluatorId: expect.stringMatching(/_0$/) as string, reason: 'same-province' },
      { evaluatorId: expect.stringMatching(/_2$/) as string, reason: 'declared-conflict' },
    ]);
  });

  it('should never create a duplicate pair when two replicas run at once', async () => {
    const { editionId } = await seed({ k: 2, proposals: 6 });
    const second = await app.startReplica();

    const responses = await Promise.all([
      app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders),
      second.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders),
    ]);

    for (const response of responses) {
      expect([200, 409]).toContain(response.status);
      if (response.status === 409) expect(errorCode(response)).toBe('RECOMPUTATION_IN_PROGRESS');
    }
    const stored = await assignmentsOf(editionId);
    expect(stored).toHaveLength(12);
    expect(new Set(stored.map((a) => `${a.proposalId}/${a.evaluatorId}`)).size).toBe(12);
  });

  it('should answer 409 RECOMPUTATION_IN_PROGRESS when another replica holds the lease', async () => {
    const { editionId } = await seed({ k: 1 });
    const other = await app.startReplica();
    const lease = await other.app.get(LeaseService).acquire(`assignment:${editionId}`);
    expect(lease).not.toBeNull();

    const response = await app
      .http()
      .post(`/editions/${editionId}/assignments/run`)
      .set(adminHeaders)
      .expect(409);

    expect(errorCode(response)).toBe('RECOMPUTATION_IN_PROGRESS');
    expect(await assignmentsOf(editionId)).toHaveLength(0);
    await other.app.get(LeaseService).release(lease!);
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);
    expect(await assignmentsOf(editionId)).toHaveLength(4);
  });

  it('should replace a declined assignment and publish both events when the evaluator declines', async () => {
    const { editionId, evaluators } = await seed({ k: 2 });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);
    const [first] = await assignmentsOf(editionId);
    const evaluatorHeaders = await app.issuer.headers(['evaluator'], {
      accountId: first!.evaluatorId,
    });
    const other = evaluators.find((e) => e._id !== first!.evaluatorId)!;

    await app
      .http()
      .post(`/assignments/${first!._id}/decline`)
      .set(await app.issuer.headers(['evaluator'], { accountId: other._id }))
      .send({ reason: 'not mine to decline' })
      .expect(403);
    const declined = await app
      .http()
      .post(`/assignments/${first!._id}/decline`)
      .set(evaluatorHeaders)
      .send({ reason: 'on leave during the desk evaluation' })
      .expect(200);

    const body = declined.body as { assignment: AssignmentBody; replacement: AssignmentBody };
    expect(body.assignment).toMatchObject({ status: 'declined', replacedBy: body.replacement.id });
    expect(body.replacement).toMatchObject({
      proposalId: first!.proposalId,
      reason: 'reassignment',
      status: 'active',
    });
    expect(body.replacement.evaluatorId).not.toBe(first!.evaluatorId);
    await eventually(() => {
      const changed = reader
        .on(app.topics.topicOf(AssignmentChangedV1))
        .map((m) => payloadOf(m.value))
        .filter((p) => p.assignmentId === first!._id);
      expect(changed).toEqual([
        expect.objectContaining({ change: 'declined', replacedBy: body.replacement.id }),
      ]);
      const created = reader
        .on(app.topics.topicOf(AssignmentCreatedV1))
        .map((m) => payloadOf(m.value))
        .filter((p) => p.assignmentId === body.replacement.id);
      expect(created).toEqual([expect.objectContaining({ reason: 'reassignment' })]);
    });
    await app
      .http()
      .post(`/assignments/${first!._id}/recuse`)
      .set(evaluatorHeaders)
      .send({ reason: 'conflict after all' })
      .expect(409);
  });

  it('should show evaluators only their own assignments and hide the institution in blind mode', async () => {
    const { editionId, evaluators } = await seed({ k: 1, blind: true });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);
    const stored = await assignmentsOf(editionId);
    const evaluator = evaluators[0]!;

    const mine = await app
      .http()
      .get('/me/assignments')
      .set(await app.issuer.headers(['evaluator'], { accountId: evaluator._id }))
      .expect(200);

    const items = (mine.body as MyAssignments).items;
    const expected = stored.filter((a) => a.evaluatorId === evaluator._id).map((a) => a._id);
    expect(items.map((i) => i.assignmentId).sort()).toEqual(expected.sort());
    for (const item of items) {
      expect(item.proposal?.institution).toBeNull();
      expect(JSON.stringify(item)).not.toContain('inst_');
    }
  });

  it('should show the institution when the edition is not blind', async () => {
    const { editionId, evaluators } = await seed({ k: 3 });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);

    const mine = await app
      .http()
      .get('/me/assignments')
      .set(await app.issuer.headers(['evaluator'], { accountId: evaluators[0]!._id }))
      .expect(200);

    const items = (mine.body as MyAssignments).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.proposal?.institution !== null)).toBe(true);
  });

  it("should tell each assignment where the evaluator's sheet stands when it is unsaved, a draft or submitted", async () => {
    const { editionId, evaluators } = await seed({ k: 1, proposals: 3, evaluators: () => [{}] });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);
    const evaluatorHeaders = await app.issuer.headers(['evaluator'], {
      accountId: evaluators[0]!._id,
    });
    const [drafted, submitted, untouched] = (await assignmentsOf(editionId))
      .filter((a) => a.status === 'active')
      .map((a) => a._id)
      .sort();
    const save = (assignmentId: string | undefined, scores: [string, number][]) =>
      app
        .http()
        .put(`/assignments/${assignmentId}/sheet`)
        .set(evaluatorHeaders)
        .send({
          criteria: scores.map(([criterionId, score]) => ({
            criterionId,
            score,
            comment: 'noted',
          })),
          expectedRevision: 0,
        })
        .expect(200);
    await save(drafted, [['novelty', 80]]);
    await save(submitted, [
      ['novelty', 80],
      ['effectiveness', 90],
    ]);
    const submission = await app
      .http()
      .post(`/assignments/${submitted}/sheet/submit`)
      .set(evaluatorHeaders)
      .send({ expectedRevision: 1 })
      .expect(200);

    const mine = await app.http().get('/me/assignments').set(evaluatorHeaders).expect(200);

    const items = new Map((mine.body as MyAssignments).items.map((i) => [i.assignmentId, i]));
    expect(items.size).toBe(3);
    expect(items.get(untouched!)?.sheet).toBeNull();
    expect(items.get(drafted!)?.sheet).toEqual({
      status: 'draft',
      revision: 1,
      weightedScore: null,
      submittedAt: null,
    });
    expect(items.get(submitted!)?.sheet).toEqual({
      status: 'submitted',
      revision: 2,
      weightedScore: 85,
      submittedAt: (submission.body as { submittedAt: string }).submittedAt,
    });
    const grace = editionConfigurationExample.evaluation!.scoringGraceMinutes;
    for (const item of items.values()) {
      expect(item.dueAt).toBe(DESK_END);
      expect(item.deadline).toBe(new Date(Date.parse(DESK_END) + grace * 60_000).toISOString());
    }

    const docs = await app.http().get('/docs-json').expect(200);
    const documented = JSON.stringify(
      (docs.body as { paths: Record<string, { get?: { responses?: unknown } }> }).paths[
        '/me/assignments'
      ]?.get?.responses,
    );
    for (const field of ['"sheet"', '"deadline"', '"weightedScore"', '"submittedAt"']) {
      expect(documented).toContain(field);
    }
  });

  it('should refuse evaluators the admin routes and answer 409 when the edition is not configured', async () => {
    const { editionId, evaluators } = await seed({ k: 1 });
    const evaluatorHeaders = await app.issuer.headers(['evaluator'], {
      accountId: evaluators[0]!._id,
    });
    await app
      .http()
      .post(`/editions/${editionId}/assignments/run`)
      .set(evaluatorHeaders)
      .expect(403);
    await app.http().get(`/editions/${editionId}/assignments`).set(evaluatorHeaders).expect(403);
    await app.http().post(`/editions/${editionId}/assignments/run`).expect(401);

    const unconfigured = await seed({ k: 1, configured: false });
    const response = await app
      .http()
      .post(`/editions/${unconfigured.editionId}/assignments/run`)
      .set(adminHeaders)
      .expect(409);
    expect(errorCode(response)).toBe('EDITION_NOT_CONFIGURED_FOR_EVALUATION');
    await app.http().post('/editions/ed_unknown/assignments/run').set(adminHeaders).expect(404);
  });

  it("should list an edition's assignments with explanations when the admin filters by evaluator", async () => {
    const { editionId, evaluators } = await seed({ k: 2 });
    await app.http().post(`/editions/${editionId}/assignments/run`).set(adminHeaders).expect(200);

    const response = await app
      .http()
      .get(`/editions/${editionId}/assignments`)
      .query({ evaluatorId: evaluators[0]!._id })
      .set(adminHeaders)
      .expect(200);

    const items = (response.body as { items: AssignmentBody[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.evaluatorId).toBe(evaluators[0]!._id);
      expect(item.explanation.factors.join(' ')).toMatch(/load \d+ of 10/);
    }
  });
});
