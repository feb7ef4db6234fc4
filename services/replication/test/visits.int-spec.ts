import type { Connection } from 'mongoose';
import { VisitConfirmedV1, VisitRecordedV1, type PayloadOf } from '@kipp/contracts';
import { getConnectionToken } from '@kipp/mongo';
import { eventually, TopicReader, type ReadMessage } from '@kipp/testing';
import { INNOVATION_MODEL, type InnovationDocument } from '../src/catalogue/innovation.schema';
import { INSTITUTION_ENTRY_MODEL, type InstitutionEntry } from '../src/directory/directory.schema';
import { startReplicationApp, type ReplicationTestApp } from './replication-test-app';

/*
 * Visits (studi tiru) to one innovation of Kota Bandung (inst_bdg): Yogyakarta (inst_jogja)
 * visits and then records a replication; Surabaya (inst_sby) had recorded its replication
 * before its visit; Malang (inst_mlg) visits but its link is disputed.
 */

const INNOVATION = 'inv_visits_1';
const institutions: [string, string][] = [
  ['inst_bdg', 'Pemerintah Kota Bandung'],
  ['inst_jogja', 'Pemerintah Kota Yogyakarta'],
  ['inst_sby', 'Pemerintah Kota Surabaya'],
  ['inst_mlg', 'Pemerintah Kota Malang'],
];

type VisitPayload = PayloadOf<typeof VisitRecordedV1>;

interface VisitBody {
  visitId: string;
  innovationId: string;
  originInstitutionId: string;
  visitorInstitutionId: string;
  visitorInstitutionName: string | null;
  visitedOn: string;
  purpose: string;
  confirmed: boolean;
  confirmedAt: string | null;
  ledToReplication: boolean;
}

function payloadsOf(messages: ReadMessage[]): VisitPayload[] {
  return messages.map(
    (message) => (JSON.parse(message.value ?? '{}') as { payload: VisitPayload }).payload,
  );
}

describe('visits (studi tiru)', () => {
  let app: ReplicationTestApp;
  let reader: TopicReader;
  let recordedTopic: string;
  let confirmedTopic: string;

  const as = (role: 'local_admin' | 'unit_operator', institutionId: string) =>
    app.issuer.headers([role], {
      institutionId,
      ...(role === 'unit_operator' ? { unitId: 'unit_dinkes' } : {}),
    });

  const record = async (visitorInstitutionId: string, visitedOn: string, purpose: string) => {
    const response = await app
      .http()
      .post(`/innovations/${INNOVATION}/visits`)
      .set(await as('local_admin', 'inst_bdg'))
      .send({ visitorInstitutionId, visitedOn, purpose })
      .expect(201);
    return response.body as VisitBody;
  };

  const confirm = async (visitId: string, institutionId: string) =>
    app
      .http()
      .post(`/visits/${visitId}/confirm`)
      .set(await as('local_admin', institutionId));

  beforeAll(async () => {
    app = await startReplicationApp({ env: { CHECK_IN_ENABLED: 'false' } });
    recordedTopic = app.topics.topicOf(VisitRecordedV1);
    confirmedTopic = app.topics.topicOf(VisitConfirmedV1);
    reader = await TopicReader.start([recordedTopic, confirmedTopic]);
    await app.model<InstitutionEntry>(INSTITUTION_ENTRY_MODEL).insertMany(
      institutions.map(([id, name]) => ({
        _id: id,
        code: id,
        name,
        type: 'city',
        provinceCode: '32',
        disadvantaged: false,
        revision: 1,
      })),
    );
    const innovation: Omit<InnovationDocument, 'createdAt' | 'updatedAt'> = {
      _id: INNOVATION,
      revision: 1,
      title: 'Posyandu Digital Kota Bandung',
      institutionId: 'inst_bdg',
      institutionName: 'Pemerintah Kota Bandung',
      institutionType: 'city',
      provinceCode: '32',
      unitId: 'unit_dinkes',
      categoryId: 'health',
      sdgTargets: ['3.8'],
      sections: [],
      proposalIds: ['prop_visits_1'],
      awards: [{ editionId: 'ed_2027', year: 2027, groupId: 'general', tier: 'top' }],
      status: 'active',
      publishedAt: new Date('2027-07-15T03:00:00.000Z'),
    };
    await app.model<InnovationDocument>(INNOVATION_MODEL).create(innovation);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  it('should record a visit and let the visitor confirm it once, with one event each', async () => {
    const recorded = await record('inst_jogja', '2025-02-12', 'Studi tiru Posyandu Digital');
    expect(recorded).toMatchObject({
      innovationId: INNOVATION,
      originInstitutionId: 'inst_bdg',
      visitorInstitutionId: 'inst_jogja',
      visitedOn: '2025-02-12',
      purpose: 'Studi tiru Posyandu Digital',
      confirmed: false,
      confirmedAt: null,
      visitorInstitutionName: 'Pemerintah Kota Yogyakarta',
      ledToReplication: false,
    });
    expect(recorded.visitId).toMatch(/^vis_/);

    const first = await confirm(recorded.visitId, 'inst_jogja');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ visitId: recorded.visitId, confirmed: true });
    const again = await confirm(recorded.visitId, 'inst_jogja');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      confirmed: true,
      confirmedAt: (first.body as VisitBody).confirmedAt,
    });

    // A later confirmation is the marker: once it is through, a duplicate would be too.
    const marker = await record('inst_sby', '2025-03-01', 'Kunjungan kerja');
    expect((await confirm(marker.visitId, 'inst_sby')).status).toBe(200);
    await eventually(() => {
      const confirmedIds = payloadsOf(reader.on(confirmedTopic)).map((p) => p.visitId);
      expect(confirmedIds).toContain(marker.visitId);
    });
    const recordedPayloads = payloadsOf(reader.on(recordedTopic)).filter(
      (p) => p.visitId === recorded.visitId,
    );
    expect(recordedPayloads).toEqual([
      expect.objectContaining({
        visitId: recorded.visitId,
        innovationId: INNOVATION,
        originInstitutionId: 'inst_bdg',
        visitorInstitutionId: 'inst_jogja',
        visitedOn: '2025-02-12',
        purpose: 'Studi tiru Posyandu Digital',
        confirmed: false,
      }),
    ]);
    const confirmedPayloads = payloadsOf(reader.on(confirmedTopic)).filter(
      (p) => p.visitId === recorded.visitId,
    );
    expect(confirmedPayloads).toHaveLength(1);
    expect(confirmedPayloads[0]).toMatchObject({ confirmed: true, changedBy: { kind: 'account' } });
    const keys = reader
      .on(confirmedTopic)
      .filter((message) => message.value?.includes(recorded.visitId))
      .map((message) => message.key);
    expect(keys).toEqual([recorded.visitId]);
  });

  it('should let only the origin record and only the visitor confirm', async () => {
    const body = { visitorInstitutionId: 'inst_mlg', visitedOn: '2025-04-01', purpose: 'Studi' };
    const post = () => app.http().post(`/innovations/${INNOVATION}/visits`);
    await post().send(body).expect(401);
    await post()
      .set(await as('local_admin', 'inst_jogja'))
      .send(body)
      .expect(403);
    await post()
      .set(await app.issuer.headers(['national_admin']))
      .send(body)
      .expect(403);
    await post()
      .set(await app.issuer.headers(['evaluator']))
      .send(body)
      .expect(403);
    const byOperator = await post()
      .set(await as('unit_operator', 'inst_bdg'))
      .send(body)
      .expect(201);
    const visitId = (byOperator.body as VisitBody).visitId;

    const origin = await confirm(visitId, 'inst_bdg');
    expect(origin.status).toBe(403);
    expect((origin.body as { error: { code: string } }).error.code).toBe('AUTH_FORBIDDEN');
    expect((await confirm(visitId, 'inst_jogja')).status).toBe(403);
    expect((await confirm('vis_unknown', 'inst_mlg')).status).toBe(404);
    const stored = await app
      .http()
      .get(`/innovations/${INNOVATION}/visits`)
      .set(await as('local_admin', 'inst_bdg'));
    expect(
      (stored.body as { visits: VisitBody[] }).visits.find((v) => v.visitId === visitId),
    ).toMatchObject({ confirmed: false });
  });

  it('should answer bad input with a stable 4xx code and write nothing', async () => {
    const headers = await as('local_admin', 'inst_bdg');
    const post = (body: object, innovationId = INNOVATION) =>
      app.http().post(`/innovations/${innovationId}/visits`).set(headers).send(body);
    const valid = { visitorInstitutionId: 'inst_mlg', visitedOn: '2025-04-01', purpose: 'Studi' };
    const cases: [object, number, string, string?][] = [
      [{ ...valid, visitedOn: '01-04-2028' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, purpose: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, extra: true }, 400, 'VALIDATION_FAILED'],
      [{ visitedOn: '2025-04-01', purpose: 'Studi' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, visitorInstitutionId: 'inst_bdg' }, 422, 'VISIT_BY_ORIGIN'],
      [{ ...valid, visitorInstitutionId: 'inst_nowhere' }, 422, 'VISITOR_INSTITUTION_UNKNOWN'],
      [{ ...valid, visitedOn: '2999-01-01' }, 422, 'VISIT_IN_FUTURE'],
      [valid, 404, 'INNOVATION_NOT_FOUND', 'inv_unknown'],
    ];
    const before = await app.model('Visit').countDocuments();
    for (const [body, status, code, innovationId] of cases) {
      const response = await post(body, innovationId);
      expect({
        status: response.status,
        code: (response.body as { error: { code: string } }).error.code,
      }).toEqual({ status, code });
    }
    expect(await app.model('Visit').countDocuments()).toBe(before);
  });

  it('should show each side its visits, the public confirmed ones, and which led to a replication', async () => {
    const jogja = await record('inst_jogja', '2025-05-02', 'Studi tiru kedua');
    const sby = await record('inst_sby', '2025-05-03', 'Kunjungan setelah replikasi');
    const mlg = await record('inst_mlg', '2025-05-04', 'Studi tiru Malang');
    const unconfirmed = await record('inst_mlg', '2025-05-05', 'Belum dikonfirmasi');
    for (const [visit, visitor] of [
      [jogja, 'inst_jogja'],
      [sby, 'inst_sby'],
      [mlg, 'inst_mlg'],
    ] as const) {
      expect((await confirm(visit.visitId, visitor)).status).toBe(200);
    }
    const connection = app.app.get<Connection>(getConnectionToken());
    const link = (adopterInstitutionId: string, confirmation: string, recordedAt: string) => ({
      _id: `rep_${adopterInstitutionId}`,
      innovationId: INNOVATION,
      originInstitutionId: 'inst_bdg',
      adopterInstitutionId,
      confirmation,
      withdrawnAt: null,
      recordedAt: new Date(recordedAt),
    });
    await connection
      .collection('replication_links')
      .insertMany([
        link('inst_jogja', 'confirmed', '2025-06-01T00:00:00.000Z'),
        link('inst_sby', 'confirmed', '2025-01-10T00:00:00.000Z'),
        link('inst_mlg', 'disputed', '2025-06-01T00:00:00.000Z'),
      ] as never[]);

    const list = async (headers: Record<string, string>) => {
      const response = await app
        .http()
        .get(`/innovations/${INNOVATION}/visits`)
        .set(headers)
        .expect(200);
      return (response.body as { visits: VisitBody[] }).visits;
    };
    const origin = await list(await as('local_admin', 'inst_bdg'));
    const byId = new Map(origin.map((visit) => [visit.visitId, visit]));
    expect(byId.get(jogja.visitId)).toMatchObject({
      visitorInstitutionName: 'Pemerintah Kota Yogyakarta',
      confirmed: true,
      ledToReplication: true,
    });
    expect(byId.get(sby.visitId)).toMatchObject({ confirmed: true, ledToReplication: false });
    expect(byId.get(mlg.visitId)).toMatchObject({ confirmed: true, ledToReplication: false });
    expect(byId.get(unconfirmed.visitId)).toMatchObject({
      confirmed: false,
      ledToReplication: false,
    });
    // Confirming again answers the visit as the list shows it, replication included.
    expect((await confirm(jogja.visitId, 'inst_jogja')).body).toMatchObject({
      visitId: jogja.visitId,
      ledToReplication: true,
    });
    expect(origin.map((visit) => visit.visitedOn)).toEqual(
      [...origin.map((v) => v.visitedOn)].sort(),
    );

    const admin = await list(await app.issuer.headers(['national_admin']));
    expect(admin.map((visit) => visit.visitId).sort()).toEqual(origin.map((v) => v.visitId).sort());
    const visitor = await list(await as('local_admin', 'inst_mlg'));
    expect(visitor.map((visit) => visit.visitId).sort()).toEqual(
      origin
        .filter((v) => v.visitorInstitutionId === 'inst_mlg')
        .map((v) => v.visitId)
        .sort(),
    );
    expect(await list(await as('local_admin', 'inst_elsewhere'))).toEqual([]);
    await app.http().get(`/innovations/${INNOVATION}/visits`).expect(401);

    const publicList = await app.http().get(`/public/innovations/${INNOVATION}/visits`).expect(200);
    const publicVisits = (publicList.body as { visits: Record<string, unknown>[] }).visits;
    expect(publicVisits.map((visit) => visit.visitId)).not.toContain(unconfirmed.visitId);
    expect(publicVisits).toContainEqual({
      visitId: jogja.visitId,
      visitedOn: '2025-05-02',
      visitorInstitutionName: 'Pemerintah Kota Yogyakarta',
      purpose: 'Studi tiru kedua',
      ledToReplication: true,
    });
    expect(publicVisits.every((visit) => Object.keys(visit).length === 5)).toBe(true);
    await app.http().get('/public/innovations/inv_unknown/visits').expect(404);
  });
});
