import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import {
  editionConfigurationExample,
  proposalSnapshotExample,
  SelectionDecidedV1,
  type EditionPhase,
  type ProposalSnapshot,
} from '@kipp/contracts';
import type { Role } from '@kipp/auth';
import { eventually, TopicReader } from '@kipp/testing';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

const LONG_TEXT = Array.from({ length: 150 }, (_, i) => `kata${i}`).join(' ');

interface Check {
  check: string;
  outcome: string;
  detail: string;
}

describe('evaluation service: administrative selection', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;

  const editions = () => app.model<EditionProjection>(EDITION_PROJECTION_MODEL);
  const proposals = () => app.model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL);
  const as = (roles: Role[], scope: Record<string, string> = {}) =>
    app.issuer.headers(roles, scope);
  const admin = () => as(['national_admin'], { accountId: 'acct_secretariat' });

  async function seedEdition(phase: EditionPhase = 'administrative-selection'): Promise<string> {
    const editionId = randomUUID();
    await editions().create({
      _id: editionId,
      configuration: { ...editionConfigurationExample, editionId },
      revision: 1,
      currentPhase: phase,
      currentPhaseChangedAt: new Date(),
    });
    return editionId;
  }

  async function seedProposal(
    editionId: string,
    overrides: Partial<ProposalSnapshot> = {},
    extra: Partial<EvaluationProposal> = {},
  ): Promise<string> {
    const proposalId = randomUUID();
    const snapshot: ProposalSnapshot = {
      ...proposalSnapshotExample,
      proposalId,
      editionId,
      title: `Inovasi ${proposalId}`,
      sections: [
        { sectionId: 'summary', text: LONG_TEXT, wordCount: 150 },
        { sectionId: 'innovative-idea', text: `${LONG_TEXT} ide`, wordCount: 151 },
      ],
      eligibility: [
        { check: 'innovation-age', outcome: 'pass', detail: '3.1 years at the close' },
        { check: 'required-sections', outcome: 'pass', detail: 'all required sections filled' },
        { check: 'required-evidence', outcome: 'pass', detail: 'all required evidence uploaded' },
        { check: 'prior-awards', outcome: 'pass', detail: 'no earlier award found' },
      ],
      ...overrides,
    };
    await proposals().create({
      _id: proposalId,
      editionId,
      groupId: snapshot.groupId,
      categoryId: snapshot.categoryId,
      institutionId: snapshot.institutionId,
      unitId: snapshot.unitId,
      title: snapshot.title,
      snapshot,
      snapshotVersion: snapshot.snapshotVersion,
      institution: null,
      forwardedAt: new Date('2027-03-25T03:00:00.000Z'),
      withdrawnAt: null,
      selection: null,
      disqualification: null,
      ...extra,
    });
    return proposalId;
  }

  const failBody = {
    outcome: 'fail',
    reasons: [
      { check: 'innovation-age', outcome: 'fail', note: '0 years at the close; 1 required' },
      { check: 'completeness', outcome: 'pass', note: '' },
    ],
  };
  const passBody = { outcome: 'pass', reasons: [{ check: 'completeness', outcome: 'pass' }] };

  beforeAll(async () => {
    app = await startEvaluationApp();
    reader = await TopicReader.start([app.topics.topicOf(SelectionDecidedV1)]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  it('should refuse every role but the national admin when a decision or the list is asked for', async () => {
    const editionId = await seedEdition();
    const proposalId = await seedProposal(editionId);
    const denied: [Role[], Record<string, string>][] = [
      [['evaluator'], {}],
      [['panelist'], {}],
      [['local_admin'], { institutionId: 'inst_3273' }],
      [['unit_operator'], { institutionId: 'inst_3273', unitId: 'unit_dinkes' }],
    ];
    for (const [roles, scope] of denied) {
      const headers = await as(roles, scope);
      const put = await app
        .http()
        .put(`/proposals/${proposalId}/selection`)
        .set(headers)
        .send(passBody);
      expect({ roles, status: put.status, code: code(put) }).toEqual({
        roles,
        status: 403,
        code: 'AUTH_FORBIDDEN',
      });
      const bulk = await app
        .http()
        .post(`/editions/${editionId}/selection/bulk`)
        .set(headers)
        .send({ decisions: [{ proposalId, ...passBody }] });
      expect(bulk.status).toBe(403);
      expect((await app.http().get(`/editions/${editionId}/selection`).set(headers)).status).toBe(
        403,
      );
      expect((await app.http().get(`/proposals/${proposalId}/selection`).set(headers)).status).toBe(
        403,
      );
    }
    const anonymous = await app.http().put(`/proposals/${proposalId}/selection`).send(passBody);
    expect(anonymous.status).toBe(401);
    expect(await proposals().findById(proposalId).lean()).toMatchObject({ selection: null });
  });

  it('should store the decision and publish it with its reasons when the national admin decides', async () => {
    const editionId = await seedEdition();
    const proposalId = await seedProposal(editionId);

    const response = await app
      .http()
      .put(`/proposals/${proposalId}/selection`)
      .set(await admin())
      .send(failBody);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      proposalId,
      decision: { outcome: 'fail', revision: 1, snapshotVersion: 1, decidedBy: 'acct_secretariat' },
    });
    await eventually(() => {
      const messages = reader
        .on(app.topics.topicOf(SelectionDecidedV1))
        .filter((m) => m.key === proposalId);
      expect(messages).toHaveLength(1);
      expect(payloadOf(messages[0]?.value ?? null)).toMatchObject({
        proposalId,
        editionId,
        institutionId: 'inst_3273',
        outcome: 'fail',
        reasons: failBody.reasons,
        decisionRevision: 1,
        decidedBy: { kind: 'account', accountId: 'acct_secretariat' },
      });
    });
  });

  it('should answer 422 when a fail has no failed reason, and write nothing', async () => {
    const editionId = await seedEdition();
    const proposalId = await seedProposal(editionId);
    const response = await app
      .http()
      .put(`/proposals/${proposalId}/selection`)
      .set(await admin())
      .send({ outcome: 'fail', reasons: [{ check: 'completeness', outcome: 'pass', note: '' }] });
    expect(response.status).toBe(422);
    expect(code(response)).toBe('SELECTION_FAIL_WITHOUT_REASON');
    expect(await proposals().findById(proposalId).lean()).toMatchObject({ selection: null });
  });

  it('should need the current revision when a decision is revised', async () => {
    const editionId = await seedEdition();
    const proposalId = await seedProposal(editionId);
    const url = `/proposals/${proposalId}/selection`;
    expect(
      (
        await app
          .http()
          .put(url)
          .set(await admin())
          .send(failBody)
      ).status,
    ).toBe(200);

    const blind = await app
      .http()
      .put(url)
      .set(await admin())
      .send(passBody);
    expect(blind.status).toBe(409);
    expect(code(blind)).toBe('SELECTION_REVISION_CONFLICT');
    const stale = await app
      .http()
      .put(url)
      .set(await admin())
      .send({ ...passBody, expectedRevision: 0 });
    expect(code(stale)).toBe('SELECTION_REVISION_CONFLICT');

    const revised = await app
      .http()
      .put(url)
      .set(await admin())
      .send({ ...passBody, expectedRevision: 1 });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ decision: { outcome: 'pass', revision: 2 } });
    await eventually(() => {
      const revisions = reader
        .on(app.topics.topicOf(SelectionDecidedV1))
        .filter((m) => m.key === proposalId)
        .map((m) => payloadOf(m.value).decisionRevision);
      expect(revisions).toEqual([1, 2]);
    });
  });

  it('should refuse decisions when the edition is not in administrative selection or the proposal was withdrawn', async () => {
    const closedEdition = await seedEdition('desk-evaluation');
    const late = await seedProposal(closedEdition);
    const closed = await app
      .http()
      .put(`/proposals/${late}/selection`)
      .set(await admin())
      .send(passBody);
    expect(closed.status).toBe(409);
    expect(code(closed)).toBe('SELECTION_CLOSED');

    const editionId = await seedEdition();
    const withdrawn = await seedProposal(editionId, {}, { withdrawnAt: new Date() });
    const response = await app
      .http()
      .put(`/proposals/${withdrawn}/selection`)
      .set(await admin())
      .send(passBody);
    expect(response.status).toBe(409);
    expect(code(response)).toBe('PROPOSAL_WITHDRAWN');

    const unknown = await app
      .http()
      .put(`/proposals/${randomUUID()}/selection`)
      .set(await admin())
      .send(passBody);
    expect(unknown.status).toBe(404);
  });

  it('should decide all or nothing and list every bad item when a bulk request has bad ones', async () => {
    const editionId = await seedEdition();
    const ids = [
      await seedProposal(editionId),
      await seedProposal(editionId),
      await seedProposal(editionId),
    ];
    const [a, b, c] = ids as [string, string, string];
    const otherEdition = await seedProposal(await seedEdition());
    const url = `/editions/${editionId}/selection/bulk`;

    const bad = await app
      .http()
      .post(url)
      .set(await admin())
      .send({
        decisions: [
          { proposalId: a, ...passBody },
          { proposalId: b, outcome: 'fail', reasons: [] },
          { proposalId: otherEdition, ...passBody },
          { proposalId: c, ...failBody },
        ],
      });
    expect(bad.status).toBe(422);
    expect(code(bad)).toBe('SELECTION_BULK_INVALID');
    expect((bad.body as { error: { details: { items: unknown[] } } }).error.details.items).toEqual([
      expect.objectContaining({ index: 1, proposalId: b, code: 'SELECTION_FAIL_WITHOUT_REASON' }),
      expect.objectContaining({ index: 2, proposalId: otherEdition, code: 'PROPOSAL_NOT_FOUND' }),
    ]);
    expect(await proposals().countDocuments({ _id: { $in: ids }, selection: { $ne: null } })).toBe(
      0,
    );

    const good = await app
      .http()
      .post(url)
      .set(await admin())
      .send({
        decisions: [
          { proposalId: a, ...passBody },
          { proposalId: b, ...failBody },
          { proposalId: c, ...passBody },
        ],
      });
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ decided: 3 });
    await eventually(() => {
      const keys = reader
        .on(app.topics.topicOf(SelectionDecidedV1))
        .map((m) => m.key)
        .filter((key) => key !== null && ids.includes(key));
      expect(new Set(keys)).toEqual(new Set(ids));
    });

    const summary = await app
      .http()
      .get(`/editions/${editionId}/selection/summary`)
      .set(await admin());
    expect(summary.body).toEqual({
      editionId,
      total: 3,
      undecided: 0,
      pass: 2,
      fail: 1,
      withdrawn: 0,
    });

    const undecidedAgain = await app
      .http()
      .post(url)
      .set(await admin())
      .send({ decisions: [{ proposalId: a, ...failBody }] });
    expect(undecidedAgain.status).toBe(422);
    expect(JSON.stringify(undecidedAgain.body)).toContain('SELECTION_REVISION_CONFLICT');
  });

  it('should show an institution only its own proposals and decisions', async () => {
    const editionId = await seedEdition();
    const own = await seedProposal(editionId, { institutionId: 'inst_a', unitId: 'unit_a' });
    await seedProposal(editionId, { institutionId: 'inst_b', unitId: 'unit_b' });
    await app
      .http()
      .put(`/proposals/${own}/selection`)
      .set(await admin())
      .send(failBody)
      .expect(200);
    const url = (institutionId: string) =>
      `/institutions/${institutionId}/selection?editionId=${editionId}`;

    const localAdmin = await as(['local_admin'], { institutionId: 'inst_a' });
    const mine = await app.http().get(url('inst_a')).set(localAdmin);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      institutionId: 'inst_a',
      items: [{ proposalId: own, decision: { outcome: 'fail', reasons: failBody.reasons } }],
    });
    expect((mine.body as { items: unknown[] }).items).toHaveLength(1);
    expect(JSON.stringify(mine.body)).not.toContain('checks');

    const operator = await as(['unit_operator'], { institutionId: 'inst_a', unitId: 'unit_a' });
    expect((await app.http().get(url('inst_a')).set(operator)).status).toBe(200);
    const other = await app.http().get(url('inst_b')).set(localAdmin);
    expect(other.status).toBe(403);
    const evaluator = await app
      .http()
      .get(url('inst_a'))
      .set(await as(['evaluator']));
    expect(evaluator.status).toBe(403);
    const national = await app
      .http()
      .get(url('inst_b'))
      .set(await admin());
    expect((national.body as { items: unknown[] }).items).toHaveLength(1);
  });

  it('should pre-fill the checks including careless answers and duplicate titles across institutions', async () => {
    const editionId = await seedEdition();
    const careless = await seedProposal(editionId, {
      title: 'Posyandu Digital!',
      institutionId: 'inst_a',
      sections: [
        { sectionId: 'summary', text: 'tidak ada', wordCount: 2 },
        { sectionId: 'innovative-idea', text: 'Lorem ipsum dolor sit amet', wordCount: 5 },
      ],
      eligibility: [
        { check: 'innovation-age', outcome: 'fail', detail: '0.4 years at the close' },
        { check: 'required-evidence', outcome: 'fail', detail: 'missing: service-standard' },
      ],
    });
    const twin = await seedProposal(editionId, {
      title: 'posyandu  digital',
      institutionId: 'inst_b',
    });
    const pasted = await seedProposal(editionId, {
      sections: [
        { sectionId: 'summary', text: LONG_TEXT, wordCount: 150 },
        { sectionId: 'innovative-idea', text: LONG_TEXT, wordCount: 150 },
      ],
    });
    const fine = await seedProposal(editionId);

    const one = await app
      .http()
      .get(`/proposals/${careless}/selection`)
      .set(await admin());
    expect(one.status).toBe(200);
    const checks = (one.body as { checks: Check[] }).checks;
    const byId = Object.fromEntries(checks.map((c) => [c.check, c]));
    expect(checks.map((c) => c.check)).toEqual([
      'innovation-age',
      'completeness',
      'careless-answers',
      'duplicate-title',
      'prior-awards',
    ]);
    expect(byId['innovation-age']).toMatchObject({
      outcome: 'fail',
      detail: '0.4 years at the close',
    });
    expect(byId.completeness).toMatchObject({ outcome: 'fail' });
    expect(byId['careless-answers']).toMatchObject({ outcome: 'fail' });
    expect(byId['careless-answers']?.detail).toContain(
      'placeholder text in innovative-idea, summary',
    );
    expect(byId['duplicate-title']).toMatchObject({ outcome: 'fail' });
    expect(byId['duplicate-title']?.detail).toContain(twin);
    expect(byId['prior-awards']).toMatchObject({ outcome: 'warn' });

    const list = await app
      .http()
      .get(`/editions/${editionId}/selection?outcome=undecided&pageSize=10`)
      .set(await admin());
    expect(list.status).toBe(200);
    const items = (list.body as { items: { proposalId: string; checks: Check[] }[] }).items;
    expect(list.body).toMatchObject({ total: 4, page: 1, pageSize: 10 });
    const careless2 = (id: string) =>
      items.find((i) => i.proposalId === id)?.checks.find((c) => c.check === 'careless-answers');
    expect(careless2(pasted)).toMatchObject({ outcome: 'fail' });
    expect(careless2(pasted)?.detail).toContain('same text in');
    expect(careless2(fine)).toMatchObject({ outcome: 'pass' });

    const paged = await app
      .http()
      .get(`/editions/${editionId}/selection?page=2&pageSize=3`)
      .set(await admin());
    expect((paged.body as { items: unknown[] }).items).toHaveLength(1);
    const badQuery = await app
      .http()
      .get(`/editions/${editionId}/selection?outcome=maybe`)
      .set(await admin());
    expect(code(badQuery)).toBe('VALIDATION_FAILED');
  });
});
