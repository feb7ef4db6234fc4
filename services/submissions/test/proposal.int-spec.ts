import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import type { App } from 'supertest/types';
import {
  ALL_EVENTS,
  editionConfigurationExample,
  EditionPublishedV1,
  EditionUpdatedV1,
  InstitutionRegisteredV1,
  ProposalForwardedV1,
  ProposalReturnedV1,
  ProposalWithdrawnV1,
  proposalSnapshotSchema,
  type EditionConfiguration,
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
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';

const DAY = 86_400_000;

interface ProposalBody {
  proposalId: string;
  status: string;
  revision: number;
  snapshotVersion: number | null;
  sections: { sectionId: string; text: string; wordCount: number; wordLimit: number }[];
  transitions: { from: string | null; to: string; by: string; comment: string | null }[];
  snapshot: unknown;
}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const body = (response: request.Response): ProposalBody => response.body as ProposalBody;
const error = (response: request.Response): ErrorBody['error'] =>
  (response.body as ErrorBody).error;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;

/** An edition open for submission now, with no required evidence (evidence/ tests those). */
function openEdition(editionId: string, generalQuota = 10): EditionConfiguration {
  const now = Date.now();
  return {
    ...editionConfigurationExample,
    editionId,
    groups: editionConfigurationExample.groups.map((g) =>
      g.groupId === 'general' ? { ...g, quotaPerInstitution: generalQuota } : g,
    ),
    form: { ...editionConfigurationExample.form, evidence: [] },
    calendar: [
      {
        phase: 'registration',
        startsAt: new Date(now - 10 * DAY).toISOString(),
        endsAt: new Date(now - DAY).toISOString(),
      },
      {
        phase: 'submission',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 10 * DAY).toISOString(),
      },
    ],
  };
}

describe('submissions service: proposal workflow', () => {
  let app: INestApplication<App>;
  let topics: TestTopics;
  let issuer: TestIssuer;
  let reader: TopicReader;
  let editions: Model<EditionProjection>;
  const database = uniqueName('submissions_proposals');
  const suffix = randomUUID().slice(0, 8);

  const http = () => request(app.getHttpServer());

  async function publishEdition(configuration: EditionConfiguration): Promise<void> {
    const event = buildEvent(EditionPublishedV1, { edition: configuration, revision: 1 });
    await produceRaw(topics.topicOf(EditionPublishedV1), [event]);
    await eventually(async () => {
      expect(await editions.exists({ _id: configuration.editionId })).not.toBeNull();
    });
  }

  async function publishInstitution(institutionId: string, provinceCode: string): Promise<void> {
    const event = buildEvent(InstitutionRegisteredV1, {
      institutionId,
      code: institutionId,
      provinceCode,
    });
    await produceRaw(topics.topicOf(InstitutionRegisteredV1), [event]);
    const admin = await issuer.headers(['national_admin']);
    await eventually(() => http().get(`/institutions/${institutionId}`).set(admin).expect(200));
  }

  const unit = (institutionId: string, unitId: string) =>
    issuer.headers(['unit_operator'], { institutionId, unitId });
  const localAdmin = (institutionId: string) => issuer.headers(['local_admin'], { institutionId });

  async function draft(
    headers: Record<string, string>,
    editionId: string,
    title: string,
  ): Promise<ProposalBody> {
    const response = await http()
      .post('/proposals')
      .set(headers)
      .send({ editionId, groupId: 'general', categoryId: 'health', title })
      .expect(201);
    return body(response);
  }

  /** Fills every required section, the start date and the declaration, then submits. */
  async function completeAndSubmit(
    headers: Record<string, string>,
    proposal: ProposalBody,
  ): Promise<ProposalBody> {
    const saved = await http()
      .put(`/proposals/${proposal.proposalId}`)
      .set(headers)
      .send({
        revision: proposal.revision,
        innovationStartDate: '2020-01-15',
        sections: [
          { sectionId: 'summary', text: 'Layanan antrean daring untuk puskesmas' },
          { sectionId: 'innovative-idea', text: 'Pasien mendaftar dari rumah' },
        ],
      })
      .expect(200);
    const signed = await http()
      .post(`/proposals/${proposal.proposalId}/integrity-declaration`)
      .set(headers)
      .send({ revision: body(saved).revision })
      .expect(200);
    expect(body(signed).revision).toBeGreaterThan(body(saved).revision);
    return body(
      await http().post(`/proposals/${proposal.proposalId}/submit`).set(headers).expect(200),
    );
  }

  beforeAll(async () => {
    topics = await createTestTopics(ALL_EVENTS);
    issuer = await TestIssuer.publish(topics);
    reader = await TopicReader.start([
      topics.topicOf(ProposalForwardedV1),
      topics.topicOf(ProposalReturnedV1),
      topics.topicOf(ProposalWithdrawnV1),
    ]);
    const config = loadSubmissionsConfig(serviceTestEnv({ database, topicPrefix: topics.prefix }));
    app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.init();
    await eventually(async () => {
      await http().get('/health/ready').expect(200);
    });
    editions = app.get<Model<EditionProjection>>(getModelToken(EDITION_PROJECTION_MODEL), {
      strict: false,
    });
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
    await topics.dispose();
    const connection = await mongoose
      .createConnection(testInfrastructure.mongoUri, { dbName: database })
      .asPromise();
    await connection.dropDatabase();
    await connection.close();
  });

  it('should take a proposal from draft through return and forward to withdrawal when everyone acts in turn', async () => {
    const editionId = `ed_flow_${suffix}`;
    const institutionId = `inst_flow_${suffix}`;
    await publishEdition(openEdition(editionId));
    await publishInstitution(institutionId, '32');
    const editorA = await unit(institutionId, 'unit_a');
    const editorB = await unit(institutionId, 'unit_a');
    const admin = await localAdmin(institutionId);
    const national = await issuer.headers(['national_admin']);

    const created = await draft(editorA, editionId, 'Antrean daring puskesmas');
    expect(created).toMatchObject({ status: 'draft', revision: 1 });
    expect(created.sections.map((s) => [s.sectionId, s.wordLimit])).toEqual([
      ['summary', 200],
      ['innovative-idea', 600],
    ]);

    // Both editors read revision 1; the first save wins, the second is refused.
    const first = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(editorA)
      .send({ revision: 1, sections: [{ sectionId: 'summary', text: 'teks editor pertama' }] })
      .expect(200);
    expect(body(first).revision).toBe(2);
    const stale = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(editorB)
      .send({ revision: 1, sections: [{ sectionId: 'summary', text: 'teks editor kedua' }] })
      .expect(409);
    expect(error(stale)).toMatchObject({
      code: 'PROPOSAL_REVISION_CONFLICT',
      details: { expectedRevision: 1, currentRevision: 2 },
    });
    const afterConflict = await http()
      .get(`/proposals/${created.proposalId}`)
      .set(editorB)
      .expect(200);
    expect(body(afterConflict).sections.find((s) => s.sectionId === 'summary')).toMatchObject({
      text: 'teks editor pertama',
      wordCount: 3,
    });

    // The required innovative-idea section is still empty and nothing is signed.
    const blocked = await http()
      .post(`/proposals/${created.proposalId}/submit`)
      .set(editorA)
      .expect(422);
    expect(error(blocked).code).toBe('PROPOSAL_NOT_READY');
    const failing = (error(blocked).details?.failing ?? []) as { check: string }[];
    expect(failing.map((c) => c.check)).toEqual(
      expect.arrayContaining(['required-sections', 'integrity-declaration']),
    );

    const submitted = await completeAndSubmit(editorA, body(afterConflict));
    expect(submitted.status).toBe('submitted');

    const returned = await http()
      .post(`/proposals/${created.proposalId}/return`)
      .set(admin)
      .send({ comment: 'Lengkapi ringkasan' })
      .expect(200);
    expect(body(returned).status).toBe('returned');
    const returnedEvent = await eventually(() => {
      const message = reader
        .on(topics.topicOf(ProposalReturnedV1))
        .find((m) => m.key === created.proposalId);
      expect(message).toBeDefined();
      return message;
    });
    expect(payloadOf(returnedEvent?.value ?? null)).toMatchObject({
      proposalId: created.proposalId,
      comment: 'Lengkapi ringkasan',
    });
    const seenByUnit = body(
      await http().get(`/proposals/${created.proposalId}`).set(editorA).expect(200),
    );
    expect(seenByUnit.transitions.map((t) => [t.from, t.to, t.comment])).toEqual([
      [null, 'draft', null],
      ['draft', 'submitted', null],
      ['submitted', 'returned', 'Lengkapi ringkasan'],
    ]);

    const edited = await http()
      .put(`/proposals/${created.proposalId}`)
      .set(editorA)
      .send({
        revision: seenByUnit.revision,
        sections: [{ sectionId: 'summary', text: 'Ringkasan yang sudah dilengkapi' }],
      })
      .expect(200);
    await http().post(`/proposals/${created.proposalId}/submit`).set(editorA).expect(200);
    expect(body(edited).status).toBe('returned');

    const forwarded = await http()
      .post(`/proposals/${created.proposalId}/forward`)
      .set(admin)
      .expect(200);
    expect(body(forwarded)).toMatchObject({ status: 'forwarded', snapshotVersion: 1 });
    const forwardedEvent = await eventually(() => {
      const message = reader
        .on(topics.topicOf(ProposalForwardedV1))
        .find((m) => m.key === created.proposalId);
      expect(message).toBeDefined();
      return message;
    });
    const snapshot = proposalSnapshotSchema.parse(
      payloadOf(forwardedEvent?.value ?? null).snapshot,
    );
    expect(snapshot.snapshotVersion).toBe(1);
    expect(snapshot.sections).toEqual(
      expect.arrayContaining([
        { sectionId: 'summary', text: 'Ringkasan yang sudah dilengkapi', wordCount: 4 },
        { sectionId: 'innovative-idea', text: 'Pasien mendaftar dari rumah', wordCount: 4 },
      ]),
    );

    const ministry = await http().get(`/proposals/${created.proposalId}`).set(national).expect(200);
    expect(body(ministry)).toMatchObject({ status: 'forwarded', snapshotVersion: 1 });
    expect(proposalSnapshotSchema.parse(body(ministry).snapshot)).toEqual(snapshot);
    const listed = await http().get('/proposals').query({ editionId }).set(national).expect(200);
    expect((listed.body as { items: ProposalBody[] }).items.map((p) => p.proposalId)).toEqual([
      created.proposalId,
    ]);

    const withdrawn = await http()
      .post(`/proposals/${created.proposalId}/withdraw`)
      .set(editorA)
      .expect(200);
    expect(body(withdrawn).status).toBe('withdrawn');
    const withdrawnEvent = await eventually(() => {
      const message = reader
        .on(topics.topicOf(ProposalWithdrawnV1))
        .find((m) => m.key === created.proposalId);
      expect(message).toBeDefined();
      return message;
    });
    expect(payloadOf(withdrawnEvent?.value ?? null)).toMatchObject({ wasForwarded: true });
  });

  it('should forward exactly one of two proposals when two forwards race for the last quota place', async () => {
    const editionId = `ed_quota_${suffix}`;
    const institutionId = `inst_quota_${suffix}`;
    await publishEdition(openEdition(editionId, 1));
    await publishInstitution(institutionId, '32');
    const operator = await unit(institutionId, 'unit_q');
    const admin = await localAdmin(institutionId);
    const one = await completeAndSubmit(operator, await draft(operator, editionId, 'Satu pintu'));
    const two = await completeAndSubmit(
      operator,
      await draft(operator, editionId, 'Perizinan keliling desa'),
    );

    const responses = await Promise.all(
      [one, two].map((p) => http().post(`/proposals/${p.proposalId}/forward`).set(admin)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = responses.find((r) => r.status === 409);
    expect(refused && error(refused).code).toBe('QUOTA_EXCEEDED');
    const ids = new Set([one.proposalId, two.proposalId]);
    await eventually(() => {
      expect(
        reader.on(topics.topicOf(ProposalForwardedV1)).filter((m) => ids.has(m.key ?? '')),
      ).toHaveLength(1);
    });
    const statuses = await Promise.all(
      [one, two].map(async (p) =>
        body(await http().get(`/proposals/${p.proposalId}`).set(admin).expect(200)),
      ),
    );
    expect(statuses.map((p) => p.status).sort()).toEqual(['forwarded', 'submitted']);

    // The counters the forwards met, as the local admin and the national admin read them.
    const usage = (await http().get(`/editions/${editionId}/quota-usage`).set(admin).expect(200))
      .body as { institutionId: string; groups: { groupId: string; used: number }[] };
    expect(usage.institutionId).toBe(institutionId);
    expect(usage.groups).toEqual(
      expect.arrayContaining([
        { groupId: 'general', quota: 1, used: 1, left: 0 },
        expect.objectContaining({ groupId: 'replication', used: 0 }),
      ]),
    );
    const national = await issuer.headers(['national_admin']);
    const asMinistry = await http()
      .get(`/editions/${editionId}/quota-usage`)
      .query({ institutionId })
      .set(national)
      .expect(200);
    expect(asMinistry.body).toEqual(usage);
    const unnamed = await http()
      .get(`/editions/${editionId}/quota-usage`)
      .set(national)
      .expect(400);
    expect(error(unnamed).code).toBe('VALIDATION_FAILED');
    await http()
      .get(`/editions/${editionId}/quota-usage`)
      .query({ institutionId: `inst_other_${suffix}` })
      .set(admin)
      .expect(403);
    await http().get(`/editions/${editionId}/quota-usage`).set(operator).expect(403);
    const unknown = await http().get(`/editions/ed_unknown_${suffix}/quota-usage`).set(admin);
    expect([unknown.status, error(unknown).code]).toEqual([404, 'EDITION_NOT_FOUND']);
  });

  it('should refuse a save with the close time in WITA when the submission phase has ended', async () => {
    const editionId = `ed_closed_${suffix}`;
    const institutionId = `inst_makassar_${suffix}`;
    const configuration = openEdition(editionId);
    await publishEdition(configuration);
    await publishInstitution(institutionId, '73');
    const operator = await unit(institutionId, 'unit_m');
    const created = await draft(operator, editionId, 'Layanan di Makassar');

    const closedAt = new Date(Date.now() - 1000);
    const closed: EditionConfiguration = {
      ...configuration,
      calendar: configuration.calendar.map((entry) =>
        entry.phase === 'submission' ? { ...entry, endsAt: closedAt.toISOString() } : entry,
      ),
    };
    await produceRaw(topics.topicOf(EditionUpdatedV1), [
      buildEvent(EditionUpdatedV1, { edition: closed, revision: 2, changed: ['calendar'] }),
    ]);
    await eventually(async () => {
      expect((await editions.findById(editionId).lean())?.revision).toBe(2);
    });

    const local = (hours: number, zone: string) =>
      `${new Date(closedAt.getTime() + hours * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} ${zone}`;
    const save = { revision: created.revision, title: 'Layanan di Makassar (revisi)' };
    const wita = await http().put(`/proposals/${created.proposalId}`).set(operator).send(save);
    expect(wita.status).toBe(409);
    expect(error(wita)).toMatchObject({
      code: 'SUBMISSION_CLOSED',
      details: {
        closesAt: closedAt.toISOString(),
        closesAtLocal: local(8, 'WITA'),
        timeZone: 'WITA',
      },
    });
    expect(error(wita).message).toContain(local(8, 'WITA'));

    const wit = await http()
      .put(`/proposals/${created.proposalId}`)
      .query({ tz: 'WIT' })
      .set(operator)
      .send(save);
    expect(wit.status).toBe(409);
    expect(error(wit).message).toContain(local(9, 'WIT'));

    await http().post(`/proposals/${created.proposalId}/submit`).set(operator).expect(409);
    const unchanged = await http()
      .get(`/proposals/${created.proposalId}`)
      .set(operator)
      .expect(200);
    expect(body(unchanged)).toMatchObject({ status: 'draft', revision: created.revision });
  });

  describe('authorization', () => {
    const editionId = `ed_auth_${suffix}`;
    const institutionId = `inst_auth_${suffix}`;
    let submitted: ProposalBody;
    let drafted: ProposalBody;
    let outsiders: Record<string, Record<string, string>>;

    beforeAll(async () => {
      await publishEdition(openEdition(editionId));
      await publishInstitution(institutionId, '32');
      const operator = await unit(institutionId, 'unit_own');
      submitted = await completeAndSubmit(
        operator,
        await draft(operator, editionId, 'Pengaduan terpadu'),
      );
      drafted = await draft(operator, editionId, 'Arsip digital kelurahan');
      outsiders = {
        'a unit operator of another unit of the same institution': await unit(
          institutionId,
          'unit_other',
        ),
        'a local admin of another institution': await localAdmin(`inst_other_${suffix}`),
        'an evaluator': await issuer.headers(['evaluator']),
        'a panelist': await issuer.headers(['panelist']),
      };
    });

    /** Every proposal route; `sendTo` calls the same route for another id. */
    const routes = (id: string, revision: number) => {
      const all: { name: string; sendTo: (target: string) => request.Test }[] = [
        { name: 'GET /proposals/:id', sendTo: (t) => http().get(`/proposals/${t}`) },
        {
          name: 'PUT /proposals/:id',
          sendTo: (t) => http().put(`/proposals/${t}`).send({ revision, title: 'Diambil alih' }),
        },
        {
          name: 'POST integrity-declaration',
          sendTo: (t) => http().post(`/proposals/${t}/integrity-declaration`).send({ revision }),
        },
        { name: 'POST submit', sendTo: (t) => http().post(`/proposals/${t}/submit`) },
        {
          name: 'POST return',
          sendTo: (t) => http().post(`/proposals/${t}/return`).send({ comment: 'bukan milikmu' }),
        },
        { name: 'POST forward', sendTo: (t) => http().post(`/proposals/${t}/forward`) },
        { name: 'POST withdraw', sendTo: (t) => http().post(`/proposals/${t}/withdraw`) },
      ];
      return all.map((route) => ({ ...route, send: () => route.sendTo(id) }));
    };

    /** Status and code only: what a caller learns from an answer. */
    const outcome = async (send: () => request.Test, headers: Record<string, string>) => {
      const response = await send().set(headers);
      return {
        status: response.status,
        code: (response.body as Partial<ErrorBody>).error?.code ?? null,
      };
    };

    it('should answer an outsider exactly as for a proposal that does not exist when it is out of their scope', async () => {
      const unknown = `prop_${randomUUID()}`;
      for (const [who, headers] of Object.entries(outsiders)) {
        for (const target of [submitted, drafted]) {
          for (const route of routes(target.proposalId, target.revision)) {
            const answer = await outcome(route.send, headers);
            expect({ who, route: route.name, answer }).toEqual({
              who,
              route: route.name,
              answer: await outcome(() => route.sendTo(unknown), headers),
            });
            expect([403, 404]).toContain(answer.status);
          }
        }
        const list = await http().get('/proposals').query({ editionId }).set(headers);
        const items = (list.body as { items?: ProposalBody[] }).items ?? [];
        expect({ who, status: list.status, items }).toEqual({
          who,
          status: who === 'an evaluator' || who === 'a panelist' ? 403 : 200,
          items: [],
        });
      }
      const owner = await unit(institutionId, 'unit_own');
      for (const target of [submitted, drafted]) {
        const now = await http().get(`/proposals/${target.proposalId}`).set(owner).expect(200);
        expect(body(now)).toMatchObject({ status: target.status, revision: target.revision });
      }
    });

    it('should refuse evaluators and panelists every proposal route when they call it', async () => {
      for (const role of ['evaluator', 'panelist'] as const) {
        const headers = await issuer.headers([role]);
        for (const route of routes(submitted.proposalId, submitted.revision)) {
          expect({ role, route: route.name, ...(await outcome(route.send, headers)) }).toEqual({
            role,
            route: route.name,
            status: 403,
            code: 'AUTH_FORBIDDEN',
          });
        }
      }
    });

    it('should not show a proposal to the national admin when it was never forwarded', async () => {
      const national = await issuer.headers(['national_admin']);
      for (const target of [drafted, submitted]) {
        const response = await http()
          .get(`/proposals/${target.proposalId}`)
          .set(national)
          .expect(404);
        expect(error(response).code).toBe('PROPOSAL_NOT_FOUND');
      }
      const list = await http().get('/proposals').query({ editionId }).set(national).expect(200);
      expect((list.body as { items: ProposalBody[] }).items).toEqual([]);
      for (const route of routes(drafted.proposalId, drafted.revision).slice(1)) {
        expect({ route: route.name, status: (await route.send().set(national)).status }).toEqual({
          route: route.name,
          status: 403,
        });
      }
    });

    it('should answer 401 when the caller has no token', async () => {
      await http().get('/proposals').expect(401);
      for (const route of routes(submitted.proposalId, submitted.revision)) {
        expect({ route: route.name, status: (await route.send()).status }).toEqual({
          route: route.name,
          status: 401,
        });
      }
    });
  });
});
