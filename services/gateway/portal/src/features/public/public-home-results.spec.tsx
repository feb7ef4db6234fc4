import { screen, waitFor, within } from '@testing-library/react';
import { FEATURES } from '../../app/routes';
import { routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';

const NATIONAL = {
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
    innovations: 1916,
    confirmedReplications: 8,
    innovationsReplicated: 3,
    provincesReached: 2,
    activeShare: 0.8571,
  },
};

/** The catalogue as the figures ask it: totals per tier, and a finalist per year naming its edition. */
function catalogue(path: string) {
  const params = new URL(path, 'http://x').searchParams;
  const year = params.get('year');
  const tier = params.get('tier');
  if (year !== null) {
    const total = year === '2023' ? 99 : 0;
    const items =
      total === 0
        ? []
        : [
            {
              awards: [
                { editionId: 'kipp-2023', year: 2023, groupId: 'general', tier: 'finalist' },
              ],
            },
          ];
    return { status: 200, body: { items, total, page: 1, pageSize: 1 } };
  }
  const totals: Record<string, number> = {
    finalist: 300,
    top: 120,
    outstanding: 15,
    'replication-top': 5,
  };
  return { status: 200, body: { items: [], total: totals[tier ?? ''] ?? 0, page: 1, pageSize: 1 } };
}

describe('public home and results', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    routes = {
      'GET /api/replication/public/diffusion/national': { status: 200, body: NATIONAL },
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
              innovations: 4,
              replicationsIn: 1,
              replicationsOut: 0,
              byStatus: { active: 4, scaled: 0, stopped: 0, lapsed: 0 },
            },
          ],
        },
      },
      'GET /api/replication/public/innovations': (request) => catalogue(request.path),
    };
  });

  it('should show the live figures and the charts to visitors who are not signed in', async () => {
    routes['GET /api/registration/public/editions'] = { status: 200, body: { editions: [] } };
    await renderPortal({ features: FEATURES, path: '/', baseUrl: server.url, locale: 'en' });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: "Indonesia's Public Service Innovations",
      }),
    ).toBeTruthy();
    const innovations = await screen.findByText('Innovations in the database');
    expect(innovations.nextElementSibling?.textContent).toBe('1,916');
    expect(screen.getByText('Editions with results').nextElementSibling?.textContent).toBe('1');
    expect(screen.getByText('Innovations still active').nextElementSibling?.textContent).toBe(
      '85.7%',
    );
    expect(await screen.findByText('No edition has been published yet.')).toBeTruthy();

    const byTier = screen.getByRole('table', { name: /Innovations by award tier/ });
    expect(
      within(byTier)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'CategoryInnovations',
      'Finalist300',
      'Top120',
      'Outstanding15',
      'Top replication5',
    ]);
    const byProvince = screen.getByRole('table', { name: /Innovations by province/ });
    expect(
      within(byProvince)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Jawa Timur', 'Bali']);
    expect(
      screen.getByRole('img', { name: /National innovation diffusion per year/ }),
    ).toBeTruthy();
    // Public figures are asked without a token.
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('should show the current edition and its calendar to a visitor who is not signed in', async () => {
    routes['GET /api/registration/public/editions'] = {
      status: 200,
      body: {
        editions: [
          {
            editionId: 'kipp-2027',
            status: 'published',
            currentPhase: 'objection',
            configuration: {
              name: 'KIPP 2027',
              year: 2027,
              categories: [],
              calendar: [
                {
                  phase: 'panel-review',
                  startsAt: '2027-05-01T01:00:00.000Z',
                  endsAt: '2027-05-31T09:00:00.000Z',
                },
                {
                  phase: 'objection',
                  startsAt: '2027-06-01T01:00:00.000Z',
                  endsAt: '2027-06-05T09:00:00.000Z',
                },
              ],
            },
          },
        ],
      },
    };
    await renderPortal({
      features: FEATURES,
      path: '/overview',
      baseUrl: server.url,
    });
    expect(await screen.findByText('KIPP 2027: tahap Masa sanggah')).toBeTruthy();
    const calendar = screen.getByRole('table', { name: 'Jadwal KIPP 2027 (waktu WIB)' });
    const objection = within(calendar)
      .getByRole('rowheader', { name: 'Masa sanggah (sedang berlangsung)' })
      .closest('tr');
    expect(objection?.textContent).toContain('5 Juni 2027');
    expect(objection?.textContent).toContain('16.00 WIB');
    const asked = server.requests.find((r) =>
      r.path.startsWith('/api/registration/public/editions'),
    );
    expect(asked?.headers.authorization).toBeUndefined();
  });

  it('should list the editions with results and show one edition per group and category, highest tier first', async () => {
    routes['GET /api/evaluation/public/editions/kipp-2023/results'] = {
      status: 200,
      body: [
        {
          proposalId: 'p-1',
          title: 'Antrean Online',
          institutionId: 'i-1',
          institutionName: 'Kota Malang',
          categoryId: 'health',
          groupId: 'general',
          tiers: ['finalist'],
        },
        {
          proposalId: 'p-2',
          title: 'Sigap Desa',
          institutionId: 'i-2',
          institutionName: 'Kab. Badung',
          categoryId: 'health',
          groupId: 'general',
          tiers: ['finalist', 'top', 'outstanding'],
        },
        {
          proposalId: 'p-3',
          title: 'Replika',
          institutionId: 'i-3',
          institutionName: null,
          categoryId: 'health',
          groupId: 'replication',
          tiers: ['finalist', 'replication-top'],
        },
      ],
    };
    const { router } = await renderPortal({
      features: FEATURES,
      path: '/results',
      baseUrl: server.url,
      locale: 'en',
    });
    const link = await screen.findByRole('link', { name: 'KIPP 2023 (kipp-2023)' });
    expect(link.getAttribute('href')).toBe('/results/kipp-2023');

    await router.navigate('/results/kipp-2023');
    const general = await screen.findByRole('table', { name: 'General · category health' });
    expect(
      within(general)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['Sigap Desa', 'Antrean Online']);
    expect(
      screen.getByRole('table', { name: 'Replication · category health' }).textContent,
    ).toContain('Top replication');
    await waitFor(() =>
      expect(screen.getByRole('table', { name: /Highest tier reached/ }).textContent).toContain(
        'Outstanding1',
      ),
    );
  });

  it('should say the results are not announced when the edition has none', async () => {
    routes['GET /api/evaluation/public/editions/kipp-2027/results'] = { status: 200, body: [] };
    await renderPortal({ features: FEATURES, path: '/results/kipp-2027', baseUrl: server.url });
    expect(await screen.findByText('Hasil edisi ini belum diumumkan.')).toBeTruthy();
  });
});
