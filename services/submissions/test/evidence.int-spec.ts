import { createHash, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import { ALL_EVENTS, editionConfigurationExample } from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EVIDENCE_STORAGE, type EvidenceStorage } from '../src/evidence/evidence-storage';
import { SweepOrphanEvidenceUseCase } from '../src/evidence/use-cases/sweep-orphan-evidence.use-case';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  PROPOSAL_MODEL,
  type Proposal,
  type ProposalStatus,
} from '../src/proposal/proposal.schema';
import { downloadEvidence, uploadEvidence } from './evidence-http';

const MAX_BYTES = 1024 * 1024;
/** 1.5 MB: over the requirement's limit, far under the 50 MB cap of the upload itself. */
const OVERSIZED = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.alloc(MAX_BYTES / 2 + MAX_BYTES, 7),
]);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7), Buffer.from('%%EOF')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(512, 3),
]);

function fileIdOf(response: request.Response): string {
  return (response.body as { fileId: string }).fileId;
}

describe('submissions service: evidence files', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let issuer: TestIssuer;
  let proposals: Model<Proposal>;
  let files: mongoose.mongo.Collection;
  let chunks: mongoose.mongo.Collection;
  let connection: mongoose.Connection;
  const database = uniqueName('submissions_evidence');
  const openEdition = `ed_open_${randomUUID().slice(0, 8)}`;
  const closedEdition = `ed_closed_${randomUUID().slice(0, 8)}`;
  const closedAt = new Date(Date.now() - 60 * 60 * 1000);

  const unitOperator = (institutionId: string, unitId: string) =>
    issuer.token(['unit_operator'], { institutionId, unitId });
  const localAdmin = (institutionId: string) => issuer.token(['local_admin'], { institutionId });

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
    const configuration = {
      ...editionConfigurationExample,
      form: {
        ...editionConfigurationExample.form,
        evidence: [
          {
            evidenceId: 'service-standard',
            title: { id: 'Standar pelayanan', en: 'Service standard' },
            groups: ['general' as const],
            required: true,
            allowedTypes: ['application/pdf' as const],
            maxSizeBytes: MAX_BYTES,
          },
        ],
      },
    };
    // Seeded directly: the projection is what registration's edition events produce.
    await editions.create([
      {
        _id: openEdition,
        configuration: { ...configuration, editionId: openEdition },
        revision: 1,
        currentPhase: 'submission',
        submissionOpensAt: new Date(Date.now() - 86_400_000),
        submissionClosesAt: new Date(Date.now() + 86_400_000),
      },
      {
        _id: closedEdition,
        configuration: { ...configuration, editionId: closedEdition },
        revision: 1,
        currentPhase: 'administrative-selection',
        submissionOpensAt: new Date(Date.now() - 86_400_000),
        submissionClosesAt: closedAt,
      },
    ]);
    connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    files = connection.collection('evidence_files.files');
    chunks = connection.collection('evidence_files.chunks');
  });

  /** Everything in the bucket: a refused upload must leave neither a file nor a chunk. */
  const storedCounts = async () => ({
    files: await files.countDocuments(),
    chunks: await chunks.countDocuments(),
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
    await app.close();
    await topics.dispose();
  });

  async function draft(
    overrides: { editionId?: string; status?: ProposalStatus } = {},
  ): Promise<{ proposalId: string; institutionId: string; unitId: string }> {
    const proposalId = `prop_${randomUUID()}`;
    const institutionId = `inst_${randomUUID().slice(0, 8)}`;
    const unitId = `unit_${randomUUID().slice(0, 8)}`;
    await proposals.create({
      _id: proposalId,
      editionId: overrides.editionId ?? openEdition,
      groupId: 'general',
      categoryId: 'health',
      institutionId,
      unitId,
      createdBy: 'operator.one',
      title: 'Layanan kesehatan keliling',
      status: overrides.status ?? 'draft',
      statusSince: new Date(),
      revision: 1,
    });
    return { proposalId, institutionId, unitId };
  }

  function upload(
    token: string,
    proposalId: string,
    file: Buffer,
    filename?: string,
    contentType?: string,
    evidenceId?: string,
  ) {
    return uploadEvidence(app, token, proposalId, file, { filename, contentType, evidenceId });
  }

  const download = (token: string, proposalId: string, fileId: string) =>
    downloadEvidence(app, token, proposalId, fileId);

  it('should store a PDF with its checksum and serve it back byte for byte when the unit uploads it', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const operator = await unitOperator(institutionId, unitId);
    const sha256 = createHash('sha256').update(PDF).digest('hex');

    const created = await upload(operator, proposalId, PDF).expect(201);
    expect(created.body).toMatchObject({
      evidenceId: 'service-standard',
      filename: 'standar-pelayanan.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256,
    });
    const stored = await proposals.findById(proposalId).lean<Proposal>();
    expect(stored?.revision).toBe(2);
    expect(stored?.evidence).toEqual([expect.objectContaining({ fileId: fileIdOf(created) })]);

    for (const token of [operator, await localAdmin(institutionId)]) {
      const response = await download(token, proposalId, fileIdOf(created)).expect(200);
      expect(Buffer.compare(response.body as Buffer, PDF)).toBe(0);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['x-checksum-sha256']).toBe(sha256);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="standar-pelayanan.pdf"; filename*=UTF-8''standar-pelayanan.pdf`,
      );
    }
  });

  it('should refuse a PNG named .pdf with 415 naming image/png when the requirement takes PDF only', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const before = await storedCounts();
    const response = await upload(
      await unitOperator(institutionId, unitId),
      proposalId,
      PNG,
      'bukti.pdf',
      'application/pdf',
    ).expect(415);
    expect(response.body).toMatchObject({
      error: {
        code: 'EVIDENCE_TYPE_NOT_ALLOWED',
        details: { detectedType: 'image/png', allowedTypes: ['application/pdf'] },
      },
    });
    expect(await storedCounts()).toEqual(before);
    expect((await proposals.findById(proposalId).lean<Proposal>())?.revision).toBe(1);
  });

  it("should cut the upload with 413 naming the limit and keep nothing when the file exceeds the requirement's size", async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const before = await storedCounts();
    const response = await upload(
      await unitOperator(institutionId, unitId),
      proposalId,
      OVERSIZED,
    ).expect(413);
    expect(response.body).toMatchObject({
      error: { code: 'EVIDENCE_TOO_LARGE', details: { maxSizeBytes: MAX_BYTES } },
    });
    expect(await storedCounts()).toEqual(before);
    expect((await proposals.findById(proposalId).lean<Proposal>())?.revision).toBe(1);
  });

  it('should refuse with 409 naming the close time when the edition has closed', async () => {
    const { proposalId, institutionId, unitId } = await draft({ editionId: closedEdition });
    const before = await storedCounts();
    const response = await upload(
      await unitOperator(institutionId, unitId),
      proposalId,
      PDF,
    ).expect(409);
    expect(response.body).toMatchObject({
      error: {
        code: 'SUBMISSION_CLOSED',
        details: { closesAt: closedAt.toISOString() },
      },
    });
    expect(await storedCounts()).toEqual(before);
  });

  it('should refuse with 409 when the proposal has been submitted already', async () => {
    const { proposalId, institutionId, unitId } = await draft({ status: 'submitted' });
    const response = await upload(
      await unitOperator(institutionId, unitId),
      proposalId,
      PDF,
    ).expect(409);
    expect(response.body).toMatchObject({ error: { code: 'PROPOSAL_NOT_EDITABLE' } });
  });

  it('should answer 404 when the group has no such evidence requirement', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const operator = await unitOperator(institutionId, unitId);
    const response = await upload(
      operator,
      proposalId,
      PDF,
      'x.pdf',
      'application/pdf',
      'video',
    ).expect(404);
    expect(response.body).toMatchObject({ error: { code: 'EVIDENCE_REQUIREMENT_UNKNOWN' } });
  });

  it('should keep every file from anyone outside the unit, the institution or a forwarded snapshot', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const created = await upload(await unitOperator(institutionId, unitId), proposalId, PDF).expect(
      201,
    );
    const fileId = fileIdOf(created);
    const otherUnit = await unitOperator(institutionId, 'unit_other');
    const otherInstitutionOperator = await unitOperator('inst_other', unitId);
    const otherAdmin = await localAdmin('inst_other');
    const ownAdmin = await localAdmin(institutionId);
    const nationalAdmin = await issuer.token(['national_admin']);
    const evaluator = await issuer.token(['evaluator']);

    for (const token of [otherUnit, otherInstitutionOperator, ownAdmin, nationalAdmin, evaluator]) {
      await upload(token, proposalId, PDF).expect(403);
    }
    for (const token of [
      otherUnit,
      otherInstitutionOperator,
      otherAdmin,
      nationalAdmin,
      evaluator,
    ]) {
      const response = await download(token, proposalId, fileId);
      expect([403, 404]).toContain(response.status);
    }
    for (const token of [otherUnit, otherAdmin, nationalAdmin]) {
      const response = await request(app.getHttpServer())
        .delete(`/proposals/${proposalId}/evidence/service-standard`)
        .set('authorization', `Bearer ${token}`);
      expect([403, 404]).toContain(response.status);
    }
    await request(app.getHttpServer())
      .get(`/proposals/${proposalId}/evidence/${fileId}`)
      .expect(401);
    await request(app.getHttpServer())
      .post(`/proposals/${proposalId}/evidence/service-standard`)
      .attach('file', PDF, 'a.pdf')
      .expect(401);

    // Once forwarded, the file is in the snapshot the ministry side reads.
    const current = await proposals.findById(proposalId).lean<Proposal>();
    await proposals.updateOne(
      { _id: proposalId },
      {
        $set: {
          status: 'forwarded',
          snapshots: [{ proposalId, snapshotVersion: 1, evidence: current?.evidence ?? [] }],
        },
      },
    );
    const forwarded = await download(nationalAdmin, proposalId, fileId).expect(200);
    expect(Buffer.compare(forwarded.body as Buffer, PDF)).toBe(0);
  });

  it('should remove the replaced file from storage when the unit uploads a new one', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const operator = await unitOperator(institutionId, unitId);
    const first = await upload(operator, proposalId, PDF, 'v1.pdf').expect(201);
    const second = await upload(
      operator,
      proposalId,
      Buffer.concat([PDF, Buffer.from('v2')]),
      'v2.pdf',
    ).expect(201);

    const stored = await proposals.findById(proposalId).lean<Proposal>();
    expect(stored?.revision).toBe(3);
    expect(stored?.evidence.map((entry) => entry.fileId)).toEqual([fileIdOf(second)]);
    const ids = (await files.find({ 'metadata.proposalId': proposalId }).toArray()).map((file) =>
      String(file._id),
    );
    expect(ids).toEqual([fileIdOf(second)]);
    await download(operator, proposalId, fileIdOf(first)).expect(404);
  });

  it('should detach and delete the file when the unit removes it from a draft', async () => {
    const { proposalId, institutionId, unitId } = await draft();
    const operator = await unitOperator(institutionId, unitId);
    const created = await upload(operator, proposalId, PDF).expect(201);
    await request(app.getHttpServer())
      .delete(`/proposals/${proposalId}/evidence/service-standard`)
      .set('authorization', `Bearer ${operator}`)
      .expect(204);
    const stored = await proposals.findById(proposalId).lean<Proposal>();
    expect(stored?.evidence).toEqual([]);
    expect(
      await files.countDocuments({
        _id: new mongoose.Types.ObjectId(fileIdOf(created)),
      }),
    ).toBe(0);
  });

  it('should store no byte when the caller, the proposal or the requirement refuses the upload', async () => {
    const before = await storedCounts();
    const open = await draft();
    const operator = await unitOperator(open.institutionId, open.unitId);
    const otherUnit = await unitOperator(open.institutionId, 'unit_elsewhere');
    const otherInstitutionAdmin = await localAdmin('inst_elsewhere');
    const closed = await draft({ editionId: closedEdition });
    const closedOperator = await unitOperator(closed.institutionId, closed.unitId);
    const submitted = await draft({ status: 'submitted' });
    const submittedOperator = await unitOperator(submitted.institutionId, submitted.unitId);

    // Refused on what is known before the body is read: storage is never asked to write.
    const putStream = jest.spyOn(app.get<EvidenceStorage>(EVIDENCE_STORAGE), 'putStream');
    const refusedUpfront: [request.Test, number, string][] = [
      [upload(otherUnit, open.proposalId, PDF), 403, 'AUTH_FORBIDDEN'],
      [upload(otherInstitutionAdmin, open.proposalId, PDF), 403, 'AUTH_FORBIDDEN'],
      [upload(operator, `prop_${randomUUID()}`, PDF), 404, 'PROPOSAL_NOT_FOUND'],
      [upload(closedOperator, closed.proposalId, PDF), 409, 'SUBMISSION_CLOSED'],
      [upload(submittedOperator, submitted.proposalId, PDF), 409, 'PROPOSAL_NOT_EDITABLE'],
      [
        upload(operator, open.proposalId, PDF, 'x.pdf', 'application/pdf', 'video'),
        404,
        'EVIDENCE_REQUIREMENT_UNKNOWN',
      ],
    ];
    for (const [sent, status, code] of refusedUpfront) {
      const response = await sent;
      expect({
        status: response.status,
        code: (response.body as { error?: { code?: string } }).error?.code,
      }).toEqual({ status, code });
    }
    expect(putStream).not.toHaveBeenCalled();

    // Refused while streaming: the engine cuts the stream and the partial file is removed.
    const refusedMidStream: [request.Test, number, string][] = [
      [
        upload(operator, open.proposalId, PNG, 'x.pdf', 'application/pdf'),
        415,
        'EVIDENCE_TYPE_NOT_ALLOWED',
      ],
      [upload(operator, open.proposalId, OVERSIZED), 413, 'EVIDENCE_TOO_LARGE'],
    ];
    for (const [sent, status, code] of refusedMidStream) {
      const response = await sent;
      expect({
        status: response.status,
        code: (response.body as { error?: { code?: string } }).error?.code,
      }).toEqual({ status, code });
    }

    expect(putStream).toHaveBeenCalledTimes(refusedMidStream.length);
    putStream.mockRestore();
    expect(await storedCounts()).toEqual(before);
    // The proposal still takes a file afterwards.
    await upload(operator, open.proposalId, PDF).expect(201);
  });

  describe('orphan sweep', () => {
    const HOUR = 3_600_000;

    /** Stores a file straight into the bucket, as an upload whose proposal update never came. */
    async function storeLooseFile(ageMs: number): Promise<string> {
      const bucket = new mongoose.mongo.GridFSBucket(connection.db as mongoose.mongo.Db, {
        bucketName: 'evidence_files',
      });
      const stream = bucket.openUploadStream('loose.pdf');
      await new Promise<void>((resolve, reject) => {
        stream.once('finish', () => resolve());
        stream.once('error', reject);
        stream.end(PDF);
      });
      await backdate(stream.id.toString(), ageMs);
      return stream.id.toString();
    }

    async function backdate(fileId: string, ageMs: number): Promise<void> {
      await files.updateOne(
        { _id: new mongoose.Types.ObjectId(fileId) },
        { $set: { uploadDate: new Date(Date.now() - ageMs) } },
      );
    }

    const exists = async (fileId: string): Promise<boolean> =>
      (await files.countDocuments({ _id: new mongoose.Types.ObjectId(fileId) })) === 1;

    it('should delete an old unreferenced file and keep referenced and fresh ones when it sweeps', async () => {
      const orphan = await storeLooseFile(2 * HOUR);
      const fresh = await storeLooseFile(5 * 60_000);
      const { proposalId, institutionId, unitId } = await draft();
      const operator = await unitOperator(institutionId, unitId);
      const current = fileIdOf(await upload(operator, proposalId, PDF).expect(201));
      await backdate(current, 2 * HOUR);
      // A file only a forwarded snapshot still names (the unit replaced it afterwards).
      const frozen = await storeLooseFile(2 * HOUR);
      const forwarded = await draft({ status: 'returned' });
      await proposals.updateOne(
        { _id: forwarded.proposalId },
        { $set: { snapshots: [{ snapshotVersion: 1, evidence: [{ fileId: frozen }] }] } },
      );

      const sweep = app.get(SweepOrphanEvidenceUseCase);
      // Two replicas sweeping at once: deletes are idempotent, nothing fails.
      const deleted = await Promise.all([sweep.execute(), sweep.execute()]);

      expect(deleted[0] + deleted[1]).toBeGreaterThanOrEqual(1);
      expect(await exists(orphan)).toBe(false);
      expect(await exists(fresh)).toBe(true);
      expect(await exists(current)).toBe(true);
      expect(await exists(frozen)).toBe(true);
      const served = await download(operator, proposalId, current).expect(200);
      expect(Buffer.compare(served.body as Buffer, PDF)).toBe(0);
    });
  });
});
