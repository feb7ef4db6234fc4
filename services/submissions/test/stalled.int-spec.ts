import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  ALL_EVENTS,
  editionConfigurationExample,
  ProposalNudgedV1,
  ProposalStalledV1,
} from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  PROPOSAL_MODEL,
  type Proposal,
  type ProposalStatus,
} from '../src/proposal/proposal.schema';
import { StalledScheduler } from '../src/stalled/stalled.scheduler';

interface DraftsReportBody {
  editionId: string;
  institutions: {
    institutionId: string;
    counts: Record<ProposalStatus, number>;
    withUnit: number;
    withLocalAdmin: number;
    oldestSittingSince: string | null;
  }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('submissions service: stuck drafts', () => {
  let replicas: INestApplication<App>[];
  let topics: TestTopics;
  let issuer: TestIssuer;
  let reader: TopicReader;
  let proposals: Model<Proposal>;
  let editions: Model<EditionProjection>;
  const database = uniqueName('submissions');
  const editionId = uniqueName('ed');
  const closesAt = new Date(Date.now() + 2 * HOUR);
  // Nudges by hand use editions the detector leaves alone: one closing in a month, one closed.
  const laterEditionId = uniqueName('ed');
  const laterClosesAt = new Date(Date.now() + 30 * DAY);
  const closedEditionId = uniqueName('ed');

  async function startReplica(): Promise<INestApplication<App>> {
    const config = loadSubmissionsConfig({
      ...serviceTestEnv({ database, topicPrefix: topics.prefix }),
      // Scans are run by the test, so it knows when they happen.
      STALLED_SCAN_ENABLED: 'false',
    });
    const app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    });
    return app;
  }

  function proposal(
    _id: string,
    institutionId: string,
    status: ProposalStatus,
    daysInStatus: number,
  ): Partial<Proposal> {
    return {
      _id,
      editionId,
      groupId: 'general',
      categoryId: 'public_service',
      institutionId,
      unitId: `${institutionId}_unit`,
      createdBy: 'acct_operator',
      title: `Inovasi ${_id}`,
      status,
      statusSince: new Date(Date.now() - daysInStatus * DAY),
    };
  }

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    reader = await TopicReader.start([
      topics.topicOf(ProposalStalledV1),
      topics.topicOf(ProposalNudgedV1),
    ]);
    replicas = [await startReplica(), await startReplica()];
    const [first] = replicas;
    if (!first) throw new Error('no replica started');
    proposals = first.get<Model<Proposal>>(getModelToken(PROPOSAL_MODEL));
    editions = first.get<Model<EditionProjection>>(getModelToken(EDITION_PROJECTION_MODEL));

    await editions.create(
      (
        [
          [editionId, closesAt],
          [laterEditionId, laterClosesAt],
          [closedEditionId, new Date(Date.now() - DAY)],
        ] as const
      ).map(([_id, submissionClosesAt]) => ({
        _id,
        configuration: { ...editionConfigurationExample, editionId: _id },
        revision: 1,
        currentPhase: 'submission',
        submissionOpensAt: new Date(Date.now() - 30 * DAY),
        submissionClosesAt,
      })),
    );
    await proposals.create([
      proposal('prop_a_draft', 'inst_a', 'draft', 5),
      proposal('prop_a_submitted', 'inst_a', 'submitted', 2),
      proposal('prop_a_forwarded', 'inst_a', 'forwarded', 1),
      proposal('prop_b_returned', 'inst_b', 'returned', 9),
      proposal('prop_b_draft', 'inst_b', 'draft', 3),
      proposal('prop_b_withdrawn', 'inst_b', 'withdrawn', 20),
      { ...proposal('prop_c_draft', 'inst_c', 'draft', 4), editionId: laterEditionId },
      { ...proposal('prop_c_returned', 'inst_c', 'returned', 1), editionId: laterEditionId },
      { ...proposal('prop_c_submitted', 'inst_c', 'submitted', 1), editionId: laterEditionId },
      { ...proposal('prop_c_closed', 'inst_c', 'draft', 6), editionId: closedEditionId },
    ]);
  });

  afterAll(async () => {
    await reader.stop();
    for (const app of replicas) await app.close();
    await topics.dispose();
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  async function sinceOf(proposalId: string): Promise<string | undefined> {
    const stored = await proposals.findById(proposalId).lean<Proposal>().exec();
    return stored?.statusSince.toISOString();
  }

  function stalledPayloads() {
    return reader
      .on(topics.topicOf(ProposalStalledV1))
      .map(
        (message) =>
          (JSON.parse(message.value ?? '{}') as { payload: Record<string, string> }).payload,
      )
      .filter((payload) => payload.editionId === editionId);
  }

  it('should emit one stalled event per waiting proposal per crossed threshold when two replicas scan at once', async () => {
    const scans = await Promise.all(replicas.map((app) => app.get(StalledScheduler).runOnce()));
    // Two hours before the close all four default thresholds (7d, 3d, 1d, 3h) are crossed.
    expect(scans[0]! + scans[1]!).toBe(4 * 4);

    await eventually(() => expect(stalledPayloads()).toHaveLength(16));
    const again = await Promise.all(replicas.map((app) => app.get(StalledScheduler).runOnce()));
    expect(again).toEqual([0, 0]);

    const perProposal = new Map<
      string,
      { count: number; sittingWith: Set<string>; thresholds: Set<string> }
    >();
    for (const payload of stalledPayloads()) {
      const entry = perProposal.get(payload.proposalId!) ?? {
        count: 0,
        sittingWith: new Set(),
        thresholds: new Set(),
      };
      entry.count += 1;
      entry.sittingWith.add(payload.sittingWith!);
      entry.thresholds.add(payload.threshold!);
      perProposal.set(payload.proposalId!, entry);
      expect(payload.closesAt).toBe(closesAt.toISOString());
    }
    expect(
      Object.fromEntries(
        [...perProposal].map(([id, entry]) => [id, [entry.count, [...entry.sittingWith]]]),
      ),
    ).toEqual({
      prop_a_draft: [4, ['unit']],
      prop_a_submitted: [4, ['local_admin']],
      prop_b_returned: [4, ['unit']],
      prop_b_draft: [4, ['unit']],
    });
    // Each nudge names the threshold it is for, so notifications can word them apart.
    for (const entry of perProposal.values()) {
      expect([...entry.thresholds].sort()).toEqual(['1d', '3d', '3h', '7d']);
    }
    const keys = reader
      .on(topics.topicOf(ProposalStalledV1))
      .filter((message) => message.key?.startsWith('prop_'))
      .map((message) => message.key);
    expect(new Set(keys)).toEqual(new Set(perProposal.keys()));
    const stored = await proposals.findById('prop_a_draft').lean<Proposal>().exec();
    expect([...(stored?.stalledNotices ?? [])].sort()).toEqual(['1d', '3d', '3h', '7d']);
  });

  it('should count every institution where its proposals sit when the national admin asks', async () => {
    const admin = await issuer.headers(['national_admin']);
    const response = await request(replicas[0]!.getHttpServer())
      .get('/reports/drafts')
      .query({ editionId })
      .set(admin)
      .expect(200);
    expect(response.body as DraftsReportBody).toEqual({
      editionId,
      institutions: [
        {
          institutionId: 'inst_b',
          counts: { draft: 1, submitted: 0, returned: 1, forwarded: 0, withdrawn: 1 },
          withUnit: 2,
          withLocalAdmin: 0,
          oldestSittingSince: await sinceOf('prop_b_returned'),
        },
        {
          institutionId: 'inst_a',
          counts: { draft: 1, submitted: 1, returned: 0, forwarded: 1, withdrawn: 0 },
          withUnit: 1,
          withLocalAdmin: 1,
          oldestSittingSince: await sinceOf('prop_a_draft'),
        },
      ],
    });
  });

  it('should show a local admin only its own institution', async () => {
    const own = await issuer.headers(['local_admin'], { institutionId: 'inst_a' });
    const response = await request(replicas[0]!.getHttpServer())
      .get('/reports/drafts')
      .query({ editionId })
      .set(own)
      .expect(200);
    expect(
      (response.body as DraftsReportBody).institutions.map((entry) => entry.institutionId),
    ).toEqual(['inst_a']);
  });

  it('should refuse the report when the caller is neither admin', async () => {
    const server = replicas[0]!.getHttpServer();
    const evaluator = await issuer.headers(['evaluator']);
    const operator = await issuer.headers(['unit_operator'], {
      institutionId: 'inst_a',
      unitId: 'inst_a_unit',
    });
    const refused = await request(server)
      .get('/reports/drafts')
      .query({ editionId })
      .set(evaluator)
      .expect(403);
    expect(refused.body).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    await request(server).get('/reports/drafts').query({ editionId }).set(operator).expect(403);
    await request(server).get('/reports/drafts').query({ editionId }).expect(401);
  });

  it('should answer with stable codes when the edition is missing or unknown', async () => {
    const server = replicas[0]!.getHttpServer();
    const admin = await issuer.headers(['national_admin']);
    const missing = await request(server).get('/reports/drafts').set(admin).expect(400);
    expect(missing.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const unknown = await request(server)
      .get('/reports/drafts')
      .query({ editionId: 'ed_unknown' })
      .set(admin)
      .expect(404);
    expect(unknown.body).toMatchObject({ error: { code: 'EDITION_NOT_KNOWN' } });
  });

  describe('a nudge by hand', () => {
    const path = (proposalId: string) => `/proposals/${proposalId}/nudge`;
    const localAdminOf = (institutionId: string) =>
      issuer.headers(['local_admin'], { institutionId });

    function nudgedPayloads(proposalId: string) {
      return reader
        .on(topics.topicOf(ProposalNudgedV1))
        .filter((message) => message.key === proposalId)
        .map((message) => (JSON.parse(message.value ?? '{}') as { payload: unknown }).payload);
    }

    it('should publish the nudge with the trimmed message keyed by proposal when the local admin nudges a draft', async () => {
      const headers = await localAdminOf('inst_c');
      const response = await request(replicas[0]!.getHttpServer())
        .post(path('prop_c_draft'))
        .set(headers)
        .send({ message: '  Mohon lengkapi bagian keberlanjutan.  ' })
        .expect(200);
      const body = response.body as { nudgedAt: string; nextAllowedAt: string };
      expect(body).toMatchObject({
        proposalId: 'prop_c_draft',
        message: 'Mohon lengkapi bagian keberlanjutan.',
      });
      expect(Date.parse(body.nextAllowedAt) - Date.parse(body.nudgedAt)).toBe(DAY);

      await eventually(() => expect(nudgedPayloads('prop_c_draft')).toHaveLength(1));
      expect(nudgedPayloads('prop_c_draft')[0]).toEqual({
        proposalId: 'prop_c_draft',
        editionId: laterEditionId,
        institutionId: 'inst_c',
        unitId: 'inst_c_unit',
        title: 'Inovasi prop_c_draft',
        message: 'Mohon lengkapi bagian keberlanjutan.',
        nudgedBy: { kind: 'account', accountId: expect.any(String) as unknown },
        nudgedAt: body.nudgedAt,
        closesAt: laterClosesAt.toISOString(),
      });
    });

    it('should let one of two replicas through and answer NUDGE_TOO_SOON to the other and to a later try within the day', async () => {
      const headers = await localAdminOf('inst_c');
      const responses = await Promise.all(
        replicas.map((app) =>
          request(app.getHttpServer()).post(path('prop_c_returned')).set(headers).send({}),
        ),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const [accepted] = responses.filter((response) => response.status === 200);
      const expectedNext = (accepted!.body as { nextAllowedAt: string }).nextAllowedAt;
      for (const refused of [
        responses.find((response) => response.status === 409)!,
        await request(replicas[1]!.getHttpServer())
          .post(path('prop_c_returned'))
          .set(headers)
          .send({ message: 'lagi' })
          .expect(409),
      ]) {
        expect(refused.body).toMatchObject({
          error: { code: 'NUDGE_TOO_SOON', details: { nextAllowedAt: expectedNext } },
        });
      }
      await eventually(() => expect(nudgedPayloads('prop_c_returned')).toHaveLength(1));
      expect(nudgedPayloads('prop_c_returned')[0]).toMatchObject({ message: null });
    });

    it('should answer 404 to another institution’s local admin, 403 to a unit operator and 400 to a long message', async () => {
      const server = replicas[0]!.getHttpServer();
      const other = await request(server)
        .post(path('prop_c_submitted'))
        .set(await localAdminOf('inst_a'))
        .send({})
        .expect(404);
      expect(other.body).toMatchObject({ error: { code: 'PROPOSAL_NOT_FOUND' } });
      const missing = await request(server)
        .post(path('prop_missing'))
        .set(await localAdminOf('inst_c'))
        .send({})
        .expect(404);
      expect(missing.body).toMatchObject({ error: { code: 'PROPOSAL_NOT_FOUND' } });
      const operator = await issuer.headers(['unit_operator'], {
        institutionId: 'inst_c',
        unitId: 'inst_c_unit',
      });
      await request(server).post(path('prop_c_submitted')).set(operator).send({}).expect(403);
      const long = await request(server)
        .post(path('prop_c_submitted'))
        .set(await localAdminOf('inst_c'))
        .send({ message: 'x'.repeat(1001) })
        .expect(400);
      expect(long.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('should answer 409 when the proposal is with the local admin or the submission has closed', async () => {
      const server = replicas[0]!.getHttpServer();
      const headers = await localAdminOf('inst_c');
      const submitted = await request(server)
        .post(path('prop_c_submitted'))
        .set(headers)
        .send({})
        .expect(409);
      expect(submitted.body).toMatchObject({
        error: { code: 'PROPOSAL_STATUS_CONFLICT', details: { status: 'submitted' } },
      });
      const closed = await request(server)
        .post(path('prop_c_closed'))
        .set(headers)
        .send({})
        .expect(409);
      expect(closed.body).toMatchObject({ error: { code: 'SUBMISSION_CLOSED' } });
      const stored = await proposals
        .find({ _id: { $in: ['prop_c_submitted', 'prop_c_closed'] } })
        .lean<Proposal[]>()
        .exec();
      expect(stored.map((proposal) => proposal.manualNudgedAt)).toEqual([null, null]);
      expect(nudgedPayloads('prop_c_submitted')).toEqual([]);
      expect(nudgedPayloads('prop_c_closed')).toEqual([]);
    });
  });
});
