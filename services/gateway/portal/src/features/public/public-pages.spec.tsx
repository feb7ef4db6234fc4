import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FEATURES } from '../../app/routes';
import { routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import type { InnovationRow } from './public-api';

function row(overrides: Partial<InnovationRow>): InnovationRow {
  return {
    innovationId: 'inv_0000000000000001',
    title: 'Antrean Online Puskesmas',
    year: 2023,
    awards: [{ editionId: 'kipp-2023', year: 2023, groupId: 'general', tier: 'top' }],
    institutionId: 'inst-3573',
    institutionName: 'Pemerintah Kota Malang',
    institutionType: 'city',
    provinceCode: '35',
    categoryId: 'health',
    sdgTargets: ['3.8'],
    status: 'active',
    publishedAt: '2023-07-01T00:00:00.000Z',
    updatedAt: '2023-07-01T00:00:00.000Z',
    ...overrides,
  };
}

const OPEN_DATA = {
  licence: 'CC BY 4.0',
  datasets: [
    {
      id: 'innovations',
      title: { id: 'Basis data', en: 'Database' },
      description: { id: 'Semua inovasi.', en: 'Every innovation.' },
      licence: 'CC BY 4.0',
      formats: [
        {
          format: 'json',
          href: '/public/open-data/innovations.json',
          mediaType: 'application/json',
        },
        { format: 'csv', href: '/public/open-data/innovations.csv', mediaType: 'text/csv' },
      ],
    },
  ],
};

describe('public pages', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  describe('certificate verification', () => {
    it('should show a valid certificate with its award facts when opened from the QR link', async () => {
      routes = {
        'GET /api/evaluation/public/certificates/verify/ABCD-1234': {
          status: 200,
          body: {
            valid: true,
            certificate: {
              tier: 'outstanding',
              title: 'Antrean Online Puskesmas',
              institution: 'Pemerintah Kota Malang',
              edition: 'KIPP 2023',
              year: 2023,
              issuedAt: '2023-08-01T03:00:00.000Z',
            },
          },
        },
      };
      await renderPortal({ features: FEATURES, path: '/verify/ABCD-1234', baseUrl: server.url });
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Verifikasi sertifikat' }),
      ).toBeTruthy();
      const status = (await screen.findByText('Sertifikat sah')).closest('[role="status"]')!;
      expect(status.textContent).toContain('Terpuji (Outstanding)');
      expect(status.textContent).toContain('Pemerintah Kota Malang');
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
    });

    it('should say revoked with the reason, and unknown for a code no certificate has', async () => {
      routes = {
        'GET /api/evaluation/public/certificates/verify/OLD-1': {
          status: 200,
          body: {
            valid: false,
            revoked: { at: '2023-09-01T03:00:00.000Z', reason: 'tier changed' },
          },
        },
        'GET /api/evaluation/public/certificates/verify/NOPE-2': {
          status: 404,
          body: { error: { code: 'CERTIFICATE_NOT_FOUND', message: 'no certificate' } },
        },
      };
      const { router } = await renderPortal({
        features: FEATURES,
        path: '/verify',
        baseUrl: server.url,
        locale: 'en',
      });
      fireEvent.change(await screen.findByLabelText(/Verification code/), {
        target: { value: ' OLD-1 ' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Check' }));
      const revoked = (await screen.findByText('Certificate revoked')).closest('[role="alert"]')!;
      expect(revoked.textContent).toContain('tier changed');
      expect(router.state.location.pathname).toBe('/verify/OLD-1');

      fireEvent.change(screen.getByLabelText(/Verification code/), { target: { value: 'NOPE-2' } });
      fireEvent.click(screen.getByRole('button', { name: 'Check' }));
      expect(
        (await screen.findByText('Unknown code')).closest('[role="alert"]')?.textContent,
      ).toContain('NOPE-2');

      fireEvent.change(screen.getByLabelText(/Verification code/), {
        target: { value: 'bad code!' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Check' }));
      expect(
        await screen.findByText('A code has only letters, digits and dashes (at most 64).'),
      ).toBeTruthy();
    });
  });

  describe('innovation database', () => {
    it('should search with the URL filters, keep a new search in the URL and go back to the previous one', async () => {
      routes = {
        'GET /api/replication/public/innovations': (request) => {
          const params = new URL(request.path, 'http://x').searchParams;
          return {
            status: 200,
            body: {
              items: params.get('q') === 'pajak' ? [] : [row({})],
              total: params.get('q') === 'pajak' ? 0 : 45,
              page: Number(params.get('page') ?? 1),
              pageSize: 20,
            },
          };
        },
        'GET /api/replication/public/open-data': { status: 200, body: OPEN_DATA },
      };
      const { router } = await renderPortal({
        features: FEATURES,
        path: '/innovations?province=35&tier=top',
        baseUrl: server.url,
      });
      expect(await screen.findByRole('link', { name: 'Antrean Online Puskesmas' })).toBeTruthy();
      expect(screen.getByRole('status', { name: '' }).textContent).toBe(
        '45 inovasi ditemukan · 2 saringan aktif',
      );
      const first = server.requests.find((r) =>
        r.path.startsWith('/api/replication/public/innovations'),
      );
      expect(first?.path).toContain('tier=top');
      expect(first?.path).toContain('province=35');
      expect(screen.getByLabelText<HTMLSelectElement>('Provinsi').value).toBe('35');
      expect(screen.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe(
        '/api/replication/public/open-data/innovations.csv',
      );
      expect(screen.getByText('Lisensi: CC BY 4.0')).toBeTruthy();

      fireEvent.change(screen.getByLabelText(/Kata kunci/), { target: { value: 'pajak' } });
      fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
      expect(await screen.findByText('Tidak ada inovasi yang cocok.')).toBeTruthy();
      expect(router.state.location.search).toBe('?q=pajak&tier=top&province=35');

      await act(() => router.navigate(-1));
      expect(await screen.findByRole('link', { name: 'Antrean Online Puskesmas' })).toBeTruthy();
      expect(screen.getByLabelText<HTMLInputElement>(/Kata kunci/).value).toBe('');
    });

    describe('institution filter', () => {
      const MALANG = {
        institutionId: 'inst_3573',
        name: 'Pemerintah Kota Malang',
        type: 'city',
        provinceCode: '35',
        innovations: 4,
      };
      const institutionRoutes = (): Routes => ({
        'GET /api/replication/public/innovations': (request) => {
          const params = new URL(request.path, 'http://x').searchParams;
          const items =
            params.get('institution') === 'inst_3573'
              ? [row({ institutionId: 'inst_3573' })]
              : [row({ institutionId: 'inst_3171', institutionName: 'Pemprov DKI Jakarta' })];
          return { status: 200, body: { items, total: items.length, page: 1, pageSize: 20 } };
        },
        'GET /api/replication/public/institutions': (request) => {
          const q = new URL(request.path, 'http://x').searchParams.get('q') ?? '';
          const items = 'malang'.startsWith(q.toLowerCase())
            ? [
                MALANG,
                {
                  institutionId: 'inst_3507',
                  name: 'Pemerintah Kabupaten Malang',
                  type: 'regency',
                  provinceCode: '35',
                  innovations: 2,
                },
              ]
            : [];
          return { status: 200, body: { items, total: items.length } };
        },
        'GET /api/replication/public/open-data': { status: 200, body: OPEN_DATA },
      });
      const lookups = () =>
        server.requests.filter((r) => r.path.startsWith('/api/replication/public/institutions'));

      it('should look a name up once typing pauses, keep the chosen id in the URL and show its name', async () => {
        routes = institutionRoutes();
        const { router } = await renderPortal({
          features: FEATURES,
          path: '/innovations',
          baseUrl: server.url,
          locale: 'en',
        });
        await screen.findByRole('link', { name: 'Antrean Online Puskesmas' });
        const field = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Institution' });
        for (const value of ['m', 'ma', 'mal']) fireEvent.change(field, { target: { value } });

        const choice = await screen.findByRole('button', {
          name: 'Pemerintah Kota Malang · Jawa Timur · 4 innovations',
        });
        expect(screen.getByText('2 matching institutions; choose one.')).toBeTruthy();
        expect(lookups().map((r) => r.path)).toEqual([
          '/api/replication/public/institutions?q=mal&limit=10',
        ]);
        fireEvent.click(choice);
        expect(screen.queryByRole('list', { name: 'Matching institutions' })).toBeNull();
        expect(field.value).toBe('Pemerintah Kota Malang');
        expect(document.activeElement).toBe(field);

        fireEvent.click(screen.getByRole('button', { name: 'Search' }));
        await waitFor(() => expect(router.state.location.search).toBe('?institution=inst_3573'));
        await waitFor(() =>
          expect(
            screen.getByRole<HTMLInputElement>('searchbox', { name: 'Institution' }).value,
          ).toBe('Pemerintah Kota Malang'),
        );
        expect(screen.getByRole('status', { name: '' }).textContent).toBe(
          '1 innovations found · 1 active filters',
        );
      });

      it('should ask for a choice instead of searching by a name that was not chosen', async () => {
        routes = institutionRoutes();
        const { router } = await renderPortal({
          features: FEATURES,
          path: '/innovations',
          baseUrl: server.url,
        });
        await screen.findByRole('link', { name: 'Antrean Online Puskesmas' });
        const field = screen.getByRole<HTMLInputElement>('searchbox', { name: 'Instansi' });
        fireEvent.change(field, { target: { value: 'Kota Bogor' } });
        expect(
          await screen.findByText(
            'Tidak ada instansi dengan inovasi dalam basis data yang namanya cocok.',
          ),
        ).toBeTruthy();
        fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
        expect(
          screen.getByText(
            'Pilih instansi dari daftar di bawah kolom ini, atau kosongkan kolomnya.',
          ),
        ).toBeTruthy();
        expect(field.getAttribute('aria-invalid')).toBe('true');
        expect(document.activeElement).toBe(field);
        expect(router.state.location.search).toBe('');

        // A regency/city region code is searched as typed, without a lookup.
        fireEvent.change(field, { target: { value: '35.73' } });
        fireEvent.click(screen.getByRole('button', { name: 'Cari' }));
        await waitFor(() => expect(router.state.location.search).toBe('?institution=inst_3573'));
        expect(lookups().map((r) => r.path)).toEqual([
          '/api/replication/public/institutions?q=Kota+Bogor&limit=10',
        ]);
        // Its name shows once the results name it.
        await waitFor(() =>
          expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Instansi' }).value).toBe(
            'Pemerintah Kota Malang',
          ),
        );
      });
    });

    it('should show the error code and request id when the service refuses', async () => {
      routes = {
        'GET /api/replication/public/innovations': {
          status: 400,
          body: { error: { code: 'VALIDATION_FAILED', message: 'bad' } },
          headers: { 'x-request-id': 'req-42' },
        },
        'GET /api/replication/public/open-data': { status: 200, body: OPEN_DATA },
      };
      await renderPortal({
        features: FEATURES,
        path: '/innovations',
        baseUrl: server.url,
        locale: 'en',
      });
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert.textContent).toContain('VALIDATION_FAILED'));
      expect(alert.textContent).toContain('req-42');
    });
  });

  describe('replication map', () => {
    it('should name each province tile with its value and open the province panel from the keyboard', async () => {
      routes = {
        'GET /api/replication/public/provinces/diffusion': {
          status: 200,
          body: {
            provinces: [
              {
                provinceCode: '35',
                innovations: 12,
                replicationsIn: 7,
                replicationsOut: 3,
                byStatus: { active: 10, scaled: 1, stopped: 1, lapsed: 0 },
              },
              {
                provinceCode: '51',
                innovations: 2,
                replicationsIn: 1,
                replicationsOut: 0,
                byStatus: { active: 2, scaled: 0, stopped: 0, lapsed: 0 },
              },
            ],
          },
        },
        'GET /api/replication/public/provinces/35/diffusion': {
          status: 200,
          body: {
            provinceCode: '35',
            innovations: 12,
            replicationsIn: 7,
            replicationsOut: 3,
            byStatus: { active: 10, scaled: 1, stopped: 1, lapsed: 0 },
          },
        },
        'GET /api/replication/public/diffusion/national': {
          status: 200,
          body: {
            from: 2022,
            to: 2023,
            years: [
              {
                year: 2022,
                innovationsPublished: 5,
                confirmedReplications: 2,
                provincesReachedCumulative: 1,
                activeShare: 1,
              },
              {
                year: 2023,
                innovationsPublished: 9,
                confirmedReplications: 6,
                provincesReachedCumulative: 2,
                activeShare: 0.9,
              },
            ],
            totals: {
              innovations: 14,
              confirmedReplications: 8,
              innovationsReplicated: 3,
              provincesReached: 2,
              activeShare: 0.9,
            },
          },
        },
      };
      const { router } = await renderPortal({
        features: FEATURES,
        path: '/map',
        baseUrl: server.url,
        locale: 'en',
      });
      const tile = await screen.findByRole('button', { name: 'Jawa Timur: 7' });
      expect(tile.getAttribute('class')).toContain('map-shade-4');
      expect(screen.getByRole('button', { name: 'Bali: 1' }).getAttribute('class')).toContain(
        'map-shade-1',
      );
      expect(screen.getByRole('button', { name: 'Aceh: 0' }).getAttribute('class')).toContain(
        'map-shade-0',
      );
      expect(screen.getAllByRole('button', { name: /: \d+$/ })).toHaveLength(38);

      fireEvent.keyDown(tile, { key: 'Enter' });
      const panel = await screen.findByRole('heading', { name: 'Province of Jawa Timur' });
      expect(panel).toBeTruthy();
      expect(router.state.location.search).toBe('?province=35');
      expect(
        screen.getByRole('button', { name: 'Jawa Timur: 7' }).getAttribute('aria-pressed'),
      ).toBe('true');
      const table = screen.getByRole('table', { name: 'Replications per province' });
      const east = within(table).getByRole('rowheader', { name: 'Jawa Timur' }).closest('tr');
      expect(Array.from(east!.querySelectorAll('td'), (td) => td.textContent)).toEqual([
        '12',
        '7',
        '3',
      ]);

      fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'replicationsOut' } });
      expect(await screen.findByRole('button', { name: 'Jawa Timur: 3' })).toBeTruthy();
    });
  });

  describe('objections', () => {
    const finalists = {
      status: 200,
      body: {
        editionId: 'kipp-2027',
        publishedAt: '2027-05-20T00:00:00.000Z',
        finalists: [
          {
            proposalId: 'p-1',
            title: 'Antrean Online',
            institutionName: 'Kota Malang',
            categoryId: 'health',
            groupId: 'general',
          },
        ],
      },
    };

    it('should file an objection with its evidence and show the receipt', async () => {
      let filed = false;
      routes = {
        'GET /api/evaluation/public/editions/kipp-2027/finalists': finalists,
        'GET /api/evaluation/public/editions/kipp-2027/objections': () => ({
          status: 200,
          body: {
            objections: filed
              ? [
                  {
                    objectionId: 'obj-9',
                    proposalId: 'p-1',
                    proposalTitle: 'Antrean Online',
                    institutionName: 'Kota Malang',
                    filedAt: '2027-06-02T01:00:00.000Z',
                    status: 'pending',
                    reason: null,
                    resolvedAt: null,
                  },
                ]
              : [],
          },
        }),
        'POST /api/evaluation/public/editions/kipp-2027/objections': () => {
          filed = true;
          return {
            status: 201,
            body: {
              objectionId: 'obj-9',
              proposalId: 'p-1',
              editionId: 'kipp-2027',
              evidenceCount: 1,
              filedAt: '2027-06-02T01:00:00.000Z',
            },
          };
        },
      };
      await renderPortal({
        features: FEATURES,
        path: '/objections/kipp-2027',
        baseUrl: server.url,
      });
      fireEvent.click(await screen.findByRole('button', { name: 'Kirim sanggahan' }));
      expect(await screen.findByText('Alasan paling sedikit 20 karakter.')).toBeTruthy();
      expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

      fireEvent.change(screen.getByLabelText(/Finalis yang disanggah/), {
        target: { value: 'p-1' },
      });
      fireEvent.change(screen.getByLabelText(/Nama Anda/), { target: { value: 'Sari' } });
      fireEvent.change(screen.getByLabelText(/Surel Anda/), {
        target: { value: 'sari@contoh.go.id' },
      });
      fireEvent.change(screen.getByLabelText(/Alasan sanggahan/), {
        target: { value: 'Inovasi ini sudah berhenti sejak tahun lalu.' },
      });
      const evidence = new File(['%PDF-1.4 bukti'], 'bukti.pdf', { type: 'application/pdf' });
      fireEvent.change(screen.getByLabelText(/Bukti/), { target: { files: [evidence] } });
      fireEvent.click(screen.getByRole('button', { name: 'Kirim sanggahan' }));

      const receipt = await screen.findByText('Sanggahan diterima');
      expect(receipt.closest('[role="status"]')?.textContent).toContain('obj-9');
      const post = server.requests.find((r) => r.method === 'POST');
      expect(post?.headers['content-type']).toContain('multipart/form-data');
      expect(post?.body).toContain('name="grounds"');
      expect(post?.body).toContain('filename="bukti.pdf"');
      expect(await screen.findByRole('cell', { name: 'Dalam proses' })).toBeTruthy();
    });

    const publishedEdition = (currentPhase: string) => ({
      status: 200,
      body: {
        editions: [
          {
            editionId: 'kipp-2027',
            status: 'published',
            currentPhase,
            configuration: {
              name: 'KIPP 2027',
              year: 2027,
              calendar: [
                {
                  phase: 'objection',
                  startsAt: '2099-06-01T01:00:00.000Z',
                  endsAt: '2099-06-05T09:00:00.000Z',
                },
              ],
            },
          },
        ],
      },
    });

    it.each([
      ['objection', 'The objection period is open until 5 June 2099', true],
      ['panel-review', 'The objection period starts', false],
      ['results', 'The objection period is closed', false],
    ])(
      'should follow the edition phase %s over the calendar for a visitor who is not signed in',
      async (phase, notice, formShown) => {
        routes = {
          'GET /api/registration/public/editions': publishedEdition(phase),
          'GET /api/evaluation/public/editions/kipp-2027/finalists': finalists,
          'GET /api/evaluation/public/editions/kipp-2027/objections': {
            status: 200,
            body: { objections: [] },
          },
        };
        await renderPortal({
          features: FEATURES,
          path: '/objections/kipp-2027',
          baseUrl: server.url,
          locale: 'en',
        });
        expect(await screen.findByText(new RegExp(notice))).toBeTruthy();
        expect(await screen.findByRole('table', { name: 'Current finalists' })).toBeTruthy();
        expect(screen.queryByRole('button', { name: 'Send objection' }) !== null).toBe(formShown);
      },
    );

    it('should turn to a clear closed state with the window in the visitor zone when the service says closed', async () => {
      routes = {
        'GET /api/evaluation/public/editions/kipp-2027/finalists': finalists,
        'GET /api/evaluation/public/editions/kipp-2027/objections': {
          status: 200,
          body: { objections: [] },
        },
        'POST /api/evaluation/public/editions/kipp-2027/objections': {
          status: 409,
          body: {
            error: {
              code: 'OBJECTION_WINDOW_CLOSED',
              message: 'closed',
              details: {
                editionId: 'kipp-2027',
                window: { startsAt: '2027-06-01 08:00 WIB', endsAt: '2027-06-05 16:00 WIB' },
              },
            },
          },
        },
      };
      await renderPortal({
        features: FEATURES,
        path: '/objections/kipp-2027',
        baseUrl: server.url,
        locale: 'en',
      });
      fireEvent.change(await screen.findByLabelText(/Finalist objected to/), {
        target: { value: 'p-1' },
      });
      fireEvent.change(screen.getByLabelText(/Your name/), { target: { value: 'Sari' } });
      fireEvent.change(screen.getByLabelText(/Your email/), {
        target: { value: 'sari@contoh.go.id' },
      });
      fireEvent.change(screen.getByLabelText(/Grounds/), { target: { value: 'x'.repeat(25) } });
      fireEvent.click(screen.getByRole('button', { name: 'Send objection' }));

      await screen.findByText('The objection period is closed');
      // jsdom runs in UTC, which is no Indonesian zone: times are shown in WIB.
      expect(
        screen.getByText(
          /Objections were accepted from 1 June 2027 at 08:00 WIB to 5 June 2027 at 16:00 WIB\./,
        ),
      ).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Send objection' })).toBeNull();
    });
  });
});
