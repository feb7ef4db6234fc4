import type { Redis } from 'ioredis';
import { PDFDocument } from 'pdf-lib';
import type { Response } from 'superagent';
import {
  CertificateIssuedV1,
  CertificateRevokedV1,
  editionConfigurationExample,
  proposalSnapshotExample,
  type AwardTier,
  type EditionConfiguration,
  type EditionPhase,
} from '@kipp/contracts';
import { REDIS } from '@kipp/service-kit';
import { eventually, TopicReader, uniqueName } from '@kipp/testing';
import { AWARD_MODEL, type Award } from '../src/award/award.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../src/institution/institution.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../src/scoring/score-sheet.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StagePublication,
} from '../src/stage/stage-publication.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

interface IssueBody {
  issued: number;
  alreadyIssued: number;
  revoked: number;
  certificates: {
    certificateId: string;
    proposalId: string;
    institutionId: string;
    tier: AwardTier;
    verificationCode: string;
  }[];
}

const VERIFY_LIMIT = 5;
const words = (n: number) => Array.from({ length: n }, (_, i) => `dampak${i}`).join(' ');

/** Collects a binary body (PDF) whatever its content type. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  // In node, superagent hands parsers the raw response stream.
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('evaluation service: outputs (decree annex, certificates, DID, UNPSA, feedback)', () => {
  let app: EvaluationTestApp;
  let reader: TopicReader;
  const editionId = uniqueName('ed');
  const openEditionId = uniqueName('ed_open');
  const city = uniqueName('inst_city');
  const regency = uniqueName('inst_regency');
  const ministry = uniqueName('inst_ministry');
  const ids = {
    outstanding: uniqueName('prop_out'),
    ministryTop: uniqueName('prop_min'),
    finalist: uniqueName('prop_fin'),
    replication: uniqueName('prop_rep'),
    running: uniqueName('prop_running'),
  };
  const formulaTitle = '=HYPERLINK("http://evil"), "Layanan" Terpadu';

  function configuration(id: string): EditionConfiguration {
    return {
      ...editionConfigurationExample,
      editionId: id,
      calendar: [
        ...editionConfigurationExample.calendar,
        {
          phase: 'results',
          startsAt: '2027-07-20T01:00:00.000Z',
          endsAt: '2027-08-20T01:00:00.000Z',
        },
      ],
    };
  }

  function edition(id: string, phase: EditionPhase): Partial<EditionProjection> {
    return { _id: id, configuration: configuration(id), revision: 1, currentPhase: phase };
  }

  function institution(
    _id: string,
    code: string,
    type: InstitutionProjection['type'],
    name: string,
  ): Partial<InstitutionProjection> {
    return {
      _id,
      code,
      name,
      type,
      provinceCode: type === 'ministry' ? null : '32',
      disadvantaged: false,
    };
  }

  function proposal(
    _id: string,
    edition: string,
    institutionId: string,
    title: string,
    innovationStartDate: string,
    impactWords: number,
  ): Partial<EvaluationProposal> {
    return {
      _id,
      editionId: edition,
      groupId: 'general',
      categoryId: 'health',
      institutionId,
      unitId: `${institutionId}_unit`,
      title,
      snapshot: {
        ...proposalSnapshotExample,
        proposalId: _id,
        editionId: edition,
        institutionId,
        title,
        innovationStartDate,
        sections: [
          { sectionId: 'summary', text: words(150), wordCount: 150 },
          { sectionId: 'significance', text: words(impactWords), wordCount: impactWords },
        ],
      },
      snapshotVersion: 1,
      institution: null,
      forwardedAt: new Date('2027-03-30T00:00:00.000Z'),
      withdrawnAt: null,
      selection: {
        outcome: 'pass',
        reasons: [{ check: 'completeness', outcome: 'pass', note: 'complete' }],
        revision: 1,
        snapshotVersion: 1,
        decidedBy: 'acct_secretariat',
        decidedAt: new Date('2027-04-10T00:00:00.000Z'),
      },
      disqualification: null,
    };
  }

  function award(
    _id: string,
    institutionId: string,
    title: string,
    tiers: AwardTier[],
    rank: number,
    groupId = 'general',
  ): Partial<Award> {
    return {
      _id,
      editionId,
      year: 2027,
      institutionId,
      unitId: `${institutionId}_unit`,
      groupId,
      categoryId: 'health',
      title,
      tiers,
      rank,
      panelScore: 90 - rank,
      deskScore: 88 - rank,
      snapshotVersion: 1,
      publicationId: `pub_${editionId}_final_1`,
      grantedAt: new Date('2027-07-19T00:00:00.000Z'),
    };
  }

  function sheet(
    proposalId: string,
    scorerId: string,
    novelty: number,
    comment: string,
    status: ScoreSheet['status'] = 'submitted',
    edition = editionId,
  ): Partial<ScoreSheet> {
    return {
      _id: uniqueName('sheet'),
      editionId: edition,
      proposalId,
      stage: 'desk',
      assignmentId: uniqueName('asg'),
      scorerId,
      criteria: [
        { criterionId: 'novelty', score: novelty, comment },
        { criterionId: 'effectiveness', score: 70, comment: '' },
      ],
      weightedScore: (novelty + 70) / 2,
      status,
      revision: 1,
      submissions: status === 'submitted' ? 1 : 0,
      // Evaluators are numbered by submission order: higher novelty scores submitted first here.
      submittedAt:
        status === 'submitted'
          ? new Date(Date.parse('2027-05-01T00:00:00.000Z') + (100 - novelty) * 60_000)
          : null,
      audit: [],
    };
  }

  /** The plenary's final results; the exports and certificates wait for one. */
  function finalPublication(version: number): Partial<StagePublication> {
    return {
      _id: `pub_${editionId}_final_${version}`,
      editionId,
      stage: 'final',
      version,
      entries: [],
      report: null,
      leaseToken: version,
      publishedBy: 'acct_admin',
      publishedAt: new Date(Date.parse('2027-07-19T00:00:00.000Z') + version * 86_400_000),
    };
  }

  beforeAll(async () => {
    app = await startEvaluationApp({
      env: { CERTIFICATE_VERIFY_RATE_LIMIT: String(VERIFY_LIMIT) },
    });
    reader = await TopicReader.start([
      app.topics.topicOf(CertificateIssuedV1),
      app.topics.topicOf(CertificateRevokedV1),
    ]);
    await app
      .model<EditionProjection>(EDITION_PROJECTION_MODEL)
      .create([edition(editionId, 'results'), edition(openEditionId, 'desk-evaluation')]);
    await app
      .model<InstitutionProjection>(INSTITUTION_PROJECTION_MODEL)
      .create([
        institution(city, '3273', 'city', 'Pemerintah Kota Bandung'),
        institution(regency, '3204', 'regency', 'Pemerintah Kabupaten Bandung'),
        institution(ministry, 'K-001', 'ministry', 'Kementerian Kesehatan'),
      ]);
    await app
      .model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL)
      .create([
        proposal(ids.outstanding, editionId, city, formulaTitle, '2020-01-15', 120),
        proposal(ids.ministryTop, editionId, ministry, 'Telemedisin Nasional', '2019-05-01', 300),
        proposal(ids.finalist, editionId, city, 'Posyandu Digital', '2018-01-01', 300),
        proposal(ids.replication, editionId, regency, 'Replikasi Mal Pelayanan', '2026-01-01', 300),
        proposal(ids.running, openEditionId, city, 'Masih Dinilai', '2020-01-01', 300),
      ]);
    await app
      .model<Award>(AWARD_MODEL)
      .create([
        award(ids.outstanding, city, formulaTitle, ['finalist', 'top', 'outstanding'], 1),
        award(ids.ministryTop, ministry, 'Telemedisin Nasional', ['finalist', 'top'], 2),
        award(ids.finalist, city, 'Posyandu Digital', ['finalist'], 7),
        award(
          ids.replication,
          regency,
          'Replikasi Mal Pelayanan',
          ['finalist', 'replication-top'],
          1,
          'replication',
        ),
      ]);
    await app
      .model<ScoreSheet>(SCORE_SHEET_MODEL)
      .create([
        sheet(ids.outstanding, 'acct_eval_secret_a', 90, 'Sangat inovatif'),
        sheet(ids.outstanding, 'acct_eval_secret_b', 80, 'Perlu data dampak'),
        sheet(ids.outstanding, 'acct_eval_secret_c', 70, ''),
        sheet(ids.outstanding, 'acct_eval_secret_d', 10, 'draft only', 'draft'),
        sheet(ids.ministryTop, 'acct_eval_secret_a', 60, 'Cukup'),
      ]);
    await app.model<StagePublication>(STAGE_PUBLICATION_MODEL).create([
      {
        _id: `pub_${editionId}_desk_1`,
        editionId,
        stage: 'desk',
        version: 1,
        entries: [
          {
            proposalId: ids.outstanding,
            institutionId: city,
            groupId: 'general',
            categoryId: 'health',
            rank: 4,
            score: 80,
            advanced: false,
          },
        ],
        report: null,
        leaseToken: 1,
        publishedBy: 'acct_admin',
        publishedAt: new Date('2027-05-10T00:00:00.000Z'),
      },
      {
        _id: `pub_${editionId}_desk_2`,
        editionId,
        stage: 'desk',
        version: 2,
        entries: [
          {
            proposalId: ids.outstanding,
            institutionId: city,
            groupId: 'general',
            categoryId: 'health',
            rank: 3,
            score: 80,
            advanced: true,
          },
        ],
        report: null,
        leaseToken: 2,
        publishedBy: 'acct_admin',
        publishedAt: new Date('2027-05-11T00:00:00.000Z'),
      },
      finalPublication(1),
    ]);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const admin = () => app.issuer.headers(['national_admin']);
  const localAdminOf = (institutionId: string) =>
    app.issuer.headers(['local_admin'], { institutionId });

  describe('decree annex', () => {
    it('should list every award under its highest tier with formulas neutralised when the national admin exports CSV', async () => {
      const response = await app
        .http()
        .get(`/editions/${editionId}/exports/decree-annex.csv`)
        .set(await admin())
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.text.charCodeAt(0)).not.toBe(0xfeff);
      const lines = response.text.split('\r\n');
      expect(lines).toEqual([
        'tier,rank,title,institution,province_code,category,group',
        `outstanding,1,"'=HYPERLINK(""http://evil""), ""Layanan"" Terpadu",Pemerintah Kota Bandung,32,Kesehatan,Umum`,
        'top,2,Telemedisin Nasional,Kementerian Kesehatan,,Kesehatan,Umum',
        'replication-top,1,Replikasi Mal Pelayanan,Pemerintah Kabupaten Bandung,32,Kesehatan,Replikasi',
        'finalist,7,Posyandu Digital,Pemerintah Kota Bandung,32,Kesehatan,Umum',
        '',
      ]);
    });

    it('should render a parseable PDF when the national admin exports the annex as PDF', async () => {
      const response = await app
        .http()
        .get(`/editions/${editionId}/exports/decree-annex.pdf`)
        .set(await admin())
        .buffer(true)
        .parse(binary)
        .expect(200);
      const body = response.body as Buffer;
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const parsed = await PDFDocument.load(body);
      expect(parsed.getPageCount()).toBeGreaterThanOrEqual(1);
      expect(parsed.getKeywords()).toContain(editionId);
    });

    it('should refuse exports when the caller is not the national admin or has no token', async () => {
      await app
        .http()
        .get(`/editions/${editionId}/exports/decree-annex.csv`)
        .set(await localAdminOf(city))
        .expect(403);
      await app.http().get(`/editions/${editionId}/exports/did.csv`).expect(401);
    });

    it('should answer 409 RESULTS_NOT_PUBLISHED for every export and issuing when the edition has no final publication', async () => {
      const headers = await admin();
      for (const path of [
        'exports/decree-annex.csv',
        'exports/decree-annex.pdf',
        'exports/did.csv',
        'exports/unpsa-candidates',
        'exports/unpsa-candidates.csv',
      ]) {
        const response = await app
          .http()
          .get(`/editions/${openEditionId}/${path}`)
          .set(headers)
          .expect(409);
        expect(response.body).toMatchObject({ error: { code: 'RESULTS_NOT_PUBLISHED' } });
      }
      const issue = await app
        .http()
        .post(`/editions/${openEditionId}/certificates/issue`)
        .set(headers)
        .expect(409);
      expect(issue.body).toMatchObject({ error: { code: 'RESULTS_NOT_PUBLISHED' } });
    });

    it('should answer 404 EDITION_NOT_FOUND when the edition is unknown', async () => {
      const response = await app
        .http()
        .get('/editions/ed_nope/exports/decree-annex.csv')
        .set(await admin())
        .expect(404);
      expect(response.body).toMatchObject({ error: { code: 'EDITION_NOT_FOUND' } });
    });
  });

  it('should list only Pemda winners with their codes when the national admin exports DID', async () => {
    const response = await app
      .http()
      .get(`/editions/${editionId}/exports/did.csv`)
      .set(await admin())
      .expect(200);
    expect(response.text.split('\r\n')).toEqual([
      'edition_year,institution_code,institution_name,institution_type,province_code,tier,rank,title,proposal_id',
      `2027,3273,Pemerintah Kota Bandung,city,32,outstanding,1,"'=HYPERLINK(""http://evil""), ""Layanan"" Terpadu",${ids.outstanding}`,
      `2027,3204,Pemerintah Kabupaten Bandung,regency,32,replication-top,1,Replikasi Mal Pelayanan,${ids.replication}`,
      '',
    ]);
  });

  it('should propose winners running two years with documented impact when the national admin asks for UNPSA candidates', async () => {
    const response = await app
      .http()
      .get(`/editions/${editionId}/exports/unpsa-candidates`)
      .set(await admin())
      .expect(200);
    const body = response.body as {
      referenceDate: string;
      candidates: { proposalId: string; tier: string; yearsRunning: number; reasons: string[] }[];
    };
    expect(body.referenceDate).toBe('2027-07-20T01:00:00.000Z');
    // The finalist is no winner; the replication started in 2026 (too young).
    expect(body.candidates.map((c) => [c.proposalId, c.tier, c.yearsRunning])).toEqual([
      [ids.outstanding, 'outstanding', 7],
      [ids.ministryTop, 'top', 8],
    ]);
    expect(body.candidates[0]?.reasons.join(' ')).toContain('significance (120 words)');

    const csv = await app
      .http()
      .get(`/editions/${editionId}/exports/unpsa-candidates.csv`)
      .set(await admin())
      .expect(200);
    expect(csv.text.split('\r\n')).toHaveLength(4);
  });

  describe('certificates', () => {
    let issued: IssueBody;

    beforeAll(async () => {
      const headers = await admin();
      // Two admins pressing the button at once still get one certificate per award.
      const [first, second] = await Promise.all([
        app.http().post(`/editions/${editionId}/certificates/issue`).set(headers).expect(200),
        app.http().post(`/editions/${editionId}/certificates/issue`).set(headers).expect(200),
      ]);
      const bodies = [first.body as IssueBody, second.body as IssueBody];
      expect(bodies[0]!.issued + bodies[1]!.issued).toBe(4);
      issued = bodies[0]!;
    });

    it('should issue one certificate per award at its highest tier and publish each once when issued twice', async () => {
      const again = await app
        .http()
        .post(`/editions/${editionId}/certificates/issue`)
        .set(await admin())
        .expect(200);
      const body = again.body as IssueBody;
      expect(body).toMatchObject({ issued: 0, alreadyIssued: 4 });
      expect(Object.fromEntries(body.certificates.map((c) => [c.proposalId, c.tier]))).toEqual({
        [ids.outstanding]: 'outstanding',
        [ids.ministryTop]: 'top',
        [ids.finalist]: 'finalist',
        [ids.replication]: 'replication-top',
      });
      for (const certificate of body.certificates) {
        expect(certificate.verificationCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
      }
      const topic = app.topics.topicOf(CertificateIssuedV1);
      await eventually(() => expect(reader.on(topic)).toHaveLength(4));
      const payloads = reader.on(topic).map((message) => ({
        key: message.key,
        payload: (JSON.parse(message.value ?? '{}') as { payload: Record<string, string> }).payload,
      }));
      for (const { key, payload } of payloads) {
        expect(key).toBe(payload.proposalId);
        const certificate = body.certificates.find((c) => c.proposalId === key);
        expect(payload).toMatchObject({
          certificateId: certificate?.certificateId,
          verificationCode: certificate?.verificationCode,
          tier: certificate?.tier,
          editionId,
        });
      }
    });

    it('should render the PDF with the verification code when the national admin or the institution asks', async () => {
      const certificate = issued.certificates.find((c) => c.proposalId === ids.outstanding)!;
      for (const headers of [
        await admin(),
        await localAdminOf(city),
        await app.issuer.headers(['unit_operator'], {
          institutionId: city,
          unitId: `${city}_unit`,
        }),
      ]) {
        const response = await app
          .http()
          .get(`/certificates/${certificate.certificateId}.pdf`)
          .set(headers)
          .buffer(true)
          .parse(binary)
          .expect(200);
        const body = response.body as Buffer;
        expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const parsed = await PDFDocument.load(body);
        expect(parsed.getKeywords()).toContain(certificate.verificationCode);
        expect(parsed.getKeywords()).toContain(
          `http://127.0.0.1:3000/verify/${certificate.verificationCode}`,
        );
      }
    });

    it('should hide a certificate when another institution, an evaluator or nobody asks', async () => {
      const certificate = issued.certificates.find((c) => c.proposalId === ids.outstanding)!;
      const path = `/certificates/${certificate.certificateId}.pdf`;
      const other = await app
        .http()
        .get(path)
        .set(await localAdminOf(regency))
        .expect(404);
      expect(other.body).toMatchObject({ error: { code: 'CERTIFICATE_NOT_FOUND' } });
      await app
        .http()
        .get(path)
        .set(await app.issuer.headers(['evaluator']))
        .expect(403);
      await app.http().get(path).expect(401);
      await app
        .http()
        .get('/certificates/cert_unknown.pdf')
        .set(await admin())
        .expect(404);
    });

    describe('public verification', () => {
      beforeEach(async () => {
        const redis = app.app.get<Redis>(REDIS);
        const keys = await redis.keys('evaluation:verify-rate:*');
        if (keys.length > 0) await redis.del(...keys);
      });

      it('should confirm a certificate without a token when the code is known', async () => {
        const certificate = issued.certificates.find((c) => c.proposalId === ids.replication)!;
        const response = await app
          .http()
          .get(`/public/certificates/verify/${certificate.verificationCode}`)
          .expect(200);
        expect(response.body).toEqual({
          valid: true,
          certificate: {
            tier: 'replication-top',
            title: 'Replikasi Mal Pelayanan',
            institution: 'Pemerintah Kabupaten Bandung',
            edition: 'KIPP 2027',
            year: 2027,
            issuedAt: expect.any(String) as string,
          },
        });
      });

      it('should answer 404 CERTIFICATE_NOT_FOUND when the code is unknown', async () => {
        const response = await app
          .http()
          .get('/public/certificates/verify/ZZZZZZZZZZZZ')
          .expect(404);
        expect(response.body).toMatchObject({ error: { code: 'CERTIFICATE_NOT_FOUND' } });
      });

      it('should answer 429 with Retry-After when one address verifies too often', async () => {
        for (let i = 0; i < VERIFY_LIMIT; i += 1) {
          await app.http().get('/public/certificates/verify/ZZZZZZZZZZZZ').expect(404);
        }
        const limited = await app
          .http()
          .get(`/public/certificates/verify/${issued.certificates[0]!.verificationCode}`)
          .expect(429);
        expect(limited.body).toMatchObject({ error: { code: 'VERIFY_RATE_LIMITED' } });
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      });
    });

    describe('after a plenary republication', () => {
      let reissued: IssueBody;

      beforeAll(async () => {
        // The republication drops the ministry's award to finalist and withdraws another award.
        await app
          .model<Award>(AWARD_MODEL)
          .updateOne(
            { _id: ids.ministryTop },
            { $set: { tiers: ['finalist'], publicationId: `pub_${editionId}_final_2` } },
          );
        await app.model<Award>(AWARD_MODEL).deleteOne({ _id: ids.finalist });
        await app.model<StagePublication>(STAGE_PUBLICATION_MODEL).create([finalPublication(2)]);
        const response = await app
          .http()
          .post(`/editions/${editionId}/certificates/issue`)
          .set(await admin())
          .expect(200);
        reissued = response.body as IssueBody;
        const redis = app.app.get<Redis>(REDIS);
        const keys = await redis.keys('evaluation:verify-rate:*');
        if (keys.length > 0) await redis.del(...keys);
      });

      const before = (proposalId: string) =>
        issued.certificates.find((c) => c.proposalId === proposalId)!;

      it('should revoke the changed and withdrawn awards and issue the new tier when issued again', async () => {
        expect(reissued).toMatchObject({ issued: 1, alreadyIssued: 2, revoked: 2 });
        const replacement = reissued.certificates.find((c) => c.proposalId === ids.ministryTop)!;
        expect(replacement.tier).toBe('finalist');
        expect(replacement.certificateId).not.toBe(before(ids.ministryTop).certificateId);
        expect(replacement.verificationCode).not.toBe(before(ids.ministryTop).verificationCode);
        expect(reissued.certificates.map((c) => c.proposalId)).not.toContain(ids.finalist);

        const topic = app.topics.topicOf(CertificateIssuedV1);
        await eventually(() => expect(reader.on(topic)).toHaveLength(5));
        const last = JSON.parse(reader.on(topic)[4]?.value ?? '{}') as {
          payload: Record<string, string>;
        };
        expect(last.payload).toMatchObject({
          certificateId: replacement.certificateId,
          proposalId: ids.ministryTop,
          tier: 'finalist',
          verificationCode: replacement.verificationCode,
        });
        const revokedTopic = app.topics.topicOf(CertificateRevokedV1);
        await eventually(() => expect(reader.on(revokedTopic)).toHaveLength(2));
        const revocations = reader
          .on(revokedTopic)
          .map(
            (message) =>
              (JSON.parse(message.value ?? '{}') as { payload: Record<string, unknown> }).payload,
          );
        expect(revocations).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              proposalId: ids.ministryTop,
              replacedBy: replacement.certificateId,
            }),
            expect.objectContaining({ proposalId: ids.finalist, replacedBy: null }),
          ]),
        );

        const again = await app
          .http()
          .post(`/editions/${editionId}/certificates/issue`)
          .set(await admin())
          .expect(200);
        expect(again.body).toMatchObject({ issued: 0, alreadyIssued: 3, revoked: 0 });
      });

      it('should answer revoked for the old codes and valid for the new one when verified', async () => {
        const replacement = reissued.certificates.find((c) => c.proposalId === ids.ministryTop)!;
        const superseded = await app
          .http()
          .get(`/public/certificates/verify/${before(ids.ministryTop).verificationCode}`)
          .expect(200);
        expect(superseded.body).toEqual({
          valid: false,
          revoked: {
            at: expect.any(String) as string,
            reason: `superseded by ${replacement.certificateId}`,
          },
        });
        const withdrawn = await app
          .http()
          .get(`/public/certificates/verify/${before(ids.finalist).verificationCode}`)
          .expect(200);
        expect(withdrawn.body).toMatchObject({
          valid: false,
          revoked: { reason: 'award withdrawn' },
        });
        const current = await app
          .http()
          .get(`/public/certificates/verify/${replacement.verificationCode}`)
          .expect(200);
        expect(current.body).toMatchObject({
          valid: true,
          certificate: { tier: 'finalist', title: 'Telemedisin Nasional' },
        });
      });

      it('should answer 409 CERTIFICATE_REVOKED when the PDF of a revoked certificate is asked for', async () => {
        const response = await app
          .http()
          .get(`/certificates/${before(ids.ministryTop).certificateId}.pdf`)
          .set(await admin())
          .expect(409);
        expect(response.body).toMatchObject({ error: { code: 'CERTIFICATE_REVOKED' } });
      });

      it("should list an institution's own certificates, revoked ones with their reason, to its local admin and unit operators only", async () => {
        const replacement = reissued.certificates.find((c) => c.proposalId === ids.ministryTop)!;
        const superseded = before(ids.ministryTop);
        const unitOperator = await app.issuer.headers(['unit_operator'], {
          institutionId: ministry,
          unitId: `${ministry}_unit`,
        });
        for (const headers of [await localAdminOf(ministry), unitOperator]) {
          const response = await app.http().get('/me/certificates').set(headers).expect(200);
          const { certificates } = response.body as {
            certificates: { certificateId: string; status: string; proposalId: string }[];
          };
          expect(certificates.every((c) => c.proposalId === ids.ministryTop)).toBe(true);
          expect(certificates).toEqual([
            expect.objectContaining({
              certificateId: replacement.certificateId,
              status: 'active',
              tier: 'finalist',
              verificationCode: replacement.verificationCode,
              revokedAt: null,
            }),
            expect.objectContaining({
              certificateId: superseded.certificateId,
              status: 'revoked',
              tier: superseded.tier,
              revocationReason: `superseded by ${replacement.certificateId}`,
            }),
          ]);
        }
        const others = await app
          .http()
          .get('/me/certificates')
          .set(await localAdminOf(regency))
          .expect(200);
        const theirs = (others.body as { certificates: { proposalId: string }[] }).certificates;
        expect(theirs.map((c) => c.proposalId)).not.toContain(ids.ministryTop);
        await app
          .http()
          .get('/me/certificates')
          .set(await admin())
          .expect(403);
        await app.http().get('/me/certificates').expect(401);
      });
    });
  });

  describe('feedback', () => {
    it('should give rubric feedback with anonymised evaluators when the institution asks after the results', async () => {
      const response = await app
        .http()
        .get(`/proposals/${ids.outstanding}/feedback`)
        .set(await localAdminOf(city))
        .expect(200);
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('acct_eval_secret');
      expect(text).not.toContain('draft only');
      expect(response.body).toMatchObject({
        proposalId: ids.outstanding,
        evaluatorCount: 3,
        selection: {
          outcome: 'pass',
          reasons: [{ check: 'completeness', outcome: 'pass', note: 'complete' }],
        },
        criteria: [
          {
            criterionId: 'novelty',
            meanScore: 80,
            // The edition's four submitted sheets: 90, 80, 70, 60.
            editionMean: 75,
            comments: [
              { evaluator: 'Evaluator 1', comment: 'Sangat inovatif' },
              { evaluator: 'Evaluator 2', comment: 'Perlu data dampak' },
            ],
          },
          { criterionId: 'effectiveness', meanScore: 70, editionMean: 70, comments: [] },
        ],
        // The current desk publication (version 2) counts, not the superseded one.
        stagesReached: [{ stage: 'desk', rank: 3, advanced: true }],
        awardTiers: ['finalist', 'top', 'outstanding'],
      });
      expect(text).not.toContain('acct_secretariat');
    });

    it('should let a unit operator of the institution and the national admin read it too', async () => {
      await app
        .http()
        .get(`/proposals/${ids.outstanding}/feedback`)
        .set(
          await app.issuer.headers(['unit_operator'], {
            institutionId: city,
            unitId: `${city}_unit`,
          }),
        )
        .expect(200);
      await app
        .http()
        .get(`/proposals/${ids.outstanding}/feedback`)
        .set(await admin())
        .expect(200);
    });

    it('should refuse another institution and evaluators when they ask for feedback', async () => {
      await app
        .http()
        .get(`/proposals/${ids.outstanding}/feedback`)
        .set(await localAdminOf(regency))
        .expect(403);
      await app
        .http()
        .get(`/proposals/${ids.outstanding}/feedback`)
        .set(await app.issuer.headers(['evaluator']))
        .expect(403);
    });

    it('should answer 409 RESULTS_NOT_PUBLISHED when the edition has not reached its results', async () => {
      const response = await app
        .http()
        .get(`/proposals/${ids.running}/feedback`)
        .set(await localAdminOf(city))
        .expect(409);
      expect(response.body).toMatchObject({ error: { code: 'RESULTS_NOT_PUBLISHED' } });
    });

    it('should answer 404 PROPOSAL_NOT_FOUND when the proposal is unknown', async () => {
      await app
        .http()
        .get('/proposals/prop_nope/feedback')
        .set(await admin())
        .expect(404);
    });
  });
});
