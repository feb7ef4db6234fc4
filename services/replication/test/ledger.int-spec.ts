import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import {
  CountersignRequestedV1,
  ProposalForwardedV1,
  ProposalWithdrawnV1,
  proposalSnapshotExample,
  ReplicationCountersignedV1,
  ReplicationDisputedV1,
  ReplicationRecordedV1,
  ReplicationStatusChangedV1,
} from '@kipp/contracts';
import type { Role } from '@kipp/auth';
import { eventually, TopicReader } from '@kipp/testing';
import { INNOVATION_MODEL, type InnovationDocument } from '../src/catalogue/innovation.schema';
import { INSTITUTION_ENTRY_MODEL } from '../src/directory/directory.schema';
import {
  REPLICATION_LINK_MODEL,
  type ReplicationLinkDocument,
} from '../src/ledger/replication-link.schema';
import { startReplicationApp, type ReplicationTestApp } from './replication-test-app';

const MAX_BYTES = 2048;
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(32, 1)]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00');
const REASON = 'Kami tidak pernah memberikan pendampingan kepada instansi ini.';

interface LinkBody {
  replicationId: string;
  revision: number;
  confirmation: string;
  status: string;
  disputeReason: string | null;
  source: string;
  proposalId: string | null;
  adopterProvinceCode: string | null;
  evidence: { fileId: string; kind: string; filename: string; sha256: string; href: string }[];
  history: {
    revision: number;
    action: string;
    status: string;
    confirmation: string;
    note: string | null;
  }[];
}

const code = (response: request.Response): string =>
  (response.body as { error: { code: string } }).error.code;
const payloadOf = (value: string | null): Record<string, unknown> =>
  (JSON.parse(value ?? '{}') as { payload: Record<string, unknown> }).payload;
const short = () => randomUUID().slice(0, 8);

describe('replication service: the replication ledger', () => {
  let app: ReplicationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startReplicationApp({
      env: { REPLICATION_EVIDENCE_MAX_BYTES: String(MAX_BYTES) },
    });
    reader = await TopicReader.start(
      [
        ReplicationRecordedV1,
        CountersignRequestedV1,
        ReplicationCountersignedV1,
        ReplicationDisputedV1,
        ReplicationStatusChangedV1,
      ].map((descriptor) => app.topics.topicOf(descriptor)),
    );
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const links = () => app.model<ReplicationLinkDocument>(REPLICATION_LINK_MODEL);
  const evidenceFiles = () => links().db.collection('replication_evidence.files').countDocuments();

  async function token(
    institutionId: string | null,
    roles: Role[] = ['local_admin'],
  ): Promise<string> {
    const unitId = roles.includes('unit_operator') ? 'unit_dinkes' : null;
    return `Bearer ${await app.issuer.token(roles, { institutionId, unitId })}`;
  }

  /** Two institutions (origin, adopter in province 34) and an innovation of the origin. */
  async function seed() {
    const suffix = short();
    const origin = `inst_o_${suffix}`;
    const adopter = `inst_a_${suffix}`;
    const innovationId = `inv_${suffix}`;
    const now = new Date();
    await app.model(INSTITUTION_ENTRY_MODEL).create({
      _id: adopter,
      code: `34${suffix}`,
      name: 'Kota Yogyakarta',
      type: 'city',
      provinceCode: '34',
      disadvantaged: false,
      revision: 0,
    });
    await app.model<InnovationDocument>(INNOVATION_MODEL).create({
      _id: innovationId,
      revision: 1,
      title: 'Posyandu Digital Kota Bandung',
      institutionId: origin,
      institutionName: 'Kota Bandung',
      institutionType: 'city',
      provinceCode: '32',
      unitId: 'unit_dinkes',
      categoryId: 'health',
      sdgTargets: ['3.8'],
      sections: [],
      proposalIds: [],
      awards: [],
      status: 'active',
      publishedAt: now,
    });
    return { origin, adopter, innovationId };
  }

  function register(
    auth: string,
    fields: Record<string, string>,
    files: { kind: string; content: Buffer; name: string }[] = [],
  ) {
    let call = app.http().post('/replications').set('authorization', auth);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    for (const file of files) call = call.attach(file.kind, file.content, file.name);
    return call;
  }

  async function registered(world: Awaited<ReturnType<typeof seed>>): Promise<LinkBody> {
    const response = await register(await token(world.adopter), {
      innovationId: world.innovationId,
      title: 'Posyandu Digital Kota Yogyakarta',
    }).expect(201);
    return response.body as LinkBody;
  }

  const post = async (path: string, auth: string, body: object = {}) =>
    app.http().post(path).set('authorization', auth).send(body);

  it('should record a pending link with its evidence and announce it, asking the origin to countersign', async () => {
    const world = await seed();
    const response = await register(
      await token(world.adopter, ['unit_operator']),
      { innovationId: world.innovationId, title: 'Posyandu Digital Kota Yogyakarta' },
      [
        { kind: 'mou', content: PDF, name: 'mou.pdf' },
        { kind: 'budget', content: PNG, name: 'dpa.png' },
      ],
    ).expect(201);
    const link = response.body as LinkBody;
    expect(link).toMatchObject({
      revision: 1,
      confirmation: 'pending',
      status: 'plan',
      source: 'registered',
      adopterProvinceCode: '34',
    });
    expect(link.evidence.map((e) => [e.kind, e.filename])).toEqual([
      ['mou', 'mou.pdf'],
      ['budget', 'dpa.png'],
    ]);

    const read = await app
      .http()
      .get(`/replications/${link.replicationId}`)
      .set('authorization', await token(world.origin))
      .expect(200);
    expect((read.body as LinkBody).history).toEqual([
      {
        revision: 1,
        action: 'recorded',
        by: expect.anything() as unknown,
        at: expect.any(String) as unknown,
        status: 'plan',
        confirmation: 'pending',
        note: null,
      },
    ]);
    const mou = link.evidence[0];
    const download = await app
      .http()
      .get(mou?.href ?? '')
      .set('authorization', await token(world.adopter))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['x-checksum-sha256']).toBe(mou?.sha256);

    await eventually(() => {
      const recorded = reader
        .on(app.topics.topicOf(ReplicationRecordedV1))
        .filter((m) => m.key === link.replicationId);
      expect(recorded).toHaveLength(1);
      expect(payloadOf(recorded[0]?.value ?? null)).toMatchObject({
        link: {
          replicationId: link.replicationId,
          innovationId: world.innovationId,
          originInstitutionId: world.origin,
          adopterInstitutionId: world.adopter,
          confirmation: 'pending',
          evidenceCount: 2,
        },
      });
      const asked = reader
        .on(app.topics.topicOf(CountersignRequestedV1))
        .filter((m) => m.key === link.replicationId);
      expect(asked).toHaveLength(1);
      expect(payloadOf(asked[0]?.value ?? null)).toMatchObject({
        innovationId: world.innovationId,
        innovationTitle: 'Posyandu Digital Kota Bandung',
        originInstitutionId: world.origin,
        originUnitId: 'unit_dinkes',
        adopterInstitutionId: world.adopter,
        replicationTitle: 'Posyandu Digital Kota Yogyakarta',
      });
    });
  });

  it('should refuse unknown, own and duplicate innovations, bad and oversized files, writing nothing', async () => {
    const world = await seed();
    const auth = await token(world.adopter);
    const fields = { innovationId: world.innovationId, title: 'Replikasi' };
    const filesBefore = await evidenceFiles();

    const unknown = await register(auth, { ...fields, innovationId: 'inv_missing' }, [
      { kind: 'mou', content: PDF, name: 'mou.pdf' },
    ]).expect(404);
    expect(code(unknown)).toBe('INNOVATION_NOT_FOUND');
    const own = await register(await token(world.origin), fields).expect(422);
    expect(code(own)).toBe('SELF_REPLICATION');
    const badType = await register(auth, fields, [
      { kind: 'mou', content: PDF, name: 'mou.pdf' },
      { kind: 'decree', content: EXE, name: 'sk.pdf' },
    ]).expect(415);
    expect(code(badType)).toBe('UNSUPPORTED_EVIDENCE_TYPE');
    const tooBig = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const big = await register(auth, fields, [
      { kind: 'budget', content: tooBig, name: 'dpa.pdf' },
    ]);
    expect([big.status, code(big)]).toEqual([413, 'EVIDENCE_TOO_LARGE']);
    const badKind = await register(auth, fields, [{ kind: 'photo', content: PDF, name: 'x.pdf' }]);
    expect(badKind.status).toBe(400);
    const noTitle = await register(auth, { innovationId: world.innovationId }).expect(400);
    expect(code(noTitle)).toBe('VALIDATION_FAILED');

    expect(await links().countDocuments({ adopterInstitutionId: world.adopter })).toBe(0);
    expect(await evidenceFiles()).toBe(filesBefore);

    await registered(world);
    const again = await register(auth, fields).expect(409);
    expect(code(again)).toBe('REPLICATION_EXISTS');
    expect(await links().countDocuments({ adopterInstitutionId: world.adopter })).toBe(1);
  });

  it('should confirm a link countersigned by the origin and show it publicly, named, without evidence', async () => {
    const world = await seed();
    const link = await registered(world);
    const publicBefore = await app
      .http()
      .get('/public/replications')
      .query({ innovationId: world.innovationId })
      .expect(200);
    expect((publicBefore.body as { replications: unknown[] }).replications).toEqual([]);

    const signed = await post(
      `/replications/${link.replicationId}/countersign`,
      await token(world.origin, ['unit_operator']),
    );
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ revision: 2, confirmation: 'confirmed' });

    const publicAfter = await app
      .http()
      .get('/public/replications')
      .query({ innovationId: world.innovationId, province: '34' })
      .expect(200);
    const { replications, total } = publicAfter.body as {
      replications: Record<string, unknown>[];
      total: number;
    };
    expect(total).toBe(1);
    expect(replications[0]).toMatchObject({
      replicationId: link.replicationId,
      adopterInstitutionId: world.adopter,
      adopterInstitutionName: 'Kota Yogyakarta',
      originInstitutionId: world.origin,
      adopterProvinceCode: '34',
      status: 'plan',
    });
    expect(replications[0]).not.toHaveProperty('evidence');
    expect(replications[0]).not.toHaveProperty('disputeReason');

    const again = await post(
      `/replications/${link.replicationId}/countersign`,
      await token(world.origin),
    );
    expect([again.status, code(again)]).toEqual([409, 'CONFIRMATION_TRANSITION_INVALID']);
    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(ReplicationCountersignedV1))
        .filter((m) => m.key === link.replicationId);
      expect(events.map((m) => payloadOf(m.value))).toEqual([
        expect.objectContaining({
          link: expect.objectContaining({ revision: 2, confirmation: 'confirmed' }) as unknown,
        }),
      ]);
    });
  });

  it('should never count or show a disputed link, and keep the reason for both sides', async () => {
    const world = await seed();
    const link = await registered(world);
    const noReason = await post(
      `/replications/${link.replicationId}/dispute`,
      await token(world.origin),
      {},
    );
    expect([noReason.status, code(noReason)]).toEqual([400, 'VALIDATION_FAILED']);
    const disputed = await post(
      `/replications/${link.replicationId}/dispute`,
      await token(world.origin),
      {
        reason: REASON,
      },
    );
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({
      confirmation: 'disputed',
      disputeReason: REASON,
      revision: 2,
    });

    const publicList = await app
      .http()
      .get('/public/replications')
      .query({ adopterInstitutionId: world.adopter })
      .expect(200);
    expect((publicList.body as { total: number }).total).toBe(0);
    const confirmedOnly = await app
      .http()
      .get('/replications')
      .query({ confirmation: 'confirmed' })
      .set('authorization', await token(world.adopter))
      .expect(200);
    expect((confirmedOnly.body as { total: number }).total).toBe(0);
    const adopterView = await app
      .http()
      .get(`/replications/${link.replicationId}`)
      .set('authorization', await token(world.adopter))
      .expect(200);
    expect((adopterView.body as LinkBody).history.map((h) => [h.action, h.note])).toEqual([
      ['recorded', null],
      ['disputed', REASON],
    ]);
    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(ReplicationDisputedV1))
        .filter((m) => m.key === link.replicationId);
      expect(events).toHaveLength(1);
      expect(payloadOf(events[0]?.value ?? null)).toMatchObject({
        link: { confirmation: 'disputed', disputeReason: REASON },
      });
    });
  });

  it('should move the status along the path only, by the adopter only', async () => {
    const world = await seed();
    const link = await registered(world);
    const adopter = await token(world.adopter);
    const path = `/replications/${link.replicationId}/status`;

    const skip = await post(path, adopter, { status: 'implemented' });
    expect([skip.status, code(skip)]).toEqual([409, 'STATUS_TRANSITION_INVALID']);
    expect((await post(path, adopter, { status: 'in-progress', note: 'SK terbit' })).status).toBe(
      200,
    );
    expect((await post(path, adopter, { status: 'implemented' })).status).toBe(200);
    const back = await post(path, adopter, { status: 'plan' });
    expect([back.status, code(back)]).toEqual([409, 'STATUS_TRANSITION_INVALID']);
    const stopped = await post(path, adopter, { status: 'stopped' });
    expect(stopped.body).toMatchObject({ status: 'stopped', revision: 4 });
    const after = await post(path, adopter, { status: 'sustained' });
    expect([after.status, code(after)]).toEqual([409, 'STATUS_TRANSITION_INVALID']);
    expect((stopped.body as LinkBody).history.map((h) => [h.action, h.status, h.note])).toEqual([
      ['recorded', 'plan', null],
      ['status-changed', 'in-progress', 'SK terbit'],
      ['status-changed', 'implemented', null],
      ['status-changed', 'stopped', null],
    ]);
    await eventually(() => {
      const events = reader
        .on(app.topics.topicOf(ReplicationStatusChangedV1))
        .filter((m) => m.key === link.replicationId)
        .map((m) => payloadOf(m.value) as { link: { status: string; revision: number } });
      expect(events.map((e) => [e.link.status, e.link.revision])).toEqual([
        ['in-progress', 2],
        ['implemented', 3],
        ['stopped', 4],
      ]);
    });
    // A stopped replication no longer blocks a new registration of the same innovation.
    await registered(world);
  });

  it('should let only the adopting and origin institutions change a link', async () => {
    const world = await seed();
    const link = await registered(world);
    const third = await token(`inst_third_${short()}`);
    const base = `/replications/${link.replicationId}`;

    for (const [path, body] of [
      [`${base}/countersign`, {}],
      [`${base}/dispute`, { reason: REASON }],
      [`${base}/status`, { status: 'in-progress' }],
    ] as const) {
      const refused = await post(path, third, body);
      expect([refused.status, code(refused)]).toEqual([403, 'REPLICATION_FORBIDDEN']);
    }
    const read = await app.http().get(base).set('authorization', third);
    expect([read.status, code(read)]).toEqual([403, 'REPLICATION_FORBIDDEN']);
    // Each side only its own part: the adopter cannot countersign, the origin cannot move status.
    const selfSigned = await post(`${base}/countersign`, await token(world.adopter));
    expect([selfSigned.status, code(selfSigned)]).toEqual([403, 'REPLICATION_FORBIDDEN']);
    const originMoves = await post(`${base}/status`, await token(world.origin), {
      status: 'in-progress',
    });
    expect([originMoves.status, code(originMoves)]).toEqual([403, 'REPLICATION_FORBIDDEN']);
    // Another role of the origin institution, and the ministry, may not change it either.
    const evaluator = await post(`${base}/countersign`, await token(world.origin, ['evaluator']));
    expect([evaluator.status, code(evaluator)]).toEqual([403, 'AUTH_FORBIDDEN']);
    const ministry = await token(null, ['national_admin']);
    expect((await post(`${base}/countersign`, ministry)).status).toBe(403);
    const ministryRead = await app.http().get(base).set('authorization', ministry).expect(200);
    expect(ministryRead.body).toMatchObject({ revision: 1, confirmation: 'pending' });
    expect((await links().findById(link.replicationId).lean())?.revision).toBe(1);
  });

  it('should let exactly one of a concurrent countersign and dispute win', async () => {
    const world = await seed();
    const link = await registered(world);
    const origin = await token(world.origin);
    // Both decided on revision 1, as the origin's screen showed it.
    const [signed, disputed] = await Promise.all([
      post(`/replications/${link.replicationId}/countersign`, origin, { expectedRevision: 1 }),
      post(`/replications/${link.replicationId}/dispute`, origin, {
        reason: REASON,
        expectedRevision: 1,
      }),
    ]);
    const statuses = [signed.status, disputed.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = signed.status === 409 ? signed : disputed;
    expect(code(loser)).toBe('REPLICATION_CHANGED');
    const stored = await links().findById(link.replicationId).lean();
    expect(stored?.revision).toBe(2);
    expect(stored?.history).toHaveLength(2);
    expect(stored?.confirmation).toBe(signed.status === 200 ? 'confirmed' : 'disputed');
  });

  it('should create pending links from a forwarded replication-group proposal once, and take back pending ones when it is withdrawn', async () => {
    const first = await seed();
    const second = await seed();
    const proposalId = `prop_${short()}`;
    const adopter = first.adopter;
    const snapshot = {
      ...proposalSnapshotExample,
      proposalId,
      groupId: 'replication' as const,
      institutionId: adopter,
      title: 'Replikasi Posyandu Digital',
      sourceInnovationIds: [first.innovationId, second.innovationId, 'inv_unknown'],
    };
    const forwarded = (snapshotVersion: number) => ({
      snapshot: { ...snapshot, snapshotVersion },
      forwardedBy: { kind: 'account' as const, accountId: 'acct_local_admin' },
      forwardedAt: new Date().toISOString(),
    });
    // Delivered twice, then forwarded again as a new snapshot version.
    await app.publish(ProposalForwardedV1, forwarded(1), forwarded(1), forwarded(2));

    const stored = await eventually(async () => {
      const found = await links().find({ proposalId }).sort({ innovationId: 1 }).lean();
      expect(found).toHaveLength(2);
      return found;
    });
    expect(
      stored.map((l) => [l.innovationId, l.source, l.confirmation, l.adopterInstitutionId]),
    ).toEqual(
      [first.innovationId, second.innovationId]
        .sort()
        .map((innovationId) => [innovationId, 'proposal', 'pending', adopter]),
    );
    await eventually(() => {
      const recorded = reader
        .on(app.topics.topicOf(ReplicationRecordedV1))
        .filter(
          (m) => (payloadOf(m.value).link as { proposalId: string }).proposalId === proposalId,
        );
      expect(recorded).toHaveLength(2);
      const asked = reader
        .on(app.topics.topicOf(CountersignRequestedV1))
        .filter((m) => stored.some((l) => l._id === m.key));
      expect(asked).toHaveLength(2);
    });

    // The second innovation's origin confirms its link before the proposal is withdrawn.
    const kept = stored.find((l) => l.innovationId === second.innovationId);
    const confirmed = await post(
      `/replications/${kept?._id ?? ''}/countersign`,
      await token(second.origin),
    );
    expect(confirmed.status).toBe(200);
    await app.publish(ProposalWithdrawnV1, {
      proposalId,
      editionId: snapshot.editionId,
      institutionId: adopter,
      unitId: snapshot.unitId,
      wasForwarded: true,
      withdrawnBy: { kind: 'account', accountId: 'acct_unit' },
      withdrawnAt: new Date().toISOString(),
    });
    const adopterAuth = await token(adopter);
    await eventually(async () => {
      const list = await app
        .http()
        .get('/replications')
        .set('authorization', adopterAuth)
        .expect(200);
      const { replications } = list.body as { replications: LinkBody[] };
      expect(replications.map((l) => [l.replicationId, l.confirmation])).toEqual([
        [kept?._id, 'confirmed'],
      ]);
    });
    const withdrawn = stored.find((l) => l.innovationId === first.innovationId);
    const gone = await app
      .http()
      .get(`/replications/${withdrawn?._id ?? ''}`)
      .set('authorization', adopterAuth);
    expect([gone.status, code(gone)]).toEqual([404, 'REPLICATION_NOT_FOUND']);
    // The withdrawn link no longer blocks the adopter registering that innovation by hand.
    await registered(first);
  });
});
