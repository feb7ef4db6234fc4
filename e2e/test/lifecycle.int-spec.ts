import mongoose from 'mongoose';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  ALL_EVENTS,
  AssignmentCreatedV1,
  AwardGrantedV1,
  CertificateIssuedV1,
  InterviewScheduledV1,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  ScoreSubmittedV1,
  SelectionDecidedV1,
  StageResultPublishedV1,
  editionConfigurationExample,
  EditionPhaseChangedV1,
  EditionPublishedV1,
  ProposalForwardedV1,
  InstitutionRegisteredV1,
  LocalAdminRequestDecidedV1,
  MessageDeadLetteredV1,
  CountersignRequestedV1,
  InnovationPublishedV1,
  ReplicationCountersignedV1,
  ReplicationRecordedV1,
  type EventDescriptor,
} from '@kipp/contracts';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
  SmtpCapture,
  testInfrastructure,
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { call, PortalClient, type SignedIn } from '../support/portal-client';
import { ServiceProcess } from '../support/service-process';

/**
 * One edition's life through the public HTTP APIs of the running services, checked through
 * HTTP and through the events on the real broker. Each service's part extends this file.
 */
describe('an edition end to end', () => {
  let topics: TestTopics;
  let reader: TopicReader;
  let registration: ServiceProcess;
  let submissions: ServiceProcess;
  let evaluation: ServiceProcess;
  let notifications: ServiceProcess;
  let replication: ServiceProcess;
  let smtp: SmtpCapture;
  const portal = 'https://portal.kipp.test';
  const databases = {
    registration: uniqueName('life_registration'),
    submissions: uniqueName('life_submissions'),
    evaluation: uniqueName('life_evaluation'),
    notifications: uniqueName('life_notifications'),
    replication: uniqueName('life_replication'),
  };
  const secretariat = {
    userId: 'sekretariat.kipp',
    password: 'Awal-Sekretariat#2027',
    email: 'sekretariat@menpan.go.id',
  };

  const eventsOf = <T>(descriptor: EventDescriptor<T>): T[] =>
    reader
      .on(topics.topicOf(descriptor))
      .map((m) => (JSON.parse(m.value ?? '{}') as { payload: T }).payload);

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    reader = await TopicReader.start(ALL_EVENTS.map((event) => topics.topicOf(event)));
    registration = await ServiceProcess.start('registration', {
      ...serviceTestEnv({
        database: databases.registration,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
      BOOTSTRAP_ADMIN_USER_ID: secretariat.userId,
      BOOTSTRAP_ADMIN_EMAIL: secretariat.email,
      BOOTSTRAP_ADMIN_PASSWORD: secretariat.password,
      PHASE_SCHEDULER_INTERVAL_MS: '500',
      PORTAL_URL: portal,
      // Every person in the edition signs in from 127.0.0.1 here.
      SIGN_IN_IP_LIMIT: '1000',
    });
    submissions = await ServiceProcess.start(
      'submissions',
      serviceTestEnv({
        database: databases.submissions,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
    );
    evaluation = await ServiceProcess.start(
      'evaluation',
      serviceTestEnv({
        database: databases.evaluation,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
    );
    replication = await ServiceProcess.start('replication', {
      ...serviceTestEnv({
        database: databases.replication,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
      ANALYTICS_CACHE_TTL_SECONDS: '0',
    });
    smtp = await SmtpCapture.start();
    notifications = await ServiceProcess.start('notifications', {
      ...serviceTestEnv({
        database: databases.notifications,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      PORTAL_URL: portal,
      DELIVERY_INTERVAL_MS: '200',
      REMINDER_SCAN_INTERVAL_MS: '500',
    });
  });

  // Whatever beforeAll got to start is stopped, even when it failed half-way.
  afterAll(async () => {
    for (const service of [registration, submissions, evaluation, notifications, replication] as (
      ServiceProcess | undefined
    )[]) {
      await service?.stop().catch(() => undefined);
    }
    await (smtp as SmtpCapture | undefined)?.stop();
    await (reader as TopicReader | undefined)?.stop();
    await (topics as TestTopics | undefined)?.dispose();
    const client = await mongoose.createConnection(testInfrastructure.mongoUri).asPromise();
    for (const name of Object.values(databases)) await client.useDb(name).dropDatabase();
    await client.close();
  });

  // Steps share what the earlier ones created, as the people in an edition do.
  let admin: SignedIn;
  let editionId: string;
  let bandungId: string;
  let localAdmin: SignedIn;
  let operator: { accountId: string; userId: string; password: string };
  let proposalId: string;
  let unitSession: SignedIn;
  const day = 86_400_000;

  /**
   * An institution asks for a local admin with its appointment letter, the secretariat
   * approves, and the new local admin signs in for the first time with `newPassword`.
   */
  const appointLocalAdmin = async (candidate: {
    institutionId: string;
    name: string;
    email: string;
    userId: string;
    newPassword: string;
  }): Promise<{ requestId: string; session: SignedIn }> => {
    const form = new FormData();
    form.set('institutionId', candidate.institutionId);
    form.set('candidateName', candidate.name);
    form.set('candidateEmail', candidate.email);
    form.set('candidateUserId', candidate.userId);
    form.set('locale', 'id');
    form.set(
      'letter',
      new Blob([Buffer.from('%PDF-1.7\nSurat penunjukan admin lokal\n%%EOF')], {
        type: 'application/pdf',
      }),
      'surat.pdf',
    );
    const submitted = await registration.fetch('/local-admin-requests', {
      method: 'POST',
      body: form,
    });
    expect(submitted.status).toBe(201);
    const { requestId } = (await submitted.json()) as { requestId: string };
    const decided = await call<{ initialPassword: string }>(
      registration,
      'POST',
      `/local-admin-requests/${requestId}/decision`,
      { headers: admin.headers, body: { decision: 'approved', reason: null } },
    );
    const session = await new PortalClient(
      registration,
      candidate.userId,
      decided.initialPassword,
    ).signIn(candidate.newPassword);
    return { requestId, session };
  };

  describe('registration', () => {
    it('should let the secretariat sign in for the first time with a new password and an authenticator', async () => {
      const client = new PortalClient(registration, secretariat.userId, secretariat.password);
      admin = await client.signIn('Sekretariat-KIPP#2027-baru');
      expect(eventsOf(AccountCreatedV1).map((a) => a.userId)).toContain(secretariat.userId);
    });

    it('should hold every province, regency and city, and share them with submissions', async () => {
      const found = await call<{ items: { institutionId: string; code: string; type: string }[] }>(
        registration,
        'GET',
        '/institutions?q=Kota%20Bandung&type=city',
        { headers: admin.headers },
      );
      const bandung = found.items.find((item) => item.code === '32.73');
      expect(bandung).toMatchObject({ type: 'city' });
      bandungId = bandung!.institutionId;
      const provinces = await call<{ total: number }>(
        registration,
        'GET',
        '/institutions?type=province&pageSize=1',
        {
          headers: admin.headers,
        },
      );
      expect(provinces.total).toBe(38);
      expect(eventsOf(InstitutionRegisteredV1).length).toBeGreaterThanOrEqual(552);

      await eventually(
        async () => {
          const known = await call<{ name: string }>(
            submissions,
            'GET',
            `/institutions/${bandungId}`,
            {
              headers: admin.headers,
            },
          );
          expect(known.name).toMatch(/Bandung/);
        },
        { timeoutMs: 90_000, intervalMs: 500 },
      );
    });

    it('should publish an edition and move it into the submission phase on its calendar, once', async () => {
      const now = Date.now();
      const { editionId: _omit, ...settings } = editionConfigurationExample;
      const draft = await call<{ editionId: string }>(registration, 'POST', '/editions', {
        headers: admin.headers,
        body: {
          ...settings,
          name: 'KIPP 2031',
          year: 2031,
          calendar: [
            {
              phase: 'registration',
              startsAt: new Date(now - 3_600_000).toISOString(),
              endsAt: new Date(now + 5_000).toISOString(),
            },
            {
              phase: 'submission',
              startsAt: new Date(now + 5_000).toISOString(),
              endsAt: new Date(now + 30 * day).toISOString(),
            },
            // The ministry's phases follow; the secretariat moves into each by hand below.
            ...(
              [
                ['administrative-selection', 30, 31],
                ['desk-evaluation', 31, 40],
                ['panel-review', 40, 42],
                ['objection', 42, 47],
                ['interview', 47, 50],
                ['field-verification', 50, 52],
                ['plenary', 52, 53],
                ['results', 53, 60],
              ] as const
            ).map(([phase, from, to]) => ({
              phase,
              startsAt: new Date(now + from * day).toISOString(),
              endsAt: new Date(now + to * day).toISOString(),
            })),
          ],
          evaluatorsPerProposal: 2,
        },
      });
      editionId = draft.editionId;
      await call(registration, 'POST', `/editions/${editionId}/publication`, {
        headers: admin.headers,
      });

      await eventually(() => {
        expect(
          eventsOf(EditionPublishedV1).filter((e) => e.edition.editionId === editionId),
        ).toHaveLength(1);
      });
      await eventually(
        () => {
          const phases = eventsOf(EditionPhaseChangedV1).filter((e) => e.editionId === editionId);
          expect(phases.map((p) => p.phase)).toEqual(['registration', 'submission']);
        },
        { timeoutMs: 30_000 },
      );
      const edition = await call<{ currentPhase: string }>(
        registration,
        'GET',
        `/editions/${editionId}`,
        {
          headers: admin.headers,
        },
      );
      expect(edition.currentPhase).toBe('submission');
    });

    it("should turn an institution's request with its appointment letter into a local admin", async () => {
      const { requestId, session } = await appointLocalAdmin({
        institutionId: bandungId,
        name: 'Rina Kusuma',
        email: 'rina.kusuma@bandung.go.id',
        userId: 'ortala.bandung',
        newPassword: 'Ortala-Bandung#2027-aman',
      });
      await eventually(() => {
        expect(
          eventsOf(LocalAdminRequestDecidedV1).find((d) => d.requestId === requestId),
        ).toMatchObject({
          decision: 'approved',
          institutionId: bandungId,
        });
      });

      localAdmin = session;
    });

    it('should let the local admin open a unit account for its own institution only', async () => {
      const unit = await call<{ unitId: string }>(
        registration,
        'POST',
        `/institutions/${bandungId}/units`,
        {
          headers: localAdmin.headers,
          body: { name: 'Dinas Kependudukan dan Pencatatan Sipil' },
        },
      );
      const created = await call<{ account: { accountId: string }; initialPassword: string }>(
        registration,
        'POST',
        '/accounts',
        {
          headers: localAdmin.headers,
          body: {
            role: 'unit_operator',
            userId: 'upp.dukcapil.bandung',
            name: 'Siti Rahmawati',
            email: 'siti.rahmawati@bandung.go.id',
            institutionId: bandungId,
            unitId: unit.unitId,
          },
        },
      );
      operator = {
        accountId: created.account.accountId,
        userId: 'upp.dukcapil.bandung',
        password: created.initialPassword,
      };

      await call(registration, 'POST', '/accounts', {
        headers: localAdmin.headers,
        expect: [403],
        body: {
          role: 'unit_operator',
          userId: 'upp.elsewhere',
          name: 'Orang Lain',
          email: 'orang.lain@surabaya.go.id',
          institutionId: 'inst_3578',
          unitId: unit.unitId,
        },
      });
      await eventually(() => {
        const announced = eventsOf(AccountCreatedV1).find(
          (a) => a.accountId === operator.accountId,
        );
        expect(announced).toMatchObject({
          roles: ['unit_operator'],
          institutionId: bandungId,
          email: 'siti.rahmawati@bandung.go.id',
        });
        expect(JSON.stringify(announced)).not.toContain(operator.password);
      });
    });

    it('should let the unit operator in, scoped to its institution in every service', async () => {
      const signedIn = await new PortalClient(
        registration,
        operator.userId,
        operator.password,
      ).signIn('Dukcapil-Bandung#2027-ok');
      await call(registration, 'GET', `/institutions/${bandungId}`, { headers: signedIn.headers });
      await call(submissions, 'GET', `/institutions/${bandungId}`, { headers: signedIn.headers });
      await call(submissions, 'GET', '/institutions/inst_3578', {
        headers: signedIn.headers,
        expect: [403],
      });
      operator.password = 'Dukcapil-Bandung#2027-ok';
    });
  });

  describe('submissions', () => {
    let revision: number;

    const asUnit = () => unitSession.headers;

    it('should let the unit draft a proposal on the form of the published edition', async () => {
      unitSession = await new PortalClient(
        registration,
        operator.userId,
        operator.password,
      ).signIn();
      const draft = await eventually(() =>
        call<{ proposalId: string; revision: number }>(submissions, 'POST', '/proposals', {
          headers: asUnit(),
          body: {
            editionId,
            groupId: 'general',
            categoryId: 'health',
            title: 'Posyandu Digital Kota Bandung',
          },
        }),
      );
      proposalId = draft.proposalId;
      const saved = await call<{
        revision: number;
        sections: { sectionId: string; wordCount: number }[];
      }>(submissions, 'PUT', `/proposals/${proposalId}`, {
        headers: asUnit(),
        body: {
          revision: draft.revision,
          innovationStartDate: '2024-01-15',
          sdgTargets: ['3.8'],
          sections: [
            {
              sectionId: 'summary',
              text: 'Layanan posyandu terintegrasi untuk ibu dan anak di seluruh kelurahan.',
            },
            {
              sectionId: 'innovative-idea',
              text: 'Pencatatan tumbuh kembang anak secara daring dengan pengingat imunisasi.',
            },
          ],
        },
      });
      expect(saved.sections.find((section) => section.sectionId === 'summary')?.wordCount).toBe(10);
      revision = saved.revision;
    });

    it('should take the evidence, checked by its content, and the integrity declaration', async () => {
      const form = new FormData();
      const pdf = Buffer.from('%PDF-1.7\nStandar pelayanan Posyandu Digital\n%%EOF');
      form.set('file', new Blob([pdf], { type: 'application/pdf' }), 'standar-pelayanan.pdf');
      const uploaded = await submissions.fetch(
        `/proposals/${proposalId}/evidence/service-standard`,
        {
          method: 'POST',
          headers: asUnit(),
          body: form,
        },
      );
      expect(uploaded.status).toBe(201);
      const current = await call<{ revision: number }>(
        submissions,
        'GET',
        `/proposals/${proposalId}`,
        { headers: asUnit() },
      );
      const signed = await call<{ revision: number }>(
        submissions,
        'POST',
        `/proposals/${proposalId}/integrity-declaration`,
        {
          headers: asUnit(),
          body: { revision: current.revision },
        },
      );
      revision = signed.revision;
      expect(revision).toBeGreaterThan(1);
    });

    it('should reach the ministry through the local admin with its frozen snapshot', async () => {
      await call(submissions, 'POST', `/proposals/${proposalId}/submit`, { headers: asUnit() });
      await call(submissions, 'POST', `/proposals/${proposalId}/forward`, {
        headers: localAdmin.headers,
      });

      const forwarded = await eventually(() => {
        const found = eventsOf(ProposalForwardedV1).find(
          (event) => event.snapshot.proposalId === proposalId,
        );
        expect(found).toBeDefined();
        return found!;
      });
      expect(forwarded.snapshot).toMatchObject({
        snapshotVersion: 1,
        editionId,
        institutionId: bandungId,
        title: 'Posyandu Digital Kota Bandung',
        evidence: [
          expect.objectContaining({
            evidenceId: 'service-standard',
            contentType: 'application/pdf',
          }) as unknown,
        ],
      });
      const ministryView = await call<{ items: { proposalId: string }[] }>(
        submissions,
        'GET',
        `/proposals?editionId=${editionId}&status=forwarded`,
        { headers: admin.headers },
      );
      expect(ministryView.items.map((item) => item.proposalId)).toContain(proposalId);
    });
  });

  describe('evaluation', () => {
    const evaluators: SignedIn[] = [];
    let panelist: SignedIn;

    /** The secretariat moves the edition into a phase by hand, as it does after each stage. */
    const enterPhase = async (phase: string): Promise<void> => {
      await call(registration, 'POST', `/editions/${editionId}/phase`, {
        headers: admin.headers,
        body: { phase, reason: `The ${phase} stage starts` },
      });
      await eventually(() => {
        const changes = eventsOf(EditionPhaseChangedV1).filter((e) => e.editionId === editionId);
        expect(changes.at(-1)?.phase).toBe(phase);
      });
    };

    /** A reviewer account provisioned by the secretariat, signed in with its authenticator. */
    const reviewer = async (
      role: 'evaluator' | 'panelist',
      userId: string,
      homeProvinceCode: string,
    ): Promise<SignedIn> => {
      const created = await call<{ initialPassword: string }>(registration, 'POST', '/accounts', {
        headers: admin.headers,
        body: {
          role,
          userId,
          name: userId,
          email: `${userId}@ugm.ac.id`,
          reviewerProfile: {
            affiliation: 'Universitas Gadjah Mada',
            homeProvinceCode,
            expertiseCategoryIds: ['health'],
          },
        },
      });
      return new PortalClient(registration, userId, created.initialPassword).signIn(
        `Penilai#Aman-2027-${role}`,
      );
    };

    it('should take the forwarded snapshot into administrative selection and record the pass', async () => {
      await enterPhase('administrative-selection');
      const listed = await eventually(async () => {
        const page = await call<{
          items: { proposalId: string; checks: { check: string; outcome: string }[] }[];
        }>(evaluation, 'GET', `/editions/${editionId}/selection`, { headers: admin.headers });
        expect(page.items.map((item) => item.proposalId)).toContain(proposalId);
        return page.items.find((item) => item.proposalId === proposalId)!;
      });
      expect(listed.checks.map((c) => c.check)).toEqual(
        expect.arrayContaining(['innovation-age', 'completeness', 'careless-answers']),
      );

      await eventually(() =>
        call(evaluation, 'PUT', `/proposals/${proposalId}/selection`, {
          headers: admin.headers,
          body: {
            outcome: 'pass',
            reasons: [{ check: 'completeness', outcome: 'pass', note: 'lengkap' }],
          },
        }),
      );
      await eventually(() => {
        expect(eventsOf(SelectionDecidedV1).find((d) => d.proposalId === proposalId)).toMatchObject(
          { outcome: 'pass', institutionId: bandungId, decisionRevision: 1 },
        );
      });
      const seenByInstitution = await call<{
        items: { proposalId: string; decision: { outcome: string } | null }[];
      }>(evaluation, 'GET', `/institutions/${bandungId}/selection?editionId=${editionId}`, {
        headers: localAdmin.headers,
      });
      expect(seenByInstitution.items).toEqual([
        expect.objectContaining({
          proposalId,
          decision: expect.objectContaining({ outcome: 'pass' }) as unknown,
        }),
      ]);
    });

    it('should assign two evaluators without conflicts and take their scores', async () => {
      evaluators.push(await reviewer('evaluator', 'dosen.satu', '34'));
      evaluators.push(await reviewer('evaluator', 'dosen.dua', '31'));
      await enterPhase('desk-evaluation');

      await eventually(async () => {
        await call(evaluation, 'POST', `/editions/${editionId}/assignments/run`, {
          headers: admin.headers,
        });
        expect(
          eventsOf(AssignmentCreatedV1).filter((a) => a.proposalId === proposalId),
        ).toHaveLength(2);
      });

      for (const [index, session] of evaluators.entries()) {
        const mine = await call<{
          items: { assignmentId: string; proposal: { proposalId: string } | null }[];
        }>(evaluation, 'GET', '/me/assignments', { headers: session.headers });
        const assignment = mine.items.find((item) => item.proposal?.proposalId === proposalId)!;
        const score = 90 - index * 2;
        const saved = await call<{ revision: number }>(
          evaluation,
          'PUT',
          `/assignments/${assignment.assignmentId}/sheet`,
          {
            headers: session.headers,
            body: {
              expectedRevision: 0,
              criteria: [
                { criterionId: 'novelty', score, comment: 'Gagasan baru untuk posyandu' },
                { criterionId: 'effectiveness', score, comment: 'Cakupan imunisasi naik' },
              ],
            },
          },
        );
        await call(evaluation, 'POST', `/assignments/${assignment.assignmentId}/sheet/submit`, {
          headers: session.headers,
          body: { expectedRevision: saved.revision },
        });
      }
      await eventually(() => {
        const scores = eventsOf(ScoreSubmittedV1).filter((s) => s.proposalId === proposalId);
        expect(scores.map((s) => s.weightedScore).sort()).toEqual([88, 90]);
      });
    });

    it('should calibrate, rank and name the proposal a finalist with a transparency report', async () => {
      await eventually(async () => {
        const calibration = await call<{
          proposals: { items: { proposalId: string; scoreCount: number }[] };
        }>(evaluation, 'GET', `/editions/${editionId}/calibration`, { headers: admin.headers });
        expect(
          calibration.proposals.items.find((p) => p.proposalId === proposalId)?.scoreCount,
        ).toBe(2);
      });
      await call(evaluation, 'POST', `/editions/${editionId}/calibration/run`, {
        headers: admin.headers,
      });
      for (const stage of ['desk', 'shortlist', 'finalists']) {
        await call(evaluation, 'POST', `/editions/${editionId}/stages/${stage}/publish`, {
          headers: admin.headers,
        });
      }
      await eventually(() => {
        const results = eventsOf(StageResultPublishedV1).filter((r) => r.proposalId === proposalId);
        expect(results.map((r) => [r.stage, r.advanced])).toEqual([
          ['desk', true],
          ['shortlist', true],
          ['finalists', true],
        ]);
      });
      const finalists = await call<{ report: Record<string, unknown> | null }>(
        evaluation,
        'GET',
        `/editions/${editionId}/stages/finalists`,
        { headers: admin.headers },
      );
      expect(finalists.report).not.toBeNull();
      const published = await evaluation.fetch(`/public/editions/${editionId}/finalists`);
      expect(JSON.stringify(await published.json())).toContain('Posyandu Digital Kota Bandung');
    });

    it('should take a public objection with evidence and publish its resolution without the objector', async () => {
      await enterPhase('objection');
      const form = new FormData();
      form.set('proposalId', proposalId);
      form.set('name', 'Warga Bandung');
      form.set('email', 'warga@example.id');
      form.set('grounds', 'Layanan ini menurut saya belum berjalan dua tahun penuh di kelurahan.');
      form.set(
        'evidence',
        new Blob([Buffer.from('%PDF-1.7\nBukti keberatan\n%%EOF')], { type: 'application/pdf' }),
        'bukti.pdf',
      );
      const filed = await evaluation.fetch(`/public/editions/${editionId}/objections`, {
        method: 'POST',
        body: form,
      });
      expect(filed.status).toBe(201);
      const { objectionId } = (await filed.json()) as { objectionId: string };
      await call(evaluation, 'POST', `/objections/${objectionId}/resolve`, {
        headers: admin.headers,
        body: {
          outcome: 'dismissed',
          reason: 'Keputusan kepala daerah menunjukkan layanan berjalan sejak Januari 2024.',
        },
      });
      await eventually(() => {
        expect(eventsOf(ObjectionFiledV1).map((o) => o.objectionId)).toContain(objectionId);
        expect(
          eventsOf(ObjectionResolvedV1).find((o) => o.objectionId === objectionId),
        ).toMatchObject({ outcome: 'dismissed' });
      });
      const outcomes = await evaluation.fetch(`/public/editions/${editionId}/objections`);
      const text = JSON.stringify(await outcomes.json());
      expect(text).toContain('dismissed');
      expect(text).not.toContain('warga@example.id');
      expect(text).not.toContain('Warga Bandung');
    });

    it('should book and confirm an interview slot and take the panel score', async () => {
      panelist = await reviewer('panelist', 'panel.satu', '35');
      await enterPhase('interview');
      const interviewDay = new Date(Date.now() + 48 * day).toISOString().slice(0, 10);
      const slots = await call<{ slotId: string }[]>(
        evaluation,
        'POST',
        `/editions/${editionId}/interview-slots`,
        {
          headers: admin.headers,
          body: { days: [{ date: interviewDay, start: '09:00', end: '10:00', timeZone: 'WIB' }] },
        },
      );
      const slotId = slots[0]!.slotId;
      await call(evaluation, 'POST', `/interview-slots/${slotId}/book`, {
        headers: localAdmin.headers,
        body: { proposalId },
      });
      await call(evaluation, 'POST', `/interview-slots/${slotId}/confirm`, {
        headers: localAdmin.headers,
      });
      await eventually(() => {
        const changes = eventsOf(InterviewScheduledV1).filter((i) => i.proposalId === proposalId);
        expect(changes.map((c) => c.change)).toEqual(['booked', 'confirmed']);
      });

      const sheet = await eventually(() =>
        call<{ revision: number }>(
          evaluation,
          'PUT',
          `/editions/${editionId}/panel-sheets/${proposalId}`,
          {
            headers: panelist.headers,
            body: {
              expectedRevision: 0,
              criteria: [{ criterionId: 'presentation', score: 92, comment: 'Jelas dan terukur' }],
            },
          },
        ),
      );
      await call(evaluation, 'POST', `/editions/${editionId}/panel-sheets/${proposalId}/submit`, {
        headers: panelist.headers,
        body: { expectedRevision: sheet.revision },
      });
    });

    it('should award the winner in plenary, issue a certificate anyone can verify, and give the unit its feedback', async () => {
      await enterPhase('plenary');
      await eventually(() =>
        call(evaluation, 'POST', `/editions/${editionId}/plenary/publish`, {
          headers: admin.headers,
          body: {},
        }),
      );
      const award = await eventually(() => {
        const found = eventsOf(AwardGrantedV1).find((a) => a.proposalId === proposalId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(award).toMatchObject({ institutionId: bandungId, year: 2031 });
      expect(award.tiers).toEqual(expect.arrayContaining(['finalist', 'top']));

      await call(evaluation, 'POST', `/editions/${editionId}/certificates/issue`, {
        headers: admin.headers,
      });
      const certificate = await eventually(() => {
        const found = eventsOf(CertificateIssuedV1).find((c) => c.proposalId === proposalId);
        expect(found).toBeDefined();
        return found!;
      });
      const verified = await evaluation.fetch(
        `/public/certificates/verify/${certificate.verificationCode}`,
      );
      expect(await verified.json()).toMatchObject({
        valid: true,
        certificate: { title: 'Posyandu Digital Kota Bandung', year: 2031 },
      });

      await enterPhase('results');
      const feedback = await eventually(() =>
        call<{ criteria: { criterionId: string; comments: unknown[] }[] }>(
          evaluation,
          'GET',
          `/proposals/${proposalId}/feedback`,
          { headers: unitSession.headers },
        ),
      );
      expect(feedback.criteria.map((c) => c.criterionId)).toEqual(['novelty', 'effectiveness']);
      expect(JSON.stringify(feedback)).not.toMatch(/acct_|dosen\./);
    });
  });

  describe('replication', () => {
    let innovationId: string;
    let replicationId: string;

    it('should put the winner in the public database, found without signing in soon after the award', async () => {
      const found = await eventually(async () => {
        const page = await call<{
          items: {
            innovationId: string;
            title: string;
            institutionId: string;
            awards: { tier: string; year: number }[];
          }[];
          total: number;
        }>(replication, 'GET', '/public/innovations?q=posyandu%20digital&year=2031');
        expect(page.items.map((item) => item.title)).toContain('Posyandu Digital Kota Bandung');
        return page.items.find((item) => item.title === 'Posyandu Digital Kota Bandung')!;
      });
      expect(found.institutionId).toBe(bandungId);
      expect(found.awards).toEqual(
        expect.arrayContaining([expect.objectContaining({ tier: 'top', year: 2031 })]),
      );
      innovationId = found.innovationId;
      const published = eventsOf(InnovationPublishedV1).find(
        (event) => event.innovation.innovationId === innovationId,
      );
      expect(published?.innovation.proposalIds).toContain(proposalId);
    });

    it("should record another institution's replication with its evidence, count it only once the origin counter-signs, and ask the origin by mail", async () => {
      const found = await call<{ items: { institutionId: string; code: string }[] }>(
        registration,
        'GET',
        '/institutions?q=Kota%20Surabaya&type=city',
        { headers: admin.headers },
      );
      const surabayaId = found.items.find((item) => item.code === '35.78')!.institutionId;
      const { session: surabaya } = await appointLocalAdmin({
        institutionId: surabayaId,
        name: 'Agus Prasetyo',
        email: 'agus.prasetyo@surabaya.go.id',
        userId: 'ortala.surabaya',
        newPassword: 'Ortala-Surabaya#2027-aman',
      });

      const registered = await eventually(async () => {
        const upload = new FormData();
        upload.set('innovationId', innovationId);
        upload.set('title', 'Posyandu Digital Kota Surabaya');
        upload.set(
          'mou',
          new Blob([Buffer.from('%PDF-1.7\nNota kesepahaman replikasi\n%%EOF')], {
            type: 'application/pdf',
          }),
          'mou.pdf',
        );
        const response = await replication.fetch('/replications', {
          method: 'POST',
          headers: { authorization: surabaya.headers.authorization! },
          body: upload,
        });
        expect(response.status).toBe(201);
        return (await response.json()) as { replicationId: string; confirmation: string };
      });
      expect(registered.confirmation).toBe('pending');
      replicationId = registered.replicationId;
      const beforeSigning = await call<{ replications: unknown[] }>(
        replication,
        'GET',
        `/public/replications?innovationId=${innovationId}`,
      );
      expect(beforeSigning.replications).toEqual([]);

      await call(replication, 'POST', `/replications/${replicationId}/countersign`, {
        headers: surabaya.headers,
        body: {},
        expect: [403],
      });
      await call(replication, 'POST', `/replications/${replicationId}/countersign`, {
        headers: localAdmin.headers,
        body: {},
      });
      const afterSigning = await call<{ replications: { replicationId: string }[] }>(
        replication,
        'GET',
        `/public/replications?innovationId=${innovationId}`,
      );
      expect(afterSigning.replications.map((r) => r.replicationId)).toEqual([replicationId]);
      const diffusion = await call<{ replications: number; provincesReached: unknown }>(
        replication,
        'GET',
        `/public/innovations/${innovationId}/diffusion`,
      );
      expect(diffusion.replications).toBe(1);
      expect(JSON.stringify(diffusion.provincesReached)).toContain('35');

      await eventually(() => {
        expect(eventsOf(ReplicationRecordedV1).map((event) => event.link.replicationId)).toContain(
          replicationId,
        );
        expect(
          eventsOf(CountersignRequestedV1).find((event) => event.replicationId === replicationId),
        ).toMatchObject({ originInstitutionId: bandungId, innovationId });
        expect(
          eventsOf(ReplicationCountersignedV1).find(
            (event) => event.link.replicationId === replicationId,
          )?.link.confirmation,
        ).toBe('confirmed');
      });
      await eventually(() => {
        const asked = smtp
          .to('rina.kusuma@bandung.go.id')
          .filter((mail) => mail.text.includes(`${portal}/replications/${replicationId}`));
        expect(asked).toHaveLength(1);
      });
    });
  });

  describe('notifications', () => {
    interface InboxItem {
      id: string;
      noticeId: string;
      template: string;
      subject: string;
      text: string;
      link: string | null;
      readAt: string | null;
      requiresAck: boolean;
      acknowledgedAt: string | null;
    }
    const inboxOf = async (session: SignedIn): Promise<InboxItem[]> =>
      (
        await call<{ items: InboxItem[] }>(notifications, 'GET', '/inbox?limit=100', {
          headers: session.headers,
        })
      ).items;
    // Mail goes out through the rate-limited sender after every earlier step's mail: on a
    // loaded machine that queue takes longer than the usual wait.
    const mailTo = (address: string, pattern: RegExp) =>
      eventually(
        () => {
          const found = smtp.to(address).filter((mail) => pattern.test(mail.text));
          expect(found).toHaveLength(1);
          return found[0]!;
        },
        { timeoutMs: 120_000 },
      );

    it('should have welcomed each new account by email in its language, with the way to sign in', async () => {
      const welcome = await mailTo('siti.rahmawati@bandung.go.id', /upp\.dukcapil\.bandung/);
      expect(welcome.subject).toMatch(/KIPP/);
      expect(welcome.text).toContain(`${portal}/sign-in`);
      expect(welcome.html).toContain(`${portal}/sign-in`);
      expect(welcome.text).not.toContain(operator.password);
      const decided = await mailTo('rina.kusuma@bandung.go.id', /disetujui oleh Sekretariat/);
      expect(decided.text).toContain('Pemerintah Kota Bandung');
      await mailTo('rina.kusuma@bandung.go.id', /ortala\.bandung/);
    });

    it("should keep the unit informed of its proposal's way, by email and in its inbox", async () => {
      const forwarded = await mailTo(
        'siti.rahmawati@bandung.go.id',
        new RegExp(`${portal}/proposals/${proposalId}(?!/)`),
      );
      expect(forwarded.text).toContain('Posyandu Digital Kota Bandung');
      const inbox = await eventually(async () => {
        const items = await inboxOf(unitSession);
        expect(items.map((item) => item.template)).toEqual(
          expect.arrayContaining([
            'account.welcome',
            'proposal.forwarded',
            'selection.decided',
            'stage.result',
            'award.granted',
            'certificate.issued',
          ]),
        );
        return items;
      });
      const unread = await call<{ unread: number; awaitingAcknowledgement: number }>(
        notifications,
        'GET',
        '/inbox/unread-count',
        { headers: unitSession.headers },
      );
      expect(unread.unread).toBe(inbox.filter((item) => item.readAt === null).length);
      const selection = inbox.find((item) => item.template === 'selection.decided')!;
      await call(notifications, 'POST', `/inbox/${selection.id}/read`, {
        headers: unitSession.headers,
      });
      const after = await call<{ unread: number }>(notifications, 'GET', '/inbox/unread-count', {
        headers: unitSession.headers,
      });
      expect(after.unread).toBe(unread.unread - 1);
    });

    it('should tell each evaluator of the work assigned, with the link to it', async () => {
      for (const evaluator of ['dosen.satu@ugm.ac.id', 'dosen.dua@ugm.ac.id']) {
        const mail = await mailTo(evaluator, /\/evaluation\/assignments\//);
        expect(mail.text).toContain(`${portal}/evaluation/assignments/`);
      }
    });

    it('should ask the institution to acknowledge official notices and show the secretariat who has', async () => {
      const items = await eventually(async () => {
        const found = (await inboxOf(localAdmin)).filter(
          (item) =>
            item.template === 'objection.resolved' || item.template === 'interview.scheduled',
        );
        expect(found).toHaveLength(2);
        return found;
      });
      expect(items.every((item) => item.requiresAck && item.acknowledgedAt === null)).toBe(true);
      const objection = items.find((item) => item.template === 'objection.resolved')!;
      await call(notifications, 'POST', `/inbox/${objection.id}/acknowledge`, {
        headers: localAdmin.headers,
      });
      const view = await call<{
        recipients: { accountId: string; acknowledgedAt: string | null }[];
      }>(
        notifications,
        'GET',
        `/notices/${encodeURIComponent(objection.noticeId)}/acknowledgements`,
        {
          headers: admin.headers,
        },
      );
      const byAccount = new Map(view.recipients.map((r) => [r.accountId, r.acknowledgedAt]));
      expect(byAccount.get(operator.accountId)).toBeNull();
      expect([...byAccount.values()].filter((at) => at !== null)).toHaveLength(1);
      await call(
        notifications,
        'GET',
        `/notices/${encodeURIComponent(objection.noticeId)}/acknowledgements`,
        {
          headers: unitSession.headers,
          expect: [403],
        },
      );
    });

    it("should carry the secretariat's broadcast to the edition's finalists once, in their language", async () => {
      const body = {
        subject: { id: 'Jadwal presentasi finalis', en: 'Finalist presentation schedule' },
        body: {
          id: 'Mohon hadir 15 menit sebelum jadwal presentasi.',
          en: 'Please arrive 15 minutes before your presentation.',
        },
        audience: { finalistsOf: editionId },
        requiresAck: true,
      };
      const headers = { ...admin.headers, 'idempotency-key': `finalists-${editionId}` };
      const sent = await call<{ broadcastId: string; recipientCount: number }>(
        notifications,
        'POST',
        '/broadcasts',
        { headers, body },
      );
      expect(sent.recipientCount).toBeGreaterThanOrEqual(2);
      const again = await call<{ broadcastId: string }>(notifications, 'POST', '/broadcasts', {
        headers,
        body,
      });
      expect(again.broadcastId).toBe(sent.broadcastId);
      await mailTo('siti.rahmawati@bandung.go.id', /15 menit sebelum/);
      await mailTo('rina.kusuma@bandung.go.id', /15 menit sebelum/);
      expect(
        smtp.to('dosen.satu@ugm.ac.id').filter((m) => /15 (menit|minutes)/.test(m.text)),
      ).toEqual([]);
      expect(eventsOf(MessageDeadLetteredV1)).toEqual([]);
    });
  });

  describe('registration, later', () => {
    it('should shut a deactivated unit account out, on record', async () => {
      await call(registration, 'POST', `/accounts/${operator.accountId}/deactivation`, {
        headers: localAdmin.headers,
        body: { reason: 'Pindah tugas' },
      });
      await call(registration, 'POST', '/sessions', {
        body: { userId: operator.userId, password: operator.password },
        expect: [401],
      });
      await eventually(() => {
        expect(
          eventsOf(AccountDeactivatedV1).filter((a) => a.accountId === operator.accountId),
        ).toHaveLength(1);
      });
    });
  });
});
