import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type request from 'supertest';
import {
  editionConfigurationExample,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  type EditionConfiguration,
} from '@kipp/contracts';
import { REDIS } from '@kipp/service-kit';
import { eventually, TopicReader } from '@kipp/testing';
import { EDITION_PROJECTION_MODEL } from '../src/edition/edition.schema';
import { OBJECTION_MODEL, type Objection } from '../src/objection/objection.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL } from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const DAY = 86_400_000;
const RATE_LIMIT = 4;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
const GROUNDS = 'The innovation started in 2026, not 2024 as the proposal claims.';

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

function configurationOf(editionId: string, window: 'open' | 'closed'): EditionConfiguration {
  const now = Date.now();
  const startsAt = window === 'open' ? now - DAY : now + 2 * DAY;
  return {
    ...editionConfigurationExample,
    editionId,
    calendar: [
      {
        phase: 'objection',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 5 * DAY).toISOString(),
      },
    ],
  };
}

describe('evaluation service: public objections', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startEvaluationApp({ env: { OBJECTION_RATE_LIMIT: String(RATE_LIMIT) } });
    reader = await TopicReader.start([
      app.topics.topicOf(ObjectionFiledV1),
      app.topics.topicOf(ObjectionResolvedV1),
    ]);
  });

  beforeEach(async () => {
    // Every request comes from the same address; each test starts with a fresh allowance.
    const redis = app.app.get<Redis>(REDIS);
    const keys = await redis.keys('evaluation:objection-rate:*');
    if (keys.length > 0) await redis.del(...keys);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);

  /** An edition with finalist `fin` and shortlisted non-finalist `out`. */
  async function seed(window: 'open' | 'closed' = 'open') {
    const editionId = `ed_${randomUUID().slice(0, 8)}`;
    const fin = `fin_${editionId}`;
    const out = `out_${editionId}`;
    await app.model(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration: configurationOf(editionId, window),
      revision: 1,
      currentPhase: window === 'open' ? 'objection' : 'interview',
    });
    await app.model(EVALUATION_PROPOSAL_MODEL).create(
      [fin, out].map((id, index) => ({
        _id: id,
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId: 'inst_a',
        unitId: 'unit_1',
        title: `Inovasi ${index}`,
        snapshot: { proposalId: id },
        snapshotVersion: 1,
        institution: { name: 'Kota A', type: 'city', provinceCode: '32', disadvantaged: false },
        forwardedAt: new Date(),
        selection: null,
      })),
    );
    await app.model(STAGE_PUBLICATION_MODEL).create({
      _id: `pub_${editionId}_finalists_1`,
      editionId,
      stage: 'finalists',
      version: 1,
      entries: [fin, out].map((proposalId, index) => ({
        proposalId,
        institutionId: 'inst_a',
        groupId: 'general',
        categoryId: 'health',
        rank: index + 1,
        score: 90 - index,
        advanced: proposalId === fin,
      })),
      report: null,
      leaseToken: 1,
      publishedBy: 'acct_admin',
      publishedAt: new Date(),
    });
    return { editionId, fin, out };
  }

  const file = (editionId: string, proposalId: string, files: Buffer[] = [PDF]) => {
    let req = app
      .http()
      .post(`/public/editions/${editionId}/objections`)
      .field('proposalId', proposalId)
      .field('name', 'Budi Santoso')
      .field('email', 'budi@example.id')
      .field('grounds', GROUNDS);
    files.forEach((bytes, index) => {
      req = req.attach('evidence', bytes, {
        filename: `bukti-${index}.pdf`,
        contentType: 'application/pdf',
      });
    });
    return req;
  };

  it('should file an objection with its evidence and publish ObjectionFiledV1 when the window is open', async () => {
    const { editionId, fin } = await seed();
    const response = await file(editionId, fin, [PDF, PDF]).expect(201);
    const { objectionId } = response.body as { objectionId: string };
    expect(response.body).toMatchObject({ proposalId: fin, evidenceCount: 2 });

    await eventually(() => {
      const event = reader
        .on(app.topics.topicOf(ObjectionFiledV1))
        .find((m) => payloadOf(m.value).objectionId === objectionId);
      expect(event?.key).toBe(fin);
      expect(payloadOf(event?.value ?? null)).toMatchObject({ editionId, evidenceCount: 2 });
    });

    const list = await app
      .http()
      .get(`/editions/${editionId}/objections`)
      .set(await admin())
      .expect(200);
    const [stored] = (
      list.body as {
        objections: { objector: unknown; evidence: { href: string; sha256: string }[] }[];
      }
    ).objections;
    expect(stored?.objector).toEqual({ name: 'Budi Santoso', email: 'budi@example.id' });
    expect(stored?.evidence).toHaveLength(2);
    const download = await app
      .http()
      .get(stored?.evidence[0]?.href ?? '')
      .set(await admin())
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((download.body as Buffer).equals(PDF)).toBe(true);
    expect(download.headers['x-checksum-sha256']).toBe(stored?.evidence[0]?.sha256);
  });

  it('should answer 409 OBJECTION_WINDOW_CLOSED naming the window in WIB when the window is not open', async () => {
    const { editionId, fin } = await seed('closed');
    const response = await file(editionId, fin).expect(409);
    expect(code(response)).toBe('OBJECTION_WINDOW_CLOSED');
    expect((response.body as { error: { message: string } }).error.message).toMatch(/WIB/);
    expect(await app.model(OBJECTION_MODEL).countDocuments({ editionId })).toBe(0);
  });

  it('should answer 404 PROPOSAL_NOT_A_FINALIST when the proposal is not a current finalist', async () => {
    const { editionId, out } = await seed();
    expect(code(await file(editionId, out).expect(404))).toBe('PROPOSAL_NOT_A_FINALIST');
    expect(code(await file(editionId, 'nope').expect(404))).toBe('PROPOSAL_NOT_A_FINALIST');
  });

  it('should answer 415 or 413 and store nothing when a file is not a PDF, JPEG or PNG by its bytes or too large', async () => {
    const { editionId, fin } = await seed();
    expect(code(await file(editionId, fin, [PDF, EXE]).expect(415))).toBe(
      'UNSUPPORTED_EVIDENCE_TYPE',
    );
    const tooBig = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await file(editionId, fin, [tooBig])).status).toBe(413);
    expect(await app.model(OBJECTION_MODEL).countDocuments({ editionId })).toBe(0);
  });

  it('should answer 400 when the grounds are too short or more than three files come', async () => {
    const { editionId, fin } = await seed();
    const short = await app
      .http()
      .post(`/public/editions/${editionId}/objections`)
      .field('proposalId', fin)
      .field('name', 'Budi')
      .field('email', 'budi@example.id')
      .field('grounds', 'too short');
    expect(short.status).toBe(400);
    expect(code(short)).toBe('VALIDATION_FAILED');
    const tooMany = await file(editionId, fin, [PDF, PDF, PDF, PDF]);
    expect(tooMany.status).toBeGreaterThanOrEqual(400);
    expect(tooMany.status).toBeLessThan(500);
  });

  it('should answer 429 OBJECTION_RATE_LIMITED when one address files more than the limit', async () => {
    const { editionId, fin } = await seed();
    for (let i = 0; i < RATE_LIMIT; i += 1) await file(editionId, fin, []).expect(201);
    expect(code(await file(editionId, fin, []).expect(429))).toBe('OBJECTION_RATE_LIMITED');
  });

  it('should disqualify the finalist in the same write and publish the outcome when an objection is upheld', async () => {
    const { editionId, fin } = await seed();
    const { objectionId } = (await file(editionId, fin, []).expect(201)).body as {
      objectionId: string;
    };
    const reason = 'The decree in the evidence shows the service started in 2026.';
    await app
      .http()
      .post(`/objections/${objectionId}/resolve`)
      .set(await admin())
      .send({ outcome: 'upheld', reason: 'short' })
      .expect(400);
    const resolved = await app
      .http()
      .post(`/objections/${objectionId}/resolve`)
      .set(await admin())
      .send({ outcome: 'upheld', reason })
      .expect(200);
    expect(resolved.body).toMatchObject({ outcome: 'upheld', reason });
    const proposal = await app
      .model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL)
      .findById(fin)
      .lean()
      .exec();
    expect(proposal?.disqualification).toMatchObject({ objectionId, reason });

    expect(
      code(
        await app
          .http()
          .post(`/objections/${objectionId}/resolve`)
          .set(await admin())
          .send({ outcome: 'dismissed', reason })
          .expect(409),
      ),
    ).toBe('OBJECTION_ALREADY_RESOLVED');
    await eventually(() => {
      const event = reader
        .on(app.topics.topicOf(ObjectionResolvedV1))
        .find((m) => payloadOf(m.value).objectionId === objectionId);
      expect(payloadOf(event?.value ?? null)).toMatchObject({ outcome: 'upheld', reason });
    });
    // A disqualified finalist is no longer listed, nor open to objections.
    const finalists = await app.http().get(`/public/editions/${editionId}/finalists`).expect(200);
    expect((finalists.body as { finalists: unknown[] }).finalists).toEqual([]);
    expect(code(await file(editionId, fin, []).expect(404))).toBe('PROPOSAL_NOT_A_FINALIST');
  });

  it('should show outcomes to the public without the objector or the grounds when listed publicly', async () => {
    const { editionId, fin } = await seed();
    const { objectionId } = (await file(editionId, fin).expect(201)).body as {
      objectionId: string;
    };
    await app
      .http()
      .post(`/objections/${objectionId}/resolve`)
      .set(await admin())
      .send({ outcome: 'dismissed', reason: 'The service has run since 2024 as the decree shows.' })
      .expect(200);
    const response = await app.http().get(`/public/editions/${editionId}/objections`).expect(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/Budi|budi@example\.id|fileId|sha256/);
    expect(text).not.toContain(GROUNDS);
    expect((response.body as { objections: unknown[] }).objections).toEqual([
      expect.objectContaining({ objectionId, status: 'dismissed', proposalTitle: 'Inovasi 0' }),
    ]);
  });

  it('should keep the secretariat routes to national admins when anyone else calls', async () => {
    const { editionId, fin } = await seed();
    const stored = (await file(editionId, fin).expect(201)).body as { objectionId: string };
    const objection = await app
      .model<Objection>(OBJECTION_MODEL)
      .findById(stored.objectionId)
      .lean()
      .exec();
    const fileId = objection?.evidence[0]?.fileId ?? '';
    for (const role of ['local_admin', 'unit_operator', 'evaluator', 'panelist'] as const) {
      const scope =
        role === 'unit_operator'
          ? { institutionId: 'inst_a', unitId: 'unit_1' }
          : role === 'local_admin'
            ? { institutionId: 'inst_a' }
            : {};
      const headers = await app.issuer.headers([role], scope);
      await app.http().get(`/editions/${editionId}/objections`).set(headers).expect(403);
      await app
        .http()
        .get(`/objections/${stored.objectionId}/evidence/${fileId}`)
        .set(headers)
        .expect(403);
      await app
        .http()
        .post(`/objections/${stored.objectionId}/resolve`)
        .set(headers)
        .send({ outcome: 'upheld', reason: 'x'.repeat(30) })
        .expect(403);
    }
    await app.http().get(`/editions/${editionId}/objections`).expect(401);
    await app
      .http()
      .get(`/objections/${stored.objectionId}/evidence/000000000000000000000000`)
      .set(await admin())
      .expect(404);
  });
});
