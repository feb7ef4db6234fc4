import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  ALL_EVENTS,
  AssignmentChangedV1,
  AssignmentCreatedV1,
  editionConfigurationExample,
  proposalSnapshotExample,
  StageResultPublishedV1,
  type EventDescriptor,
  type PayloadOf,
} from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  buildEvent,
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import { PROPOSAL_MODEL, type Proposal } from '../src/proposal/proposal.schema';
import { downloadEvidence, uploadEvidence } from './evidence-http';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 5), Buffer.from('%%EOF')]);
const REPLACEMENT = Buffer.concat([PDF, Buffer.from('replaced after the forward')]);

interface ForwardedProposal {
  proposalId: string;
  /** In the forwarded snapshot. */
  frozenFileId: string;
  /** Uploaded by the unit after the proposal came back: in no snapshot. */
  currentFileId: string;
}

describe('submissions service: evaluators and panelists read the evidence they score', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let issuer: TestIssuer;
  let proposals: Model<Proposal>;
  let connection: mongoose.Connection;
  const database = uniqueName('submissions_readers');
  const editionId = `ed_readers_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    const config = loadSubmissionsConfig(serviceTestEnv({ database, topicPrefix: topics.prefix }));
    app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
    });
    proposals = app.get<Model<Proposal>>(getModelToken(PROPOSAL_MODEL), { strict: false });
    const editions = app.get<Model<EditionProjection>>(getModelToken(EDITION_PROJECTION_MODEL), {
      strict: false,
    });
    // Seeded directly: the projection is what registration's edition events produce.
    await editions.create({
      _id: editionId,
      configuration: { ...editionConfigurationExample, editionId },
      revision: 1,
      currentPhase: 'submission',
      submissionOpensAt: new Date(Date.now() - 86_400_000),
      submissionClosesAt: new Date(Date.now() + 86_400_000),
    });
    connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await app.close();
    await topics.dispose();
  });

  const evaluator = (accountId: string) => issuer.token(['evaluator'], { accountId });
  const panelist = () => issuer.token(['panelist']);

  const upload = (token: string, proposalId: string, file: Buffer) =>
    uploadEvidence(app, token, proposalId, file);
  const download = (token: string, proposalId: string, fileId: string) =>
    downloadEvidence(app, token, proposalId, fileId);

  /** The status and error code a caller gets: what tells one refusal from another. */
  async function outcome(token: string, proposalId: string, fileId: string) {
    const response = await download(token, proposalId, fileId);
    const body = String(response.body as Buffer);
    const isJson = String(response.headers['content-type']).startsWith('application/json');
    return {
      status: response.status,
      code: isJson ? (JSON.parse(body) as { error?: { code?: string } }).error?.code : undefined,
    };
  }

  /**
   * A proposal whose unit uploaded a file that was frozen in a forwarded snapshot, and which
   * came back to the unit, which uploaded a replacement that no snapshot holds.
   */
  async function forwardedProposal(): Promise<ForwardedProposal> {
    const proposalId = `prop_${randomUUID()}`;
    const institutionId = `inst_${randomUUID().slice(0, 8)}`;
    const unitId = `unit_${randomUUID().slice(0, 8)}`;
    await proposals.create({
      _id: proposalId,
      editionId,
      groupId: 'general',
      categoryId: 'health',
      institutionId,
      unitId,
      createdBy: 'operator.one',
      title: 'Posyandu digital',
      status: 'draft',
      statusSince: new Date(),
      revision: 1,
    });
    const unit = await issuer.token(['unit_operator'], { institutionId, unitId });
    const frozen = await upload(unit, proposalId, PDF).expect(201);
    const entry = frozen.body as Proposal['evidence'][number];
    // What the forward froze (the snapshot carries no uploader or upload time).
    await proposals.updateOne(
      { _id: proposalId },
      {
        $set: {
          status: 'returned',
          snapshots: [
            {
              ...proposalSnapshotExample,
              proposalId,
              editionId,
              institutionId,
              unitId,
              evidence: [
                {
                  evidenceId: entry.evidenceId,
                  fileId: entry.fileId,
                  filename: entry.filename,
                  contentType: entry.contentType,
                  sizeBytes: entry.sizeBytes,
                  sha256: entry.sha256,
                },
              ],
            },
          ],
        },
      },
    );
    const current = await upload(unit, proposalId, REPLACEMENT).expect(201);
    return {
      proposalId,
      frozenFileId: entry.fileId,
      currentFileId: (current.body as { fileId: string }).fileId,
    };
  }

  /** Publishes evaluation's events and waits until this service has processed every one. */
  async function publish<T>(
    descriptor: EventDescriptor<T>,
    ...payloads: Partial<T>[]
  ): Promise<void> {
    const events = payloads.map((payload) => buildEvent(descriptor, payload));
    // One at a time: the order of delivery is what the test is about.
    for (const event of events) await produceRaw(topics.topicOf(descriptor), [event]);
    await eventually(async () => {
      const processed = await connection
        .collection('processed_events')
        .countDocuments({ eventId: { $in: events.map((e) => e.eventId) } });
      expect(processed).toBe(events.length);
    });
  }

  const assignment = (
    proposalId: string,
    evaluatorAccountId: string,
  ): Partial<PayloadOf<typeof AssignmentCreatedV1>> => ({
    assignmentId: `asg_${randomUUID()}`,
    proposalId,
    editionId,
    evaluatorAccountId,
    createdAt: new Date().toISOString(),
  });

  const ending = (
    created: Partial<PayloadOf<typeof AssignmentCreatedV1>>,
    change: PayloadOf<typeof AssignmentChangedV1>['change'],
  ): Partial<PayloadOf<typeof AssignmentChangedV1>> => ({
    assignmentId: created.assignmentId,
    proposalId: created.proposalId,
    editionId,
    evaluatorAccountId: created.evaluatorAccountId,
    change,
    reason: change === 'recused' ? 'I advised this unit last year' : '',
    replacedBy: null,
    changedBy: { kind: 'account', accountId: created.evaluatorAccountId ?? 'acct_unknown' },
    changedAt: new Date().toISOString(),
  });

  const finalists = (
    proposalId: string,
    advanced: boolean,
    version: number,
    publishedAt: string,
  ): Partial<PayloadOf<typeof StageResultPublishedV1>> => ({
    proposalId,
    editionId,
    stage: 'finalists',
    advanced,
    publicationId: `pub_${editionId}_finalists_${version}`,
    publishedAt,
  });

  it('should serve an assigned evaluator the snapshot file byte for byte and hide it from an unassigned one', async () => {
    const proposal = await forwardedProposal();
    const assignedId = uniqueName('acct_eval');
    const assigned = await evaluator(assignedId);
    const unassigned = await evaluator(uniqueName('acct_eval'));

    // Before evaluation has said anything, the evaluator is a stranger.
    expect(await outcome(assigned, proposal.proposalId, proposal.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });

    await publish(AssignmentCreatedV1, assignment(proposal.proposalId, assignedId));

    const served = await download(assigned, proposal.proposalId, proposal.frozenFileId).expect(200);
    expect(Buffer.compare(served.body as Buffer, PDF)).toBe(0);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['x-checksum-sha256']).toBe(
      createHash('sha256').update(PDF).digest('hex'),
    );

    // The unit's current file, never forwarded, stays with the unit.
    expect(await outcome(assigned, proposal.proposalId, proposal.currentFileId)).toEqual({
      status: 404,
      code: 'EVIDENCE_FILE_NOT_FOUND',
    });
    // The unassigned evaluator learns nothing: the same answer as for a proposal that does not exist.
    for (const fileId of [proposal.frozenFileId, proposal.currentFileId]) {
      expect(await outcome(unassigned, proposal.proposalId, fileId)).toEqual({
        status: 404,
        code: 'PROPOSAL_NOT_FOUND',
      });
    }
    expect(await outcome(unassigned, `prop_${randomUUID()}`, proposal.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('should take the file away from an evaluator who recused, and keep it for one who completed', async () => {
    const proposal = await forwardedProposal();
    const recusingId = uniqueName('acct_eval');
    const completingId = uniqueName('acct_eval');
    const recusing = assignment(proposal.proposalId, recusingId);
    const completing = assignment(proposal.proposalId, completingId);
    await publish(AssignmentCreatedV1, recusing, completing);
    await download(await evaluator(recusingId), proposal.proposalId, proposal.frozenFileId).expect(
      200,
    );

    await publish(
      AssignmentChangedV1,
      ending(recusing, 'recused'),
      ending(completing, 'completed'),
    );

    expect(
      await outcome(await evaluator(recusingId), proposal.proposalId, proposal.frozenFileId),
    ).toEqual({ status: 404, code: 'PROPOSAL_NOT_FOUND' });
    await download(
      await evaluator(completingId),
      proposal.proposalId,
      proposal.frozenFileId,
    ).expect(200);
  });

  it('should keep an assignment closed when its revocation arrives before its creation', async () => {
    const proposal = await forwardedProposal();
    const evaluatorId = uniqueName('acct_eval');
    const created = assignment(proposal.proposalId, evaluatorId);

    await publish(AssignmentChangedV1, ending(created, 'revoked'));
    await publish(AssignmentCreatedV1, created);

    expect(
      await outcome(await evaluator(evaluatorId), proposal.proposalId, proposal.frozenFileId),
    ).toEqual({ status: 404, code: 'PROPOSAL_NOT_FOUND' });
  });

  it("should let a panelist read a finalist's snapshot file and not a non-finalist's", async () => {
    const finalist = await forwardedProposal();
    const eliminated = await forwardedProposal();
    const token = await panelist();
    const publishedAt = new Date().toISOString();

    await publish(
      StageResultPublishedV1,
      finalists(finalist.proposalId, true, 1, publishedAt),
      finalists(eliminated.proposalId, false, 1, publishedAt),
    );

    const served = await download(token, finalist.proposalId, finalist.frozenFileId).expect(200);
    expect(Buffer.compare(served.body as Buffer, PDF)).toBe(0);
    expect(await outcome(token, finalist.proposalId, finalist.currentFileId)).toEqual({
      status: 404,
      code: 'EVIDENCE_FILE_NOT_FOUND',
    });
    expect(await outcome(token, eliminated.proposalId, eliminated.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
    // Another stage's result grants panelists nothing.
    await publish(StageResultPublishedV1, {
      ...finalists(eliminated.proposalId, true, 1, publishedAt),
      stage: 'shortlist',
      publicationId: `pub_${editionId}_shortlist_1`,
    });
    expect(await outcome(token, eliminated.proposalId, eliminated.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('should take a finalist away from panelists when a later publication drops it, even when an older one arrives late', async () => {
    const proposal = await forwardedProposal();
    const token = await panelist();
    const first = new Date(Date.now() - 60_000).toISOString();
    const second = new Date().toISOString();

    await publish(StageResultPublishedV1, finalists(proposal.proposalId, true, 1, first));
    await download(token, proposal.proposalId, proposal.frozenFileId).expect(200);

    await publish(StageResultPublishedV1, finalists(proposal.proposalId, false, 2, second));
    expect(await outcome(token, proposal.proposalId, proposal.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });

    // The first publication delivered again, late, as a new message: it does not restore it.
    await publish(StageResultPublishedV1, finalists(proposal.proposalId, true, 1, first));
    expect(await outcome(token, proposal.proposalId, proposal.frozenFileId)).toEqual({
      status: 404,
      code: 'PROPOSAL_NOT_FOUND',
    });
  });
});
