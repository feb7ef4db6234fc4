import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defineFeature } from '../../app/feature';
import { CORE_FEATURES } from '../../testing/core-features';
import { useRouteServer } from '../../testing/fake-routes';
import { renderPortal } from '../../testing/render-portal';

describe('dashboard and layout', () => {
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 2, awaitingAcknowledgement: 1 },
    },
    'GET /api/registration/institutions/inst_3273': {
      status: 200,
      body: { institutionId: 'inst_3273', name: 'Kota Bandung', type: 'city' },
    },
    'POST /api/registration/sessions/logout': { status: 204 },
  }));

  it("should link a local admin to the local admin's area only, with the inbox counts", async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/',
      baseUrl: server.url,
      signedIn: { sub: 'acc-7', roles: ['local_admin'], institutionId: 'inst_3273' },
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda saya' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka area Admin Lokal' }).getAttribute('href')).toBe(
      '/local-admin',
    );
    expect(screen.queryByRole('link', { name: /Admin Nasional/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Operator Unit/ })).toBeNull();
    expect(await screen.findByText('2 belum dibaca, 1 menunggu konfirmasi')).toBeTruthy();
    expect(await screen.findByText('Kota Bandung')).toBeTruthy();
  });

  it('should give evaluators and panelists one evaluation area', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/',
      baseUrl: server.url,
      locale: 'en',
      signedIn: { sub: 'acc-8', roles: ['evaluator', 'panelist', 'national_admin'] },
    });

    await screen.findByRole('heading', { level: 1, name: 'My dashboard' });
    const areas = screen
      .getAllByRole('link', { name: /^Open the .* area$/ })
      .map((link) => link.getAttribute('href'));
    expect(areas).toEqual(['/admin', '/evaluator']);
  });

  it('should welcome visitors with a sign-in link when no feature provides a public home', async () => {
    await renderPortal({ features: CORE_FEATURES, path: '/', baseUrl: server.url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Portal KIPP' })).toBeTruthy();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Masuk' }).getAttribute('href')).toBe('/sign-in');
    expect(screen.queryByRole('link', { name: 'Profil' })).toBeNull();
  });

  it("should show a feature's public home to visitors", async () => {
    const publicFeature = defineFeature({
      name: 'public-test',
      routes: [],
      publicHome: () => Promise.resolve({ default: () => <h1>Innovation figures</h1> }),
    });
    await renderPortal({
      features: [...CORE_FEATURES, publicFeature],
      path: '/',
      baseUrl: server.url,
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Innovation figures' }),
    ).toBeTruthy();
  });

  it('should offer a skip link to the main landmark and switch the language of the whole page', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/',
      baseUrl: server.url,
      signedIn: { sub: 'acc-1', roles: ['unit_operator'], institutionId: 'i', unitId: 'u' },
    });
    await screen.findByRole('heading', { level: 1, name: 'Beranda saya' });

    expect(screen.getByRole('link', { name: 'Lewati ke konten utama' }).getAttribute('href')).toBe(
      '#main',
    );
    expect(screen.getByRole('main').id).toBe('main');
    const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
    expect(within(nav).getByRole('link', { name: 'Profil' }).getAttribute('href')).toBe('/profile');
    const indonesian = screen.getByRole('button', { name: 'Bahasa Indonesia' });
    expect(indonesian.getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'My dashboard' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });

  it('should sign out on the server and go to the sign-in page', async () => {
    const { router, sessions } = await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      locale: 'en',
      signedIn: { sub: 'acc-1', roles: ['evaluator'] },
    });
    await screen.findByRole('heading', { level: 1, name: 'My profile' });

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(sessions.getSnapshot().status).toBe('signed-out');
    expect(server.requests.some((r) => r.path === '/api/registration/sessions/logout')).toBe(true);
  });
});
