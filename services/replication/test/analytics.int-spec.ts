import type { Connection, Model, mongo } from 'mongoose';
import { getConnectionToken } from '@kipp/mongo';
import { INNOVATION_MODEL, type InnovationDocument } from '../src/catalogue/innovation.schema';
import { INSTITUTION_ENTRY_MODEL, type InstitutionEntry } from '../src/directory/directory.schema';
import { REPLICATION_LINKS_COLLECTION } from '../src/analytics/analytics.repository';
import type {
  InnovationDiffusion,
  NationalDiffusion,
  ProvinceDiffusion,
} from '../src/analytics/diffusion';
import {
  startReplicationApp,
  type ReplicationReplica,
  type ReplicationTestApp,
} from './replication-test-app';

/*
 * The diffusion figures over a small ledger seeded straight into the collections:
 *
 *   inv_root (Bandung, 32) ─rep_1→ Yogyakarta (34) ─owns→ inv_jogja ─rep_5→ Malang (35)
 *            ├─rep_2→ Surabaya (35)                 ─owns→ inv_mlg ─rep_6→ Denpasar (51)
 *            ├─rep_3→ Serang (36)        pending                    ─owns→ inv_dps ─rep_7→ Semarang (33)
 *            └─rep_4→ Pontianak (61)     disputed    (inv_dps is a fourth step: out of the graph)
 */

const institutions: [string, string, string][] = [
  ['inst_bdg', 'Pemerintah Kota Bandung', '3273'],
  ['inst_jogja', 'Pemerintah Kota Yogyakarta', '3471'],
  ['inst_sby', 'Pemerintah Kota Surabaya', '3578'],
  ['inst_mlg', 'Pemerintah Kota Malang', '3573'],
  ['inst_dps', 'Pemerintah Kota Denpasar', '5171'],
  ['inst_smg', 'Pemerintah Kota Semarang', '3374'],
  ['inst_srg', 'Pemerintah Kota Serang', '3673'],
  ['inst_ptk', 'Pemerintah Kota Pontianak', '6171'],
];

function innovation(
  id: string,
  institutionId: string,
  provinceCode: string,
  year: number,
  status: InnovationDocument['status'],
): Omit<InnovationDocument, 'createdAt' | 'updatedAt'> {
  const institution = institutions.find(([instId]) => instId === institutionId)!;
  return {
    _id: id,
    revision: 1,
    title: `Inovasi ${id}`,
    institutionId,
    institutionName: institution[1],
    institutionType: 'city',
    provinceCode,
    unitId: null,
    categoryId: 'public-service',
    sdgTargets: ['3.8'],
    sections: [{ sectionId: 'summary', text: 'Ringkasan' }],
    proposalIds: [`prop_${id}`],
    awards: [{ editionId: `ed_${year}`, year, groupId: 'general', tier: 'top' }],
    status,
    publishedAt: new Date(`${year}-12-01T00:00:00.000Z`),
  };
}

function link(
  id: string,
  innovationId: string,
  originInstitutionId: string,
  adopterInstitutionId: string,
  confirmation: 'pending' | 'confirmed' | 'disputed',
  recordedAt: string,
  countersignedAt: string | null = null,
) {
  const adopter = institutions.find(([instId]) => instId === adopterInstitutionId)!;
  const recorded = new Date(recordedAt);
  const history = [
    { revision: 1, action: 'recorded', at: recorded, status: 'plan', confirmation: 'pending' },
  ];
  if (confirmation !== 'pending') {
    history.push({
      revision: 2,
      action: confirmation === 'confirmed' ? 'countersigned' : 'disputed',
      at: new Date(countersignedAt ?? recordedAt),
      status: 'plan',
      confirmation,
    });
  }
  return {
    _id: id,
    revision: history.length,
    innovationId,
    innovationTitle: `Inovasi ${innovationId}`,
    originInstitutionId,
    adopterInstitutionId,
    adopterProvinceCode: adopter[2].slice(0, 2),
    title: `Replikasi ${innovationId} oleh ${adopter[1]}`,
    status: 'in-progress',
    confirmation,
    disputeReason: confirmation === 'disputed' ? 'Bukan replikasi inovasi kami' : null,
    source: 'registered',
    proposalId: null,
    visitId: null,
    evidence: [],
    history,
    withdrawnAt: null,
    recordedAt: recorded,
    createdAt: recorded,
    updatedAt: recorded,
  };
}

type SeededLink = ReturnType<typeof link>;
type ErrorBody = { error: { code: string } };

async function get<T>(
  replica: ReplicationReplica,
  path: string,
  status: number,
  query: Record<string, unknown> = {},
): Promise<T> {
  const response = await replica.http().get(path).query(query).expect(status);
  return response.body as T;
}

describe('diffusion analytics', () => {
  let app: ReplicationTestApp;
  let links: mongo.Collection<SeededLink>;

  beforeAll(async () => {
    app = await startReplicationApp({ env: { ANALYTICS_CACHE_TTL_SECONDS: '0' } });
    const institutionModel = app.model<InstitutionEntry>(INSTITUTION_ENTRY_MODEL);
    await institutionModel.insertMany(
      institutions.map(([id, name, region]) => ({
        _id: id,
        code: region,
        name,
        type: 'city',
        provinceCode: region.slice(0, 2),
        disadvantaged: false,
        revision: 1,
      })),
    );
    const innovations: Model<InnovationDocument> = app.model(INNOVATION_MODEL);
    await innovations.insertMany([
      innovation('inv_root', 'inst_bdg', '32', 2024, 'active'),
      innovation('inv_jogja', 'inst_jogja', '34', 2025, 'scaled'),
      innovation('inv_mlg', 'inst_mlg', '35', 2025, 'lapsed'),
      innovation('inv_dps', 'inst_dps', '51', 2026, 'active'),
      innovation('inv_lone', 'inst_smg', '33', 2023, 'stopped'),
    ]);
    links = app.app
      .get<Connection>(getConnectionToken())
      .collection<SeededLink>(REPLICATION_LINKS_COLLECTION);
    await links.insertMany([
      link(
        'rep_1',
        'inv_root',
        'inst_bdg',
        'inst_jogja',
        'confirmed',
        '2025-01-10T00:00:00.000Z',
        '2025-01-20T00:00:00.000Z',
      ),
      link('rep_2', 'inv_root', 'inst_bdg', 'inst_sby', 'confirmed', '2025-03-01T00:00:00.000Z'),
      // Earlier than any confirmed link: would shorten the time to first replication if counted.
      link('rep_3', 'inv_root', 'inst_bdg', 'inst_srg', 'pending', '2024-12-05T00:00:00.000Z'),
      link('rep_4', 'inv_root', 'inst_bdg', 'inst_ptk', 'disputed', '2024-12-10T00:00:00.000Z'),
      link('rep_5', 'inv_jogja', 'inst_jogja', 'inst_mlg', 'confirmed', '2026-02-01T00:00:00.000Z'),
      link('rep_6', 'inv_mlg', 'inst_mlg', 'inst_dps', 'confirmed', '2026-05-01T00:00:00.000Z'),
      link('rep_7', 'inv_dps', 'inst_dps', 'inst_smg', 'confirmed', '2026-08-01T00:00:00.000Z'),
      link('rep_8', 'inv_jogja', 'inst_jogja', 'inst_ptk', 'disputed', '2026-03-01T00:00:00.000Z'),
    ]);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('per innovation', () => {
    it('should count only confirmed replications, their provinces and the days to the first', async () => {
      const body = await get<InnovationDiffusion>(
        app,
        '/public/innovations/inv_root/diffusion',
        200,
      );

      expect(body.innovationId).toBe('inv_root');
      expect(body.replications).toBe(2);
      expect(body.adopters).toEqual([
        {
          replicationId: 'rep_1',
          institutionId: 'inst_jogja',
          name: 'Pemerintah Kota Yogyakarta',
          provinceCode: '34',
          status: 'in-progress',
          recordedAt: '2025-01-10T00:00:00.000Z',
          confirmedAt: '2025-01-20T00:00:00.000Z',
        },
        {
          replicationId: 'rep_2',
          institutionId: 'inst_sby',
          name: 'Pemerintah Kota Surabaya',
          provinceCode: '35',
          status: 'in-progress',
          recordedAt: '2025-03-01T00:00:00.000Z',
          confirmedAt: '2025-03-01T00:00:00.000Z',
        },
      ]);
      expect(body.provincesReached).toEqual({ count: 2, provinceCodes: ['34', '35'] });
      // Published 2024-12-01, first confirmed link recorded 2025-01-10.
      expect(body.timeToFirstReplicationDays).toBe(40);
    });

    it('should follow adopters’ own innovations up to three steps, never through unconfirmed links', async () => {
      const { graph } = await get<InnovationDiffusion>(
        app,
        '/public/innovations/inv_root/diffusion',
        200,
      );
      const { nodes, edges } = graph;

      expect(
        edges
          .filter((edge) => edge.kind === 'replicates')
          .map((edge) => [edge.from, edge.to, edge.replicationId])
          .sort(),
      ).toEqual([
        ['innovation:inv_jogja', 'institution:inst_mlg', 'rep_5'],
        ['innovation:inv_mlg', 'institution:inst_dps', 'rep_6'],
        ['innovation:inv_root', 'institution:inst_jogja', 'rep_1'],
        ['innovation:inv_root', 'institution:inst_sby', 'rep_2'],
      ]);
      expect(edges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            from: 'institution:inst_bdg',
            to: 'innovation:inv_root',
            kind: 'owns',
          }),
          expect.objectContaining({
            from: 'institution:inst_jogja',
            to: 'innovation:inv_jogja',
            kind: 'owns',
          }),
        ]),
      );
      expect(nodes.map((node) => [node.id, node.depth]).sort()).toEqual([
        ['innovation:inv_jogja', 1],
        ['innovation:inv_mlg', 2],
        ['innovation:inv_root', 0],
        ['institution:inst_bdg', 0],
        ['institution:inst_dps', 3],
        ['institution:inst_jogja', 1],
        ['institution:inst_mlg', 2],
        ['institution:inst_sby', 1],
      ]);
      expect(nodes.find((node) => node.id === 'institution:inst_dps')).toMatchObject({
        label: 'Pemerintah Kota Denpasar',
        provinceCode: '51',
      });
    });

    it('should answer 404 for an innovation not in the database', async () => {
      const body = await get<ErrorBody>(app, '/public/innovations/inv_nope/diffusion', 404);

      expect(body.error.code).toBe('INNOVATION_NOT_FOUND');
    });
  });

  describe('per province', () => {
    it('should count innovations, confirmed replications in and out, and statuses', async () => {
      const body = await get<{ provinces: ProvinceDiffusion[] }>(
        app,
        '/public/provinces/diffusion',
        200,
      );
      const of = (code: string) => body.provinces.find((p) => p.provinceCode === code);

      expect(body.provinces).toHaveLength(38);
      expect(of('32')).toEqual({
        provinceCode: '32',
        innovations: 1,
        replicationsIn: 0,
        replicationsOut: 2,
        byStatus: { active: 1, scaled: 0, stopped: 0, lapsed: 0 },
      });
      expect(of('35')).toEqual({
        provinceCode: '35',
        innovations: 1,
        replicationsIn: 2,
        replicationsOut: 1,
        byStatus: { active: 0, scaled: 0, stopped: 0, lapsed: 1 },
      });
      expect(of('34')).toMatchObject({ innovations: 1, replicationsIn: 1, replicationsOut: 1 });
      expect(of('51')).toMatchObject({ innovations: 1, replicationsIn: 1, replicationsOut: 1 });
      expect(of('33')).toMatchObject({ innovations: 1, replicationsIn: 1, replicationsOut: 0 });
      // Pending (Serang) and disputed (Pontianak) links count nowhere.
      expect(of('36')).toMatchObject({ innovations: 0, replicationsIn: 0, replicationsOut: 0 });
      expect(of('61')).toMatchObject({ innovations: 0, replicationsIn: 0, replicationsOut: 0 });
    });

    it('should answer one province like the list does', async () => {
      const list = await get<{ provinces: ProvinceDiffusion[] }>(
        app,
        '/public/provinces/diffusion',
        200,
      );
      const body = await get<ProvinceDiffusion>(app, '/public/provinces/35/diffusion', 200);

      expect(body).toEqual(list.provinces.find((p) => p.provinceCode === '35'));
    });

    it.each(['99', '3', '3273', 'jb'])(
      'should reject the province code %s with 400',
      async (code) => {
        const body = await get<ErrorBody>(app, `/public/provinces/${code}/diffusion`, 400);

        expect(body.error.code).toBe('VALIDATION_FAILED');
      },
    );
  });

  describe('national', () => {
    it('should give the series per year and the totals, confirmed links only', async () => {
      const body = await get<NationalDiffusion>(app, '/public/diffusion/national', 200, {
        from: 2023,
        to: 2026,
      });

      expect(body.years).toEqual([
        {
          year: 2023,
          innovationsPublished: 1,
          confirmedReplications: 0,
          provincesReachedCumulative: 0,
          activeShare: 0,
        },
        {
          year: 2024,
          innovationsPublished: 1,
          confirmedReplications: 0,
          provincesReachedCumulative: 0,
          activeShare: 0.5,
        },
        {
          year: 2025,
          innovationsPublished: 2,
          confirmedReplications: 2,
          provincesReachedCumulative: 2,
          activeShare: 0.5,
        },
        {
          year: 2026,
          innovationsPublished: 1,
          confirmedReplications: 3,
          provincesReachedCumulative: 4,
          activeShare: 0.6,
        },
      ]);
      expect(body.totals).toEqual({
        innovations: 5,
        confirmedReplications: 5,
        innovationsReplicated: 4,
        provincesReached: 4,
        activeShare: 0.6,
      });
    });

    it('should start the default range at the first year with data', async () => {
      const body = await get<NationalDiffusion>(app, '/public/diffusion/national', 200);

      expect(body.from).toBe(2023);
      expect(body.years[0]).toMatchObject({ year: 2023, innovationsPublished: 1 });
    });

    it.each([
      [{ from: 2026, to: 2023 }],
      [{ from: 'soon' }],
      [{ from: 1900 }],
      [{ from: 2000, to: 2060 }],
      [{ year: 2025 }],
    ])('should reject the range %j with 400', async (query) => {
      const body = await get<ErrorBody>(app, '/public/diffusion/national', 400, query);

      expect(body.error.code).toBe('VALIDATION_FAILED');
    });
  });

  it('should document the public routes in OpenAPI', async () => {
    const document = await get<{
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    }>(app, '/docs-json', 200);

    for (const path of [
      '/public/innovations/{id}/diffusion',
      '/public/provinces/diffusion',
      '/public/provinces/{code}/diffusion',
      '/public/diffusion/national',
    ]) {
      expect(document.paths[path]?.get?.responses).toHaveProperty('200');
    }
  });

  describe('cache', () => {
    it('should serve a replica’s cached figures within the TTL, and fresh ones with the cache off', async () => {
      const cached = await app.startReplica({ ANALYTICS_CACHE_TTL_SECONDS: '600' });
      const path = '/public/provinces/36/diffusion';
      const before = await get<ProvinceDiffusion>(cached, path, 200);
      expect(before.replicationsIn).toBe(0);

      await links.updateOne({ _id: 'rep_3' }, { $set: { confirmation: 'confirmed' } });

      const stale = await get<ProvinceDiffusion>(cached, path, 200);
      const fresh = await get<ProvinceDiffusion>(app, path, 200);
      expect(stale.replicationsIn).toBe(0);
      expect(fresh.replicationsIn).toBe(1);
    });
  });
});
