import { createHash, randomUUID } from 'node:crypto';
import type request from 'supertest';
import { editionConfigurationExample } from '@kipp/contracts';
import { EDITION_PROJECTION_MODEL } from '../src/edition/edition.schema';
import { EVALUATION_PROPOSAL_MODEL } from '../src/proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL } from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really pixels, but the magic bytes decide'),
]);

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;

interface Verification {
  id: string;
  proposalId: string;
  institutionId: string;
  photos: { fileId: string; sha256: string; contentType: string; sizeBytes: number }[];
}

describe('evaluation service: field verification', () => {
  let app: EvaluationTestApp;
  let editionId: string;
  let finalist: string;
  let notFinalist: string;

  beforeAll(async () => {
    app = await startEvaluationApp();
    editionId = `ed_${randomUUID().slice(0, 8)}`;
    finalist = `fin_${editionId}`;
    notFinalist = `not_${editionId}`;
    await app.model(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration: { ...editionConfigurationExample, editionId },
      revision: 1,
    });
    await app.model(EVALUATION_PROPOSAL_MODEL).create(
      [finalist, notFinalist].map((id) => ({
        _id: id,
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId: 'inst_a',
        unitId: 'unit_1',
        title: `Inovasi ${id}`,
        snapshot: {},
        snapshotVersion: 1,
        forwardedAt: new Date(),
      })),
    );
    await app.model(STAGE_PUBLICATION_MODEL).create({
      _id: `pub_${editionId}_finalists_1`,
      editionId,
      stage: 'finalists',
      version: 1,
      entries: [
        {
          proposalId: finalist,
          institutionId: 'inst_a',
          groupId: 'general',
          categoryId: 'health',
          rank: 1,
          score: 90,
          advanced: true,
        },
        {
          proposalId: notFinalist,
          institutionId: 'inst_a',
          groupId: 'general',
          categoryId: 'health',
          rank: 2,
          score: 50,
          advanced: false,
        },
      ],
      publishedBy: 'acct_admin',
      publishedAt: new Date(),
    });
  });

  afterAll(async () => {
    await app.close();
  });

  const visit = {
    visitedOn: '2027-06-20',
    team: ['Dr. Sari', 'Budi'],
    findings: 'Service runs as described.',
    recommendation: 'confirmed',
  };
  const bearer = async (
    roles: Parameters<EvaluationTestApp['issuer']['token']>[0],
    institutionId?: string,
  ) => ({
    authorization: `Bearer ${await app.issuer.token(roles, institutionId ? { institutionId } : {})}`,
  });

  it('should record a visit with a PNG photo and serve it back when a panelist uploads one', async () => {
    const created = await app
      .http()
      .post(`/proposals/${finalist}/field-verifications`)
      .set(await app.issuer.headers(['panelist']))
      .send(visit)
      .expect(201);
    const record = created.body as Verification;
    expect(record).toMatchObject({ proposalId: finalist, institutionId: 'inst_a', photos: [] });

    const uploaded = await app
      .http()
      .post(`/field-verifications/${record.id}/photos`)
      .set(await bearer(['national_admin']))
      .attach('file', PNG, 'site.jpg')
      .expect(201);
    const photo = uploaded.body as Verification['photos'][number];
    expect(photo.contentType).toBe('image/png');
    expect(photo.sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(photo.sizeBytes).toBe(PNG.length);

    const read = await app
      .http()
      .get(`/field-verifications/${record.id}`)
      .set(await app.issuer.headers(['panelist']))
      .expect(200);
    expect((read.body as Verification).photos).toHaveLength(1);
    const listed = await app
      .http()
      .get(`/proposals/${finalist}/field-verifications`)
      .set(await app.issuer.headers(['national_admin']))
      .expect(200);
    expect((listed.body as Verification[]).map((v) => v.id)).toEqual([record.id]);

    const downloaded = await app
      .http()
      .get(`/field-verifications/${record.id}/photos/${photo.fileId}`)
      .set(await bearer(['panelist']))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(downloaded.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(downloaded.body as Buffer, PNG)).toBe(0);
  });

  it('should reject a non-image with 415 and store nothing', async () => {
    const created = await app
      .http()
      .post(`/proposals/${finalist}/field-verifications`)
      .set(await app.issuer.headers(['national_admin']))
      .send(visit)
      .expect(201);
    const id = (created.body as Verification).id;
    const rejected = await app
      .http()
      .post(`/field-verifications/${id}/photos`)
      .set(await bearer(['national_admin']))
      .attach('file', Buffer.from('%PDF-1.7 a document'), 'photo.png');
    expect([rejected.status, code(rejected)]).toEqual([415, 'PHOTO_TYPE_NOT_ALLOWED']);
    const missing = await app
      .http()
      .post(`/field-verifications/${id}/photos`)
      .set(await bearer(['national_admin']))
      .field('x', 'y');
    expect([missing.status, code(missing)]).toEqual([400, 'PHOTO_FILE_MISSING']);
    const read = await app
      .http()
      .get(`/field-verifications/${id}`)
      .set(await app.issuer.headers(['national_admin']))
      .expect(200);
    expect((read.body as Verification).photos).toEqual([]);
  });

  it('should refuse visits to non-finalists, bad input and callers outside the panel and secretariat', async () => {
    const notOne = await app
      .http()
      .post(`/proposals/${notFinalist}/field-verifications`)
      .set(await app.issuer.headers(['national_admin']))
      .send(visit);
    expect([notOne.status, code(notOne)]).toEqual([404, 'FINALIST_NOT_FOUND']);
    const bad = await app
      .http()
      .post(`/proposals/${finalist}/field-verifications`)
      .set(await app.issuer.headers(['national_admin']))
      .send({ ...visit, team: [], visitedOn: '20-06-2027' });
    expect([bad.status, code(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    for (const headers of [
      app.issuer.headers(['local_admin'], { institutionId: 'inst_a' }),
      app.issuer.headers(['evaluator']),
      app.issuer.headers(['unit_operator'], { institutionId: 'inst_a', unitId: 'unit_1' }),
    ]) {
      await app
        .http()
        .post(`/proposals/${finalist}/field-verifications`)
        .set(await headers)
        .send(visit)
        .expect(403);
      await app
        .http()
        .get(`/proposals/${finalist}/field-verifications`)
        .set(await headers)
        .expect(403);
    }
    await app.http().get(`/proposals/${finalist}/field-verifications`).expect(401);
    const unknown = await app
      .http()
      .get('/field-verifications/fv_nope')
      .set(await app.issuer.headers(['panelist']));
    expect([unknown.status, code(unknown)]).toEqual([404, 'FIELD_VERIFICATION_NOT_FOUND']);
  });
});
