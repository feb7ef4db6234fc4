import { screen } from '@testing-library/react';
import { useLocation } from 'react-router';
import { defineFeature } from '../app/feature';
import { renderPortal } from '../testing/render-portal';
import { startTestServer, type TestServer } from '../testing/http-test-server';

function Where() {
  const location = useLocation();
  return <h1>{`sign-in page ${location.search}`}</h1>;
}

const page = (title: string) => () => Promise.resolve({ default: () => <h1>{title}</h1> });

const testFeature = defineFeature({
  name: 'guard-test',
  routes: [
    { path: 'sign-in', audience: 'public', page: () => Promise.resolve({ default: Where }) },
    { path: 'open', audience: 'public', page: page('Open page') },
    { path: 'mine', audience: 'signed-in', page: page('Signed-in page') },
    { path: 'review', audience: ['local_admin', 'national_admin'], page: page('Review queue') },
  ],
});

describe('RequireAudience', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(() => ({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: '' } },
    }));
  });

  afterAll(() => server.close());

  it('should show a public page to anyone', async () => {
    await renderPortal({ features: [testFeature], path: '/open', baseUrl: server.url });
    expect(await screen.findByRole('heading', { level: 1, name: 'Open page' })).toBeTruthy();
  });

  it('should send a visitor who is not signed in to sign in, and back afterwards', async () => {
    const { router } = await renderPortal({
      features: [testFeature],
      path: '/review?tab=2',
      baseUrl: server.url,
    });

    expect(
      await screen.findByRole('heading', { name: 'sign-in page ?next=%2Freview%3Ftab%3D2' }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('should show a signed-in page to anyone signed in', async () => {
    await renderPortal({
      features: [testFeature],
      path: '/mine',
      baseUrl: server.url,
      signedIn: { sub: 'acc-1', roles: ['evaluator'] },
    });
    expect(await screen.findByRole('heading', { name: 'Signed-in page' })).toBeTruthy();
  });

  it('should refuse a role page to someone without the role', async () => {
    await renderPortal({
      features: [testFeature],
      path: '/review',
      baseUrl: server.url,
      signedIn: { sub: 'acc-1', roles: ['unit_operator'], institutionId: 'inst_1', unitId: 'u1' },
    });
    expect(await screen.findByRole('heading', { name: 'Akses ditolak' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Review queue' })).toBeNull();
  });

  it('should show a role page to a holder of any of its roles', async () => {
    await renderPortal({
      features: [testFeature],
      path: '/review',
      baseUrl: server.url,
      locale: 'en',
      signedIn: { sub: 'acc-2', roles: ['local_admin'], institutionId: 'inst_1' },
    });
    expect(await screen.findByRole('heading', { name: 'Review queue' })).toBeTruthy();
  });
});
