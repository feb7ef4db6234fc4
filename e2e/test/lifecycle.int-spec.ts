import mongoose from 'mongoose';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  ALL_EVENTS,
  editionConfigurationExample,
  EditionPhaseChangedV1,
  EditionPublishedV1,
  ProposalForwardedV1,
  InstitutionRegisteredV1,
  LocalAdminRequestDecidedV1,
  type EventDescriptor,
} from '@kipp/contracts';
import {
  createTestTopics,
  eventually,
  serviceTestEnv,
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
  const databases = {
    registration: uniqueName('life_registration'),
    submissions: uniqueName('life_submissions'),
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
    });
    submissions = await ServiceProcess.start(
      'submissions',
      serviceTestEnv({
        database: databases.submissions,
        topicPrefix: topics.prefix,
        logLevel: 'info',
      }),
    );
  });

  afterAll(async () => {
    await Promise.all([registration.stop(), submissions.stop()]);
    await reader.stop();
    await topics.dispose();
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
              endsAt: new Date(now + 30 * 86_400_000).toISOString(),
            },
          ],
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
      const form = new FormData();
      form.set('institutionId', bandungId);
      form.set('candidateName', 'Rina Kusuma');
      form.set('candidateEmail', 'rina.kusuma@bandung.go.id');
      form.set('candidateUserId', 'ortala.bandung');
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
        {
          headers: admin.headers,
          body: { decision: 'approved', reason: null },
        },
      );
      await eventually(() => {
        expect(
          eventsOf(LocalAdminRequestDecidedV1).find((d) => d.requestId === requestId),
        ).toMatchObject({
          decision: 'approved',
          institutionId: bandungId,
        });
      });

      localAdmin = await new PortalClient(
        registration,
        'ortala.bandung',
        decided.initialPassword,
      ).signIn('Ortala-Bandung#2027-aman');
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
    let proposalId: string;
    let revision: number;
    let unitSession: SignedIn;

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
