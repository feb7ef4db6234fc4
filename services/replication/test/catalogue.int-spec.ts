import {
  AwardGrantedV1,
  InnovationPublishedV1,
  InnovationUpdatedV1,
  InstitutionRegisteredV1,
  InstitutionUpdatedV1,
  ProposalForwardedV1,
  type InnovationRecord,
} from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { award, forwarded, registered, snapshot } from './catalogue-fixtures';
import { startReplicationApp, type ReplicationTestApp } from './replication-test-app';

interface Detail {
  innovationId: string;
  revision: number;
  title: string;
  institutionName: string;
  provinceCode: string | null;
  sdgTargets: string[];
  sections: { sectionId: string; text: string }[];
  proposalIds: string[];
  awards: { editionId: string; year: number; tier: string }[];
  status: string;
}

const bandung = {
  institutionId: 'inst_bdg',
  name: 'Pemerintah Kota Bandung',
  type: 'city' as const,
  provinceCode: '32',
};
const sleman = {
  institutionId: 'inst_slm',
  name: 'Pemerintah Kabupaten Sleman',
  type: 'regency' as const,
  provinceCode: '34',
};

describe('the public innovation database from awards', () => {
  let app: ReplicationTestApp;
  let reader: TopicReader;

  beforeAll(async () => {
    app = await startReplicationApp();
    reader = await TopicReader.start([
      app.topics.topicOf(InnovationPublishedV1),
      app.topics.topicOf(InnovationUpdatedV1),
    ]);
    await app.publish(InstitutionRegisteredV1, registered(bandung), registered(sleman));
    await institutionsKnown(app, 2);
  });

  afterAll(async () => {
    await reader.stop();
    await app.close();
  });

  const findByTitle = async (q: string): Promise<Detail> => {
    const res = await app.http().get('/public/innovations').query({ q }).expect(200);
    const row = (res.body as { items: { innovationId: string }[] }).items[0];
    if (!row) throw new Error(`nothing found for ${q}`);
    return detail(row.innovationId);
  };
  const detail = async (id: string): Promise<Detail> =>
    (await app.http().get(`/public/innovations/${id}`).expect(200)).body as Detail;
  const recordsOn = (descriptor: typeof InnovationPublishedV1, innovationId: string) =>
    reader
      .on(app.topics.topicOf(descriptor))
      .map(
        (m) =>
          (JSON.parse(m.value ?? '{}') as { payload: { innovation: InnovationRecord } }).payload
            .innovation,
      )
      .filter((record) => record.innovationId === innovationId);

  const bankSampah = snapshot('prop_bank_2025', 'inst_bdg', 'Bank Sampah Digital', {
    categoryId: 'environment',
    sdgTargets: ['11.6', '12.5'],
    sections: [
      {
        sectionId: 'summary',
        text: 'Pengelolaan sampah rumah tangga dengan aplikasi.',
        wordCount: 6,
      },
    ],
  });
  let bankId = '';

  it('should publish an award whose snapshot came first, with the content of the snapshot', async () => {
    await app.publish(ProposalForwardedV1, forwarded(bankSampah));
    await eventually(async () => {
      expect(await app.model('ProposalEntry').countDocuments({ _id: 'prop_bank_2025' })).toBe(1);
    });
    await app.publish(AwardGrantedV1, award(bankSampah, 2025, ['finalist', 'top']));

    const found = await eventually(() => findByTitle('bank sampah'));
    bankId = found.innovationId;
    expect(found).toMatchObject({
      revision: 1,
      title: 'Bank Sampah Digital',
      institutionName: 'Pemerintah Kota Bandung',
      provinceCode: '32',
      sdgTargets: ['11.6', '12.5'],
      sections: [
        { sectionId: 'summary', text: 'Pengelolaan sampah rumah tangga dengan aplikasi.' },
      ],
      proposalIds: ['prop_bank_2025'],
      awards: [
        { editionId: 'ed_2025', year: 2025, tier: 'finalist' },
        { editionId: 'ed_2025', year: 2025, tier: 'top' },
      ],
      status: 'active',
    });
    const published = await eventually(() => {
      const records = recordsOn(InnovationPublishedV1, bankId);
      expect(records).toHaveLength(1);
      return records[0]!;
    });
    expect(published).toMatchObject({
      revision: 1,
      title: 'Bank Sampah Digital',
      institutionId: 'inst_bdg',
      institutionType: 'city',
      provinceCode: '32',
      categoryId: 'environment',
      proposalIds: ['prop_bank_2025'],
      status: 'active',
    });
  });

  it('should publish an award that came before its snapshot and fill the content when it arrives', async () => {
    const posyandu = snapshot('prop_posy_2025', 'inst_slm', 'Posyandu Keliling', {
      categoryId: 'health',
      sdgTargets: ['3.8'],
      sections: [{ sectionId: 'summary', text: 'Layanan kesehatan ibu dan anak.', wordCount: 5 }],
    });
    await app.publish(AwardGrantedV1, award(posyandu, 2025, ['finalist']));
    const early = await eventually(() => findByTitle('posyandu keliling'));
    expect(early).toMatchObject({
      revision: 1,
      title: 'Posyandu Keliling',
      sections: [],
      sdgTargets: [],
    });

    await app.publish(ProposalForwardedV1, forwarded(posyandu));
    const filled = await eventually(async () => {
      const current = await detail(early.innovationId);
      expect(current.revision).toBe(2);
      return current;
    });
    expect(filled).toMatchObject({
      institutionName: 'Pemerintah Kabupaten Sleman',
      sdgTargets: ['3.8'],
      sections: [{ sectionId: 'summary', text: 'Layanan kesehatan ibu dan anak.' }],
    });
    await eventually(() => {
      expect(
        recordsOn(InnovationUpdatedV1, early.innovationId).map((r) => r.sdgTargets),
      ).toContainEqual(['3.8']);
    });
  });

  it('should keep the id when the same institution enters the same innovation in a later edition', async () => {
    const again = snapshot('prop_bank_2026', 'inst_bdg', 'BANK SAMPAH digital!', {
      editionId: 'ed_2026',
      categoryId: 'environment',
      sdgTargets: ['12.5'],
      sections: [
        { sectionId: 'summary', text: 'Kini menjangkau seluruh kecamatan.', wordCount: 4 },
      ],
    });
    await app.publish(ProposalForwardedV1, forwarded(again));
    await app.publish(AwardGrantedV1, award(again, 2026, ['finalist', 'top', 'outstanding']));

    const updated = await eventually(async () => {
      const current = await detail(bankId);
      expect(current.proposalIds).toEqual(['prop_bank_2025', 'prop_bank_2026']);
      expect(current.sections[0]?.text).toBe('Kini menjangkau seluruh kecamatan.');
      return current;
    });
    expect(updated.awards.map((a) => `${a.year}:${a.tier}`)).toEqual([
      '2025:finalist',
      '2025:top',
      '2026:finalist',
      '2026:top',
      '2026:outstanding',
    ]);
    const total = (
      await app.http().get('/public/innovations').query({ institution: 'inst_bdg' }).expect(200)
    ).body as { total: number };
    expect(total.total).toBe(1);
    await eventually(() => {
      const records = recordsOn(InnovationUpdatedV1, bankId);
      expect(records.at(-1)).toMatchObject({
        revision: updated.revision,
        proposalIds: updated.proposalIds,
      });
    });
    expect(recordsOn(InnovationPublishedV1, bankId)).toHaveLength(1);
  });

  it('should change nothing on a redelivered award and replace the tiers of a re-granted one', async () => {
    const before = await detail(bankId);
    const again = snapshot('prop_bank_2026', 'inst_bdg', 'BANK SAMPAH digital!', {
      editionId: 'ed_2026',
      categoryId: 'environment',
    });
    // Same edition, same tiers (a new event id: the processed-event record does not catch it).
    await app.publish(AwardGrantedV1, award(again, 2026, ['finalist', 'top', 'outstanding']));
    // Same key, so handled after it: the edition's tiers are corrected.
    await app.publish(AwardGrantedV1, award(again, 2026, ['finalist']));

    const after = await eventually(async () => {
      const current = await detail(bankId);
      expect(current.awards.filter((a) => a.year === 2026).map((a) => a.tier)).toEqual([
        'finalist',
      ]);
      return current;
    });
    expect(after.revision).toBe(before.revision + 1);
    expect(after.awards.filter((a) => a.year === 2025).map((a) => a.tier)).toEqual([
      'finalist',
      'top',
    ]);
  });

  it('should show an institution renamed in the registry on its innovations', async () => {
    await app.publish(InstitutionUpdatedV1, {
      ...sleman,
      code: sleman.institutionId,
      disadvantaged: false,
      name: 'Pemkab Sleman',
      changed: ['name'],
      revision: 1,
      updatedBy: { kind: 'account', accountId: 'acct_admin' },
      updatedAt: '2026-09-01T00:00:00.000Z',
    });
    const renamed = await eventually(async () => {
      const current = await findByTitle('posyandu keliling');
      expect(current.institutionName).toBe('Pemkab Sleman');
      return current;
    });
    expect(renamed.revision).toBe(3);
  });
});

describe('innovations an institution chooses to publish', () => {
  let app: ReplicationTestApp;

  beforeAll(async () => {
    app = await startReplicationApp();
    await app.publish(InstitutionRegisteredV1, registered(bandung), registered(sleman));
    await app.publish(
      ProposalForwardedV1,
      forwarded(snapshot('prop_own', 'inst_bdg', 'Taman Baca Kelurahan', { sdgTargets: ['4.6'] })),
      forwarded(snapshot('prop_theirs', 'inst_slm', 'Sekolah Lapang Petani')),
    );
    await eventually(async () => {
      expect(await app.model('ProposalEntry').countDocuments()).toBe(2);
    });
    await institutionsKnown(app, 2);
  });

  afterAll(async () => {
    await app.close();
  });

  const localAdmin = (institutionId: string) =>
    app.issuer.headers(['local_admin'], { institutionId });

  it('should publish a forwarded proposal of its own institution without awards', async () => {
    const res = await app
      .http()
      .post('/innovations')
      .set(await localAdmin('inst_bdg'))
      .send({ proposalId: 'prop_own' })
      .expect(201);
    expect(res.body).toMatchObject({
      title: 'Taman Baca Kelurahan',
      institutionId: 'inst_bdg',
      institutionName: 'Pemerintah Kota Bandung',
      awards: [],
      sdgTargets: ['4.6'],
      proposalIds: ['prop_own'],
      status: 'active',
      revision: 1,
    });
    const id = (res.body as { innovationId: string }).innovationId;
    const search = await app
      .http()
      .get('/public/innovations')
      .query({ q: 'taman baca' })
      .expect(200);
    expect(
      (search.body as { items: { innovationId: string }[] }).items.map((i) => i.innovationId),
    ).toEqual([id]);
  });

  it('should refuse a proposal already in the database with 409', async () => {
    const res = await app
      .http()
      .post('/innovations')
      .set(await localAdmin('inst_bdg'))
      .send({ proposalId: 'prop_own' })
      .expect(409);
    expect(res.body).toMatchObject({ error: { code: 'INNOVATION_ALREADY_PUBLISHED' } });
  });

  it("should refuse another institution's proposal with 403 and an unknown one with 404", async () => {
    const other = await app
      .http()
      .post('/innovations')
      .set(await localAdmin('inst_bdg'))
      .send({ proposalId: 'prop_theirs' })
      .expect(403);
    expect(other.body).toMatchObject({ error: { code: 'PROPOSAL_OF_ANOTHER_INSTITUTION' } });
    const unknown = await app
      .http()
      .post('/innovations')
      .set(await localAdmin('inst_bdg'))
      .send({ proposalId: 'prop_nope' })
      .expect(404);
    expect(unknown.body).toMatchObject({ error: { code: 'PROPOSAL_NOT_FOUND' } });
    expect(await app.model('Innovation').countDocuments({ proposalIds: 'prop_theirs' })).toBe(0);
  });

  it('should require a local admin and a valid body', async () => {
    await app.http().post('/innovations').send({ proposalId: 'prop_theirs' }).expect(401);
    const operator = await app
      .http()
      .post('/innovations')
      .set(await app.issuer.headers(['unit_operator'], { institutionId: 'inst_slm', unitId: 'u1' }))
      .send({ proposalId: 'prop_theirs' })
      .expect(403);
    expect(operator.body).toMatchObject({ error: { code: 'AUTH_FORBIDDEN' } });
    const bad = await app
      .http()
      .post('/innovations')
      .set(await localAdmin('inst_slm'))
      .send({ proposalId: '', extra: 1 })
      .expect(400);
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('should answer 404 for an unknown innovation', async () => {
    const res = await app.http().get('/public/innovations/inv_unknown').expect(404);
    expect(res.body).toMatchObject({ error: { code: 'INNOVATION_NOT_FOUND' } });
  });
});

async function institutionsKnown(app: ReplicationTestApp, count: number): Promise<void> {
  await eventually(async () => {
    expect(await app.model('InstitutionEntry').countDocuments()).toBe(count);
  });
}
