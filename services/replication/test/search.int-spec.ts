import { InstitutionRegisteredV1 } from '@kipp/contracts';
import { eventually } from '@kipp/testing';
import { INSTITUTION_ENTRY_MODEL } from '../src/directory/directory.schema';
import { forwardAndAward, registered, snapshot } from './catalogue-fixtures';
import { startReplicationApp, type ReplicationTestApp } from './replication-test-app';

interface Row {
  innovationId: string;
  title: string;
  year: number;
  awards: { editionId: string; year: number; groupId: string; tier: string }[];
  institutionId: string;
  institutionName: string;
  institutionType: string;
  provinceCode: string | null;
  categoryId: string;
  sdgTargets: string[];
  status: string;
  publishedAt: string;
  updatedAt: string;
}
interface InstitutionMatches {
  items: {
    institutionId: string;
    name: string;
    type: string;
    provinceCode: string | null;
    innovations: number;
  }[];
  total: number;
}
interface Page {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
}

const section = (sectionId: string, text: string) => ({ sectionId, text, wordCount: 1 });

const seeds = [
  {
    snap: snapshot('prop_bank', 'inst_bdg', 'Bank Sampah Digital', {
      categoryId: 'environment',
      sdgTargets: ['12.5'],
      sections: [
        section('summary', 'Pengelolaan sampah rumah tangga dengan aplikasi.'),
        section('summary-en', 'Household waste management with a mobile app.'),
      ],
    }),
    year: 2024,
    tiers: ['finalist', 'top'] as const,
  },
  {
    snap: snapshot('prop_posy', 'inst_slm', 'Posyandu Keliling', {
      categoryId: 'health',
      sdgTargets: ['3.8'],
      sections: [
        section('summary', 'Layanan kesehatan ibu dan anak di desa.'),
        section('summary-en', 'Mobile health posts for mothers and children.'),
      ],
    }),
    year: 2025,
    tiers: ['finalist'] as const,
  },
  {
    snap: snapshot('prop_iklim', 'inst_jateng', 'Sekolah Lapang Iklim', {
      categoryId: 'agriculture',
      sdgTargets: ['13.1'],
      sections: [section('summary', 'Petani belajar membaca cuaca; sampah panen berkurang.')],
    }),
    year: 2025,
    tiers: ['finalist', 'top', 'outstanding'] as const,
  },
  {
    snap: snapshot('prop_cafe', 'inst_slm', 'Café "Literasi", Desa', {
      categoryId: 'culture',
      sdgTargets: ['4.6'],
      sections: [section('summary', 'Ruang baca warga.')],
    }),
    year: 2024,
    tiers: ['finalist'] as const,
  },
];

describe('public search and open data', () => {
  let app: ReplicationTestApp;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    app = await startReplicationApp();
    await app.publish(
      InstitutionRegisteredV1,
      registered({
        institutionId: 'inst_bdg',
        name: 'Pemerintah Kota Bandung',
        type: 'city',
        provinceCode: '32',
      }),
      registered({
        institutionId: 'inst_slm',
        name: 'Pemerintah Kabupaten Sleman',
        type: 'regency',
        provinceCode: '34',
      }),
      registered({
        institutionId: 'inst_jateng',
        name: 'Pemerintah Provinsi Jawa Tengah',
        type: 'province',
        provinceCode: '33',
      }),
      // In the registry, without an innovation (until the lookup's cache spec gives it one).
      registered({
        institutionId: 'inst_bdl',
        name: 'Pemerintah Kota Bandar Lampung',
        type: 'city',
        provinceCode: '18',
      }),
    );
    for (const seed of seeds) await forwardAndAward(app, seed.snap, seed.year, [...seed.tiers]);
    // Every innovation searchable with its content and its institution's name.
    const all = await eventually(async () => {
      const page = await search({ pageSize: '100' });
      expect(page.total).toBe(seeds.length);
      const incomplete = page.items.filter(
        (row) => row.sdgTargets.length !== 1 || row.institutionName === row.institutionId,
      );
      expect(incomplete).toEqual([]);
      return page;
    });
    for (const row of all.items) ids.set(row.title, row.innovationId);
  });

  afterAll(async () => {
    await app.close();
  });

  async function search(query: Record<string, string>): Promise<Page> {
    return (await app.http().get('/public/innovations').query(query).expect(200)).body as Page;
  }
  const titles = async (query: Record<string, string>) =>
    (await search(query)).items.map((r) => r.title);

  /**
   * A repeated call is answered from Redis (with the same body); once `change` is handled
   * the cached answer is dropped and the next one, read from the database, passes `fresh`.
   */
  async function expectCachedUntilChanged(
    path: string,
    query: Record<string, string>,
    change: () => Promise<void>,
    fresh: (body: unknown) => void,
  ): Promise<void> {
    const first = await app.http().get(path).query(query).expect(200);
    expect(first.headers['x-cache']).toBe('miss');
    const second = await app.http().get(path).query(query).expect(200);
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    await change();
    const after = await eventually(async () => {
      const res = await app.http().get(path).query(query).expect(200);
      fresh(res.body);
      return res;
    });
    expect(after.headers['x-cache']).toBe('miss');
  }

  describe('filters, sorting and paging', () => {
    it('should sort by the latest award year by default, then title', async () => {
      expect(await titles({})).toEqual([
        'Posyandu Keliling',
        'Sekolah Lapang Iklim',
        'Bank Sampah Digital',
        'Café "Literasi", Desa',
      ]);
    });

    it('should sort by title and page with the total', async () => {
      const first = await search({ sort: 'title', pageSize: '3' });
      expect(first.items.map((r) => r.title)).toEqual([
        'Bank Sampah Digital',
        'Café "Literasi", Desa',
        'Posyandu Keliling',
      ]);
      expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      const second = await search({ sort: 'title', pageSize: '3', page: '2' });
      expect(second.items.map((r) => r.title)).toEqual(['Sekolah Lapang Iklim']);
      expect(second.total).toBe(4);
    });

    it.each([
      [{ year: '2024' }, ['Bank Sampah Digital', 'Café "Literasi", Desa']],
      [{ tier: 'top' }, ['Sekolah Lapang Iklim', 'Bank Sampah Digital']],
      [{ year: '2025', tier: 'top' }, ['Sekolah Lapang Iklim']],
      [{ year: '2025', tier: 'outstanding' }, ['Sekolah Lapang Iklim']],
      [{ year: '2024', tier: 'outstanding' }, []],
      [{ province: '34' }, ['Posyandu Keliling', 'Café "Literasi", Desa']],
      [{ institution: 'inst_bdg' }, ['Bank Sampah Digital']],
      [{ institutionType: 'province' }, ['Sekolah Lapang Iklim']],
      [{ category: 'health' }, ['Posyandu Keliling']],
      [{ sdg: '4.6' }, ['Café "Literasi", Desa']],
      [{ status: 'stopped' }, []],
      [{ status: 'active', province: '32' }, ['Bank Sampah Digital']],
    ])('should filter by %j', async (query, expected) => {
      expect(await titles(query)).toEqual(expected);
    });

    it('should reject a bad query with 400 VALIDATION_FAILED', async () => {
      for (const query of [
        { pageSize: '500' },
        { tier: 'gold' },
        { year: 'soon' },
        { unknown: 'x' },
      ]) {
        const res = await app.http().get('/public/innovations').query(query).expect(400);
        expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
    });
  });

  describe('full text', () => {
    it.each([
      ['pengelolaan sampah', ['Bank Sampah Digital']],
      ['waste management', ['Bank Sampah Digital']],
      ['KESEHATAN ibu', ['Posyandu Keliling']],
      ['mothers and children', ['Posyandu Keliling']],
      ['cafe', ['Café "Literasi", Desa']],
      ['CAFÉ literasi', ['Café "Literasi", Desa']],
      ['posyan', ['Posyandu Keliling']],
      ['sampah', ['Bank Sampah Digital', 'Sekolah Lapang Iklim']],
      ['sampah ibu', []],
    ])('should find %j', async (q, expected) => {
      expect(await titles({ q })).toEqual(expected);
    });

    it('should rank title matches above section matches, whatever the year', async () => {
      // Sekolah Lapang Iklim (2025) mentions "sampah" only in a section; Bank Sampah is 2024.
      expect(await titles({ q: 'sampah', sort: 'relevance' })).toEqual([
        'Bank Sampah Digital',
        'Sekolah Lapang Iklim',
      ]);
      expect(await titles({ q: 'sampah', sort: 'year' })).toEqual([
        'Sekolah Lapang Iklim',
        'Bank Sampah Digital',
      ]);
    });
  });

  describe('institution lookup', () => {
    async function lookup(query: Record<string, string>) {
      const res = await app.http().get('/public/institutions').query(query).expect(200);
      return { body: res.body as InstitutionMatches, cache: res.headers['x-cache'] };
    }
    const names = async (query: Record<string, string>) =>
      (await lookup(query)).body.items.map((i) => i.name);

    beforeAll(async () => {
      // The institution without innovations is in the registry projection.
      await eventually(async () => {
        expect(await app.model(INSTITUTION_ENTRY_MODEL).exists({ _id: 'inst_bdl' })).toBeTruthy();
      });
    });

    it('should name only institutions with innovations, with their innovation count', async () => {
      const { body } = await lookup({ q: 'kota band' });
      expect(body).toEqual({
        items: [
          {
            institutionId: 'inst_bdg',
            name: 'Pemerintah Kota Bandung',
            type: 'city',
            provinceCode: '32',
            innovations: 1,
          },
        ],
        total: 1,
      });
      expect((await lookup({ q: 'sleman' })).body.items[0]).toMatchObject({
        institutionId: 'inst_slm',
        innovations: 2,
      });
    });

    it.each([
      ['KAB. sleman', ['Pemerintah Kabupaten Sleman']],
      ['jawa teng', ['Pemerintah Provinsi Jawa Tengah']],
      // "ten" starts a word of Jawa Tengah, and is only inside "Kabupaten".
      ['ten', ['Pemerintah Provinsi Jawa Tengah', 'Pemerintah Kabupaten Sleman']],
      [
        'pemerintah',
        [
          'Pemerintah Kabupaten Sleman',
          'Pemerintah Kota Bandung',
          'Pemerintah Provinsi Jawa Tengah',
        ],
      ],
      ['lampung', []],
      ['kota sleman', []],
    ])('should find %j, best match first, then by name', async (q, expected) => {
      expect(await names({ q })).toEqual(expected);
    });

    it('should give at most `limit` matches with the total', async () => {
      const { body } = await lookup({ q: 'pemerintah', limit: '2' });
      expect(body.items.map((i) => i.institutionId)).toEqual(['inst_slm', 'inst_bdg']);
      expect(body.total).toBe(3);
    });

    it('should give ids the search filters by', async () => {
      const [match] = (await lookup({ q: 'jawa tengah' })).body.items;
      expect(await titles({ institution: match?.institutionId ?? '' })).toEqual([
        'Sekolah Lapang Iklim',
      ]);
    });

    it('should reject a bad lookup with 400 VALIDATION_FAILED', async () => {
      for (const query of [
        {},
        { q: '   ' },
        { q: 'x'.repeat(101) },
        { q: 'kota', limit: '21' },
        { q: 'kota', page: '2' },
      ]) {
        const res = await app.http().get('/public/institutions').query(query).expect(400);
        expect(res.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      }
    });

    it('should answer a repeated lookup from Redis and drop it when an institution gains an innovation', async () => {
      await expectCachedUntilChanged(
        '/public/institutions',
        { q: 'pemerintah kota' },
        () =>
          forwardAndAward(
            app,
            snapshot('prop_izin', 'inst_bdl', 'Layanan Perizinan Terpadu', {
              categoryId: 'governance',
            }),
            2025,
            ['finalist'],
          ),
        (body) =>
          expect((body as InstitutionMatches).items.map((i) => [i.name, i.innovations])).toEqual([
            ['Pemerintah Kota Bandar Lampung', 1],
            ['Pemerintah Kota Bandung', 1],
          ]),
      );
    });
  });

  describe('the cache', () => {
    it('should answer a repeated search from Redis and drop it when an award arrives', async () => {
      await expectCachedUntilChanged(
        '/public/innovations',
        { q: 'iklim', sort: 'title' },
        () =>
          forwardAndAward(
            app,
            snapshot('prop_iklim_desa', 'inst_bdg', 'Desa Tangguh Iklim', {
              categoryId: 'environment',
            }),
            2026,
            ['finalist'],
          ),
        (body) =>
          expect((body as Page).items.map((r) => r.title)).toEqual([
            'Desa Tangguh Iklim',
            'Sekolah Lapang Iklim',
          ]),
      );
    });
  });

  it('should document every public route in OpenAPI', async () => {
    const res = await app.http().get('/docs-json').expect(200);
    const paths = Object.keys((res.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/public/innovations',
        '/public/innovations/{id}',
        '/public/institutions',
        '/innovations',
        '/public/open-data',
        '/public/open-data/innovations.json',
        '/public/open-data/innovations.csv',
      ]),
    );
  });

  describe('open data', () => {
    const everything = async () =>
      (await search({ pageSize: '100', sort: 'title' })).items.sort((a, b) =>
        a.innovationId.localeCompare(b.innovationId),
      );

    it('should describe the dataset with its licence, formats and fields', async () => {
      const res = await app.http().get('/public/open-data').expect(200);
      const dataset = (res.body as { datasets: { licence: string; fields: { name: string }[] }[] })
        .datasets[0];
      expect(res.body).toMatchObject({ licence: 'CC-BY-4.0' });
      expect(dataset?.fields.map((f) => f.name)).toEqual(Object.keys((await everything())[0]!));
    });

    it('should export JSON with the licence and exactly the rows of the API', async () => {
      const res = await app.http().get('/public/open-data/innovations.json').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-licence']).toBe('CC-BY-4.0');
      const body = res.body as {
        licence: string;
        generatedAt: string;
        count: number;
        items: Row[];
      };
      const api = await everything();
      expect(body.licence).toBe('CC-BY-4.0');
      expect(Date.parse(body.generatedAt)).not.toBeNaN();
      expect(body.count).toBe(api.length);
      expect(body.items).toEqual(api);
    });

    it('should export CSV with a header row, correct quoting and the same rows as the API', async () => {
      const res = await app
        .http()
        .get('/public/open-data/innovations.csv')
        .buffer(true)
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['x-licence']).toBe('CC-BY-4.0');
      const text = res.text;
      expect(text).toContain('"Café ""Literasi"", Desa"');
      const [header, ...rows] = parseCsv(text);
      const api = await everything();
      expect(header).toEqual(Object.keys(api[0]!));
      expect(rows).toEqual(
        api.map((row) => [
          row.innovationId,
          row.title,
          String(row.year),
          row.awards.map((a) => `${a.editionId}:${a.year}:${a.groupId}:${a.tier}`).join(';'),
          row.institutionId,
          row.institutionName,
          row.institutionType,
          row.provinceCode ?? '',
          row.categoryId,
          row.sdgTargets.join(';'),
          row.status,
          row.publishedAt,
          row.updatedAt,
        ]),
      );
    });
  });
});

/** RFC 4180 records (CRLF-terminated, quoted fields may hold commas, quotes and breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return records;
}
