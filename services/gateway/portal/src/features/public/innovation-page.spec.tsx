import { screen, within } from '@testing-library/react';
import { FEATURES } from '../../app/routes';
import { routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import { sectionHeading } from './innovation-page';

const ID = 'inv_00000000000000aa';
const BASE = `/api/replication/public/innovations/${ID}`;

/** Answers of every public route the page reads, for one innovation with one of each. */
function fullRoutes(): Routes {
  return {
    [`GET ${BASE}`]: {
      status: 200,
      body: {
        innovationId: ID,
        title: 'Antrean Online Puskesmas',
        year: 2023,
        awards: [
          { editionId: 'kipp-2021', year: 2021, groupId: 'general', tier: 'finalist' },
          { editionId: 'kipp-2023', year: 2023, groupId: 'special', tier: 'outstanding' },
        ],
        institutionId: 'inst-3573',
        institutionName: 'Pemerintah Kota Malang',
        institutionType: 'city',
        provinceCode: '35',
        categoryId: 'health',
        sdgTargets: ['3.8'],
        status: 'scaled',
        publishedAt: '2021-07-01T00:00:00.000Z',
        updatedAt: '2023-07-01T00:00:00.000Z',
        revision: 3,
        unitId: null,
        sections: [{ sectionId: 'innovative-idea', text: 'Antrean dari rumah.' }],
        proposalIds: ['p-1'],
      },
    },
    'GET /api/replication/public/replications': {
      status: 200,
      body: {
        replications: [
          {
            replicationId: 'r-1',
            innovationId: ID,
            innovationTitle: 'Antrean Online Puskesmas',
            originInstitutionId: 'inst-3573',
            adopterInstitutionId: 'inst-5103',
            adopterInstitutionName: 'Pemerintah Kabupaten Badung',
            adopterProvinceCode: '51',
            title: 'Antrean Online Badung',
            status: 'implemented',
            source: 'registered',
            recordedAt: '2024-02-01T00:00:00.000Z',
            updatedAt: '2024-02-01T00:00:00.000Z',
          },
        ],
        total: 1,
      },
    },
    [`GET ${BASE}/diffusion`]: {
      status: 200,
      body: {
        innovationId: ID,
        replications: 1,
        adopters: [
          {
            replicationId: 'r-1',
            institutionId: 'inst-5103',
            name: 'Kab. Badung',
            provinceCode: '51',
            status: 'implemented',
            recordedAt: '2024-02-01T00:00:00.000Z',
            confirmedAt: null,
          },
        ],
        provincesReached: { count: 1, provinceCodes: ['51'] },
        timeToFirstReplicationDays: 945,
        graph: {
          nodes: [
            {
              id: `innovation:${ID}`,
              kind: 'innovation',
              refId: ID,
              label: 'Antrean Online Puskesmas',
              provinceCode: '35',
              depth: 0,
            },
            {
              id: 'institution:inst-5103',
              kind: 'institution',
              refId: 'inst-5103',
              label: 'Kab. Badung',
              provinceCode: '5103',
              depth: 1,
            },
          ],
          edges: [
            {
              from: `innovation:${ID}`,
              to: 'institution:inst-5103',
              kind: 'replicates',
              replicationId: 'r-1',
              status: 'implemented',
            },
          ],
        },
      },
    },
    [`GET ${BASE}/visits`]: {
      status: 200,
      body: {
        visits: [
          {
            visitId: 'v-1',
            visitedOn: '2023-11-02',
            visitorInstitutionName: 'Kab. Badung',
            purpose: 'Studi tiru',
            ledToReplication: true,
          },
        ],
      },
    },
    [`GET ${BASE}/check-ins`]: {
      status: 200,
      body: {
        checkIns: [
          {
            period: 1,
            status: 'answered',
            outcome: 'scaled',
            answeredAt: '2024-07-10T00:00:00.000Z',
          },
        ],
      },
    },
  };
}

describe('innovation page', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });

  afterAll(() => server.close());

  it('should show the record, its awards, replications, spread, visits and check-ins', async () => {
    routes = fullRoutes();
    await renderPortal({
      features: FEATURES,
      path: `/innovations/${ID}`,
      baseUrl: server.url,
      locale: 'en',
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Antrean Online Puskesmas' }),
    ).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Innovative idea' })).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Other innovations of this institution' })
        .getAttribute('href'),
    ).toBe('/innovations?institution=inst-3573');
    const awards = screen.getByRole('table', { name: 'Award history' });
    expect(
      within(awards)
        .getAllByRole('rowheader')
        .map((r) => r.textContent),
    ).toEqual(['2023', '2021']);
    expect(within(awards).getByRole('link', { name: 'kipp-2023' }).getAttribute('href')).toBe(
      '/results/kipp-2023',
    );

    const replications = await screen.findByRole('table', { name: /Institutions that replicated/ });
    expect(
      within(replications)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Replication', 'Adopter', 'Province', 'Status', 'Recorded']);
    const [replication] = within(replications).getAllByRole('row').slice(1);
    expect(
      within(replication!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Pemerintah Kabupaten Badung', 'Bali', 'Implemented', expect.any(String)]);
    expect(within(replication!).getByRole('rowheader').textContent).toBe('Antrean Online Badung');
    expect(await screen.findByText('Antrean Online Puskesmas → Kab. Badung (Bali)')).toBeTruthy();
    expect(screen.getByText('Days to the first replication').nextElementSibling?.textContent).toBe(
      '945',
    );
    expect((await screen.findByRole('table', { name: 'Confirmed visits' })).textContent).toContain(
      'Studi tiru',
    );
    const checkIns = await screen.findByRole('table', { name: 'Yearly sustainability check-ins' });
    expect(checkIns.textContent).toContain('Scaled up');
    expect(screen.getByText('Current status: Scaled up')).toBeTruthy();
  });

  it('should name the adopter of each replication in Indonesian too', async () => {
    routes = fullRoutes();
    await renderPortal({ features: FEATURES, path: `/innovations/${ID}`, baseUrl: server.url });
    const replications = await screen.findByRole('table', {
      name: /Instansi yang mereplikasi inovasi ini/,
    });
    expect(within(replications).getByRole('columnheader', { name: 'Pengadopsi' })).toBeTruthy();
    expect(
      within(replications).getByRole('cell', { name: 'Pemerintah Kabupaten Badung' }),
    ).toBeTruthy();
  });

  it('should say in the language when the innovation is not in the database', async () => {
    routes = {
      [`GET ${BASE}`]: {
        status: 404,
        body: { error: { code: 'INNOVATION_NOT_FOUND', message: 'no' } },
      },
    };
    await renderPortal({ features: FEATURES, path: `/innovations/${ID}`, baseUrl: server.url });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Inovasi ini tidak ada dalam basis data.');
    expect(alert.textContent).toContain('INNOVATION_NOT_FOUND');
  });

  it('should head a section by the edition form, else by the brief, else by its id', () => {
    const form = [
      { sectionId: 'summary', title: { id: 'Ringkasan inovasi', en: 'Innovation summary' } },
    ];
    expect(sectionHeading('summary', 'en', form)).toBe('Innovation summary');
    expect(sectionHeading('sdg-contribution', 'id', form)).toBe('Kontribusi terhadap TPB/SDG');
    expect(sectionHeading('local_wisdom', 'en')).toBe('Local wisdom');
  });
});
