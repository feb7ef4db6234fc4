import { InstitutionRegisteredV1, InstitutionUpdatedV1 } from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import { startRegistrationApp, type RegistrationTestApp } from './registration-test-app';

interface InstitutionBody {
  institutionId: string;
  code: string;
  name: string;
  type: string;
  provinceCode: string | null;
  disadvantaged: boolean;
  revision: number;
}

interface ListBody {
  items: InstitutionBody[];
  total: number;
  page: number;
  pageSize: number;
}

interface Envelope<P> {
  payload: P;
}

describe('institution registry', () => {
  let service: RegistrationTestApp;
  let reader: TopicReader;
  let admin: Record<string, string>;

  beforeAll(async () => {
    // Seeds the regions at start-up: the registry is empty.
    service = await startRegistrationApp({ env: { REGIONS_SEED_ON_START: 'true' } });
    reader = await TopicReader.start([
      service.topics.topicOf(InstitutionRegisteredV1),
      service.topics.topicOf(InstitutionUpdatedV1),
    ]);
    admin = await service.issuer.headers(['national_admin']);
  });

  afterAll(async () => {
    await reader.stop();
    await service.close();
  });

  const http = () => service.http();

  const registeredEvents = () =>
    reader.on(service.topics.topicOf(InstitutionRegisteredV1)).map(
      (m) =>
        JSON.parse(m.value ?? '{}') as Envelope<{
          code: string;
          institutionId: string;
          provinceCode: string | null;
        }>,
    );
  const registeredEventsOf = (code: string) =>
    registeredEvents().filter((e) => e.payload.code === code);
  const updatedEventsOf = (institutionId: string) =>
    reader
      .on(service.topics.topicOf(InstitutionUpdatedV1))
      .map(
        (m) =>
          JSON.parse(m.value ?? '{}') as Envelope<{
            institutionId: string;
            revision: number;
            changed: string[];
            disadvantaged: boolean;
            updatedBy: unknown;
          }>,
      )
      .filter((e) => e.payload.institutionId === institutionId);

  const list = async (query: string, headers = admin): Promise<ListBody> =>
    (await http().get(`/institutions?${query}`).set(headers).expect(200)).body as ListBody;

  const listAll = async (query: string): Promise<InstitutionBody[]> => {
    const items: InstitutionBody[] = [];
    for (let page = 1; ; page++) {
      const body = await list(`${query}&pageSize=100&page=${page}`);
      items.push(...body.items);
      if (items.length >= body.total) return items;
    }
  };

  describe('regions seeded from the administrative data', () => {
    it('should hold the 38 provinces and 514 regencies and cities, each under its province, when the service started on an empty registry', async () => {
      const provinces = await listAll('type=province');
      const regencies = await listAll('type=regency');
      const cities = await listAll('type=city');
      expect(provinces).toHaveLength(38);
      expect(regencies.length + cities.length).toBe(514);

      const provinceCodes = new Set(provinces.map((p) => p.code));
      for (const region of [...regencies, ...cities]) {
        expect(provinceCodes.has(region.provinceCode ?? '')).toBe(true);
        expect(region.code.startsWith(`${region.provinceCode}.`)).toBe(true);
      }
      expect(cities.find((c) => c.code === '32.73')).toMatchObject({
        institutionId: 'inst_3273',
        name: 'Pemerintah Kota Bandung',
        type: 'city',
        provinceCode: '32',
        disadvantaged: false,
        revision: 1,
      });
      expect(regencies.find((r) => r.code === '32.04')).toMatchObject({
        name: 'Pemerintah Kabupaten Bandung',
        type: 'regency',
      });

      const seededCodes = new Set([...provinces, ...regencies, ...cities].map((i) => i.code));
      await eventually(() =>
        expect(registeredEvents().filter((e) => seededCodes.has(e.payload.code))).toHaveLength(552),
      );
    });

    it('should change nothing and publish nothing when the national admin seeds a second time', async () => {
      const before = await list('type=province&pageSize=100');
      const response = await http().post('/institutions/seed-regions').set(admin).expect(200);
      expect(response.body).toEqual({ provinces: 38, regenciesAndCities: 514, created: 0 });
      expect(await list('type=province&pageSize=100')).toEqual(before);
      expect(
        (await list('type=regency&pageSize=1')).total + (await list('type=city&pageSize=1')).total,
      ).toBe(514);

      // A later event on the same topic has arrived, and still no region was announced twice.
      await http()
        .post('/institutions')
        .set(admin)
        .send({ code: 'SEED-SENTINEL', name: 'Kementerian Sentinel', type: 'ministry' })
        .expect(201);
      await eventually(() => expect(registeredEventsOf('SEED-SENTINEL')).toHaveLength(1));
      expect(registeredEventsOf('32.73')).toHaveLength(1);
      expect(registeredEventsOf('11')).toHaveLength(1);
    });

    it('should let no one but the national admin seed the regions', async () => {
      const localAdmin = await service.issuer.headers(['local_admin'], {
        institutionId: 'inst_3273',
      });
      await http().post('/institutions/seed-regions').set(localAdmin).expect(403);
    });
  });

  describe('registering', () => {
    it('should register an institution for the national admin and publish the fact', async () => {
      const response = await http()
        .post('/institutions')
        .set(admin)
        .send({ code: 'X35.78', name: 'Pemerintah Kota Uji', type: 'city', provinceCode: '35' })
        .expect(201);
      const body = response.body as InstitutionBody;
      expect(body).toMatchObject({
        code: 'X35.78',
        type: 'city',
        provinceCode: '35',
        disadvantaged: false,
        revision: 1,
      });

      await eventually(() => expect(registeredEventsOf('X35.78')).toHaveLength(1));
      expect(registeredEventsOf('X35.78')[0]?.payload.institutionId).toBe(body.institutionId);
      await http().get(`/institutions/${body.institutionId}`).set(admin).expect(200);
    });

    it('should refuse a second institution with the same code, with no second event', async () => {
      const institution = { code: 'KEMENKES', name: 'Kementerian Kesehatan', type: 'ministry' };
      await http().post('/institutions').set(admin).send(institution).expect(201);
      const duplicate = await http().post('/institutions').set(admin).send(institution).expect(409);
      expect(duplicate.body).toMatchObject({ error: { code: 'INSTITUTION_CODE_TAKEN' } });
      await eventually(() => expect(registeredEventsOf('KEMENKES')).toHaveLength(1));
    });

    it('should reject an invalid institution with the field at fault and publish nothing', async () => {
      const response = await http()
        .post('/institutions')
        .set(admin)
        .send({ code: '99.99', name: 'X', type: 'village' })
        .expect(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
      const paths = (
        response.body as { error: { details: { issues: { path: string }[] } } }
      ).error.details.issues.map((issue) => issue.path);
      expect(paths).toEqual(expect.arrayContaining(['name', 'type']));
      expect(registeredEventsOf('99.99')).toHaveLength(0);
    });

    it('should let no other role register institutions', async () => {
      for (const role of ['local_admin', 'unit_operator', 'evaluator', 'panelist'] as const) {
        const headers = await service.issuer.headers([role], {
          institutionId: 'inst_x',
          unitId: 'unit_x',
        });
        const response = await http()
          .post('/institutions')
          .set(headers)
          .send({ code: `36.${role.length}`, name: 'Pemerintah Kota Tangerang', type: 'city' });
        expect({
          role,
          status: response.status,
          code: (response.body as { error?: { code: string } }).error?.code,
        }).toEqual({ role, status: 403, code: 'AUTH_FORBIDDEN' });
      }
    });

    it('should show an institution only to its own local admin', async () => {
      const own = await service.issuer.headers(['local_admin'], { institutionId: 'inst_7371' });
      const other = await service.issuer.headers(['local_admin'], { institutionId: 'inst_other' });
      await http().get('/institutions/inst_7371').set(own).expect(200);
      await http().get('/institutions/inst_7371').set(other).expect(403);
      await http().get('/institutions/inst_7371').expect(401);
    });
  });

  describe('updating', () => {
    it('should mark a region disadvantaged with one update event and a higher revision, and refuse a stale revision with 409', async () => {
      const id = 'inst_9171'; // Kota Jayapura
      const before = (await http().get(`/institutions/${id}`).set(admin).expect(200))
        .body as InstitutionBody;

      const updated = await http()
        .patch(`/institutions/${id}`)
        .set(admin)
        .send({ revision: before.revision, disadvantaged: true })
        .expect(200);
      expect(updated.body).toMatchObject({ disadvantaged: true, revision: before.revision + 1 });

      await eventually(() => expect(updatedEventsOf(id)).toHaveLength(1));
      expect(updatedEventsOf(id)[0]?.payload).toMatchObject({
        revision: before.revision + 1,
        changed: ['disadvantaged'],
        disadvantaged: true,
        updatedBy: { kind: 'account' },
      });

      const stale = await http()
        .patch(`/institutions/${id}`)
        .set(admin)
        .send({ revision: before.revision, name: 'Pemerintah Kota Jayapura (lama)' })
        .expect(409);
      expect(stale.body).toMatchObject({
        error: { code: 'INSTITUTION_REVISION_STALE', details: { currentRevision: 2 } },
      });
      const after = (await http().get(`/institutions/${id}`).set(admin).expect(200))
        .body as InstitutionBody;
      expect(after).toMatchObject({ name: 'Pemerintah Kota Jayapura', revision: 2 });
      expect((await list('disadvantaged=true&provinceCode=91')).items.map((i) => i.code)).toEqual([
        '91.71',
      ]);
      expect(updatedEventsOf(id)).toHaveLength(1);
    });

    it('should refuse an update from anyone but the national admin, and an unknown province', async () => {
      const localAdmin = await service.issuer.headers(['local_admin'], {
        institutionId: 'inst_3171',
      });
      await http()
        .patch('/institutions/inst_3171')
        .set(localAdmin)
        .send({ revision: 1, name: 'Pemerintah Kota Hebat' })
        .expect(403);
      const unknown = await http()
        .patch('/institutions/inst_3171')
        .set(admin)
        .send({ revision: 1, provinceCode: '99' })
        .expect(422);
      expect(unknown.body).toMatchObject({ error: { code: 'INSTITUTION_PROVINCE_UNKNOWN' } });
      await http()
        .patch('/institutions/inst_nope')
        .set(admin)
        .send({ revision: 1, disadvantaged: true })
        .expect(404);
      expect(updatedEventsOf('inst_3171')).toHaveLength(0);
    });
  });

  describe('search and list', () => {
    it('should filter by province, type and text, sorted by name, with a total', async () => {
      const cities = await list('provinceCode=32&type=city');
      expect(cities.total).toBe(9);
      const names = cities.items.map((i) => i.name);
      expect(names).toEqual([...names].sort());
      expect(names).toContain('Pemerintah Kota Bandung');

      const bandung = await list('q=bandung');
      expect(bandung.items.map((i) => i.code).sort()).toEqual(['32.04', '32.17', '32.73']);

      const page2 = await list('type=province&pageSize=10&page=2');
      expect(page2).toMatchObject({ total: 38, page: 2, pageSize: 10 });
      expect(page2.items).toHaveLength(10);
      const page1 = await list('type=province&pageSize=10&page=1');
      expect(page1.items.at(-1)!.name < page2.items[0]!.name).toBe(true);
    });

    it('should reject a bad filter with 400 instead of ignoring it', async () => {
      const response = await http()
        .get('/institutions?disadvantaged=maybe&pageSize=1000')
        .set(admin)
        .expect(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    });

    it('should show a local admin or unit operator only their own institution, and refuse an evaluator', async () => {
      const localAdmin = await service.issuer.headers(['local_admin'], {
        institutionId: 'inst_3273',
      });
      const own = await list('pageSize=100', localAdmin);
      expect(own.total).toBe(1);
      expect(own.items.map((i) => i.institutionId)).toEqual(['inst_3273']);
      expect((await list('provinceCode=35', localAdmin)).total).toBe(0);

      const operator = await service.issuer.headers(['unit_operator'], {
        institutionId: 'inst_3273',
        unitId: 'unit_1',
      });
      expect((await list('', operator)).items.map((i) => i.institutionId)).toEqual(['inst_3273']);

      const evaluator = await service.issuer.headers(['evaluator']);
      await http().get('/institutions').set(evaluator).expect(403);
    });
  });

  describe('CSV import', () => {
    const header = 'code,name,type,provinceCode,disadvantaged';

    interface ImportJobBody {
      importId: string;
      kind: string;
      status: string;
      total: number;
      processed: number;
      result?: unknown;
    }

    /** Starts a valid import (202) and polls its job until it is done. */
    async function importUntilDone(csv: string) {
      const started = await http()
        .post('/institutions/imports')
        .set(admin)
        .send({ csv })
        .expect(202);
      const { importId } = started.body as ImportJobBody;
      const done = await eventually(async () => {
        const job = await http().get(`/imports/${importId}`).set(admin).expect(200);
        expect((job.body as ImportJobBody).status).toBe('done');
        return job.body as ImportJobBody;
      });
      return { started: started.body as ImportJobBody, done };
    }

    it('should import nothing and answer 422 with the row and column at fault when one row is invalid', async () => {
      const csv = [
        header,
        'BUMN-IMP-1,PT Impor Satu,bumn,,false',
        'BUMD-IMP-2,PD Impor Dua,bumd,33,true',
        'BUMD-IMP-3,PD Impor Tiga,village,33,false',
        '"KEMEN-IMP-4","Kementerian Impor, Empat",ministry,,',
      ].join('\n');
      const response = await http()
        .post('/institutions/imports')
        .set(admin)
        .send({ csv })
        .expect(422);
      expect(response.body).toMatchObject({
        error: {
          code: 'INSTITUTION_IMPORT_INVALID',
          details: {
            rows: 4,
            errors: [{ row: 4, column: 'type', code: 'INVALID_VALUE' }],
          },
        },
      });
      expect((await list('q=impor')).total).toBe(0);

      const taken = await http()
        .post('/institutions/imports')
        .set(admin)
        .send({
          csv: [header, 'BUMN-IMP-9,PT Baru,bumn,,', '32.73,Kota Bandung Lagi,city,32,'].join(
            '\r\n',
          ),
        })
        .expect(422);
      expect(taken.body).toMatchObject({
        error: { details: { errors: [{ row: 3, column: 'code', code: 'CODE_TAKEN' }] } },
      });
      expect((await list('q=BUMN-IMP-9')).total).toBe(0);
    });

    it('should report duplicate codes, unknown provinces and missing columns by row', async () => {
      const duplicate = await http()
        .post('/institutions/imports')
        .set(admin)
        .send({ csv: [header, 'DUP-1,PT Satu,bumn,,', 'DUP-1,PT Dua,bumn,77,'].join('\n') })
        .expect(422);
      expect(
        (duplicate.body as { error: { details: { errors: unknown[] } } }).error.details.errors,
      ).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 3, column: 'code', code: 'DUPLICATE_IN_FILE' }),
          expect.objectContaining({ row: 3, column: 'provinceCode', code: 'UNKNOWN_PROVINCE' }),
        ]),
      );
      const missing = await http()
        .post('/institutions/imports')
        .set(admin)
        .send({ csv: 'code,name\nX-1,Nama' })
        .expect(422);
      expect(missing.body).toMatchObject({
        error: { details: { errors: [{ row: 1, column: 'type', code: 'MISSING_COLUMN' }] } },
      });
    });

    it('should import every row of a valid file and publish one registered event per institution', async () => {
      const codes = ['BUMN-OK-1', 'BUMD-OK-2', 'KEMEN-OK-3'];
      const csv = [
        header,
        `${codes[0]},PT Impor Baik,bumn,,false`,
        `${codes[1]},PD Impor Baik,bumd,33,true`,
        `${codes[2]},"Kementerian Impor, Baik",ministry,,`,
      ].join('\n');
      const { started, done } = await importUntilDone(csv);
      expect(started).toEqual({
        importId: expect.any(String) as unknown,
        status: 'applying',
        total: 3,
        processed: 0,
      });
      expect(done).toEqual({
        importId: started.importId,
        kind: 'institutions',
        status: 'done',
        total: 3,
        processed: 3,
        result: { rows: 3, errors: [] },
      });

      const imported = await list('q=baik');
      expect(imported.items.map((i) => i.code).sort()).toEqual([...codes].sort());
      expect(imported.items.find((i) => i.code === 'BUMD-OK-2')).toMatchObject({
        type: 'bumd',
        provinceCode: '33',
        disadvantaged: true,
      });
      expect(imported.items.find((i) => i.code === 'KEMEN-OK-3')?.name).toBe(
        'Kementerian Impor, Baik',
      );
      await eventually(() => {
        for (const code of codes) expect(registeredEventsOf(code)).toHaveLength(1);
      });
      // The refused files announced nothing.
      expect(registeredEvents().filter((e) => e.payload.code.includes('-IMP-'))).toHaveLength(0);
    });

    it('should apply a long file in the background and count every row when it is done', async () => {
      const rows = Array.from({ length: 1200 }, (_, i) => `BUMD-LONG-${i},PD Panjang ${i},bumd,,`);
      const { started, done } = await importUntilDone([header, ...rows].join('\n'));

      expect(started).toMatchObject({ status: 'applying', total: 1200, processed: 0 });
      expect(done).toMatchObject({ status: 'done', total: 1200, processed: 1200 });
      expect((await list('q=BUMD-LONG-')).total).toBe(1200);
      await eventually(() => {
        expect(
          registeredEvents().filter((e) => e.payload.code.startsWith('BUMD-LONG-')),
        ).toHaveLength(1200);
      });
    });

    it('should answer 404 IMPORT_NOT_FOUND when the import id is unknown', async () => {
      const response = await http().get('/imports/imp_unknown').set(admin).expect(404);
      expect(response.body).toMatchObject({ error: { code: 'IMPORT_NOT_FOUND' } });
    });

    it('should let no one but the national admin import or follow an import', async () => {
      const localAdmin = await service.issuer.headers(['local_admin'], {
        institutionId: 'inst_3273',
      });
      await http()
        .post('/institutions/imports')
        .set(localAdmin)
        .send({ csv: `${header}\nX-9,PT Sembilan,bumn,,` })
        .expect(403);
      const { started } = await importUntilDone(`${header}\nX-10,PT Sepuluh,bumn,,`);
      for (const role of ['local_admin', 'unit_operator', 'evaluator', 'panelist'] as const) {
        const headers = await service.issuer.headers([role], {
          institutionId: 'inst_x',
          unitId: 'unit_x',
        });
        await http().get(`/imports/${started.importId}`).set(headers).expect(403);
      }
    });
  });
});
