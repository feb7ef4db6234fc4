import { configure, fireEvent, screen, within } from '@testing-library/react';
import { jsonBody, routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import { operatorFeature } from './routes';
import { editionFixture, proposalFixture } from './testing-fixtures';

// Pages load lazily; on a busy machine the first render may take a while.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const operator = {
  sub: 'acc-1',
  roles: ['unit_operator'],
  institutionId: 'inst_3273',
  unitId: 'unit_9',
};

describe('my proposals', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });
  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
    routes = {
      'GET /api/registration/editions': { status: 200, body: { editions: [editionFixture()] } },
      'GET /api/registration/institutions/inst_3273': {
        status: 200,
        body: { institutionId: 'inst_3273', name: 'Kota Bandung', provinceCode: '32' },
      },
      'GET /api/submissions/proposals': {
        status: 200,
        body: {
          items: [
            proposalFixture({ status: 'returned' }),
            proposalFixture({
              proposalId: 'prop_2',
              title: 'Dukcapil Keliling',
              status: 'forwarded',
            }),
          ],
        },
      },
    };
  });

  it('should show each proposal with its status, the close ahead and the next step', async () => {
    await renderPortal({
      features: [operatorFeature],
      path: '/operator',
      baseUrl: server.url,
      signedIn: operator,
    });

    const table = await screen.findByRole('table', { name: 'Proposal unit saya' });
    const returned = within(table).getByRole('row', { name: /Layanan Kesehatan Keliling/ });
    expect(returned.textContent).toContain('Dikembalikan');
    expect(returned.textContent).toMatch(/\d+ hari \d+ jam lagi/);
    expect(returned.textContent).toContain('Baca komentar admin lokal');
    expect(
      within(table).getByRole('link', { name: 'Layanan Kesehatan Keliling' }).getAttribute('href'),
    ).toBe('/operator/proposals/prop_1');
    const forwarded = within(table).getByRole('row', { name: /Dukcapil Keliling/ });
    expect(forwarded.textContent).toContain('Diteruskan ke kementerian');
  });

  it('should check a new draft before sending it and open it in the editor', async () => {
    routes['POST /api/submissions/proposals'] = {
      status: 201,
      body: proposalFixture({ proposalId: 'prop_9', title: 'Antrean Daring' }),
    };
    routes['GET /api/submissions/proposals/prop_9'] = {
      status: 200,
      body: proposalFixture({ proposalId: 'prop_9', title: 'Antrean Daring' }),
    };
    const { router } = await renderPortal({
      features: [operatorFeature],
      path: '/operator',
      baseUrl: server.url,
      locale: 'en',
      signedIn: operator,
    });

    const form = await screen.findByRole('region', { name: 'Start a new draft' });
    fireEvent.click(await within(form).findByRole('button', { name: 'Create draft' }));
    expect(within(form).getAllByText('Choose one.')).toHaveLength(3);
    expect(within(form).getByText('The title must be 3–300 characters.')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText(/Edition/), { target: { value: 'ed_2027' } });
    const groups = within(form).getByLabelText<HTMLSelectElement>(/Group/);
    expect([...groups.options].map((o) => o.value)).toEqual(['', 'general', 'replication']);
    fireEvent.change(groups, { target: { value: 'general' } });
    fireEvent.change(within(form).getByLabelText(/Category/), { target: { value: 'health' } });
    fireEvent.change(within(form).getByLabelText(/Innovation title/), {
      target: { value: '  Antrean Daring ' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create draft' }));

    await screen.findByRole('heading', { level: 1, name: 'Antrean Daring' });
    expect(router.state.location.pathname).toBe('/operator/proposals/prop_9');
    const created = server.requests.find(
      (r) => r.method === 'POST' && r.path === '/api/submissions/proposals',
    );
    expect(jsonBody(created)).toEqual({
      editionId: 'ed_2027',
      groupId: 'general',
      categoryId: 'health',
      title: 'Antrean Daring',
    });
  });
});
