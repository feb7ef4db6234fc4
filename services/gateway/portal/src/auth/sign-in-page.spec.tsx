import { fireEvent, screen, waitFor } from '@testing-library/react';
import { CORE_FEATURES } from '../testing/core-features';
import { accessTokenFor, type Answer } from '../testing/http-test-server';
import { errorAnswer, jsonBody, useRouteServer } from '../testing/fake-routes';
import { renderPortal } from '../testing/render-portal';

const signedIn = (roles: string[]): Answer => ({
  status: 200,
  body: {
    status: 'signed_in',
    accessToken: accessTokenFor({ sub: 'acc-1', roles }),
    accessTokenExpiresIn: 900,
    refreshToken: 'refresh-1',
  },
});

const step = (status: string): Answer => ({
  status: 200,
  body: { status, challenge: `challenge-${status}` },
});

const error = errorAnswer;
const body = jsonBody;

function type(label: string | RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function submitNewPassword(password: string) {
  type(/^New password/, password);
  type(/Repeat the new password/, password);
  fireEvent.click(screen.getByRole('button', { name: 'Save the new password' }));
}

describe('sign-in', () => {
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 2, awaitingAcknowledgement: 1 },
    },
  }));

  it('should label its fields and say which are missing when sent empty', async () => {
    await renderPortal({ features: CORE_FEATURES, path: '/sign-in', baseUrl: server.url });

    expect(await screen.findByRole('heading', { level: 1, name: 'Masuk' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    const userId = screen.getByLabelText(/ID pengguna/);
    expect(userId.getAttribute('aria-invalid')).toBe('true');
    expect(userId.getAttribute('autocomplete')).toBe('username');
    const describedBy = userId.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Wajib diisi.');
    expect(screen.getByLabelText(/Kata sandi/).getAttribute('aria-invalid')).toBe('true');
    expect(server.requests.filter((r) => r.path.startsWith('/api/registration'))).toHaveLength(0);
  });

  it('should show why a sign-in failed, in the chosen language, with the request id', async () => {
    server.routes['POST /api/registration/sessions'] = {
      ...error(401, 'SIGN_IN_FAILED'),
      headers: { 'x-request-id': 'req-42' },
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/sign-in',
      baseUrl: server.url,
      locale: 'en',
    });

    await screen.findByRole('heading', { name: 'Sign in' });
    type(/User id/, 'operator.bandung');
    type(/^Password/, 'wrong-password');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Wrong user id or password');
    expect(alert.textContent).toContain('req-42');
    expect(body(server.requests.find((r) => r.path === '/api/registration/sessions'))).toEqual({
      userId: 'operator.bandung',
      password: 'wrong-password',
    });
  });

  it('should take a first sign-in through the password change and authenticator enrolment to the dashboard', async () => {
    server.routes['POST /api/registration/sessions'] = step('password_change_required');
    server.routes['POST /api/registration/sessions/password-change'] = (request) =>
      (body(request) as { newPassword: string }).newPassword === 'Weak-password1'
        ? error(400, 'PASSWORD_POLICY', { rules: ['COMMON_PASSWORD'] })
        : step('totp_enrolment_required');
    server.routes['POST /api/registration/sessions/totp/enrolment'] = {
      status: 200,
      body: {
        secret: 'JBSWY3DPEHPK3PXP',
        otpauthUri: 'otpauth://totp/KIPP:admin?secret=JBSWY3DPEHPK3PXP&issuer=KIPP',
      },
    };
    server.routes['POST /api/registration/sessions/totp/enrolment/confirm'] = signedIn([
      'national_admin',
    ]);
    const { router, sessions } = await renderPortal({
      features: CORE_FEATURES,
      path: '/sign-in',
      baseUrl: server.url,
    });

    await screen.findByRole('heading', { name: 'Masuk' });
    type(/ID pengguna/, 'admin');
    type(/^Kata sandi/, 'Initial-Password-123');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));

    await screen.findByRole('heading', { level: 1, name: 'Ganti kata sandi' });
    type(/^Kata sandi baru/, 'short');
    type(/Ulangi kata sandi baru/, 'other');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(
      screen.getByText(
        'Kata sandi minimal 12 karakter. Gunakan 3 dari 4 jenis: huruf kecil, huruf besar, angka, simbol.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Kedua kata sandi tidak sama.')).toBeTruthy();

    type(/^Kata sandi baru/, 'Weak-password1');
    type(/Ulangi kata sandi baru/, 'Weak-password1');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));
    expect(await screen.findByText('Kata sandi ini terlalu umum.')).toBeTruthy();

    type(/^Kata sandi baru/, 'Kuat&Panjang-2027');
    type(/Ulangi kata sandi baru/, 'Kuat&Panjang-2027');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan kata sandi' }));

    await screen.findByRole('heading', { level: 1, name: 'Daftarkan aplikasi autentikator' });
    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    expect(screen.getByText(/^otpauth:\/\/totp\/KIPP:admin/)).toBeTruthy();
    expect(
      await screen.findByRole('img', { name: 'Kode QR untuk dipindai aplikasi autentikator' }),
    ).toBeTruthy();
    type(/Kode autentikator/, '12 34');
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan dan masuk' }));
    expect(screen.getByText('Kode terdiri dari 6 angka.')).toBeTruthy();
    type(/Kode autentikator/, '123 456');
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan dan masuk' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Beranda saya' })).toBeTruthy();
    expect(sessions.getSnapshot()).toMatchObject({
      status: 'signed-in',
      userId: 'admin',
      secondFactor: true,
    });
    expect(body(server.requests.find((r) => r.path.endsWith('/password-change')))).toEqual({
      challenge: 'challenge-password_change_required',
      newPassword: 'Weak-password1',
    });
    expect(body(server.requests.find((r) => r.path.endsWith('/enrolment/confirm')))).toEqual({
      challenge: 'challenge-totp_enrolment_required',
      code: '123456',
    });
  });

  it('should ask for the authenticator code and then go where the visitor was heading', async () => {
    server.routes['POST /api/registration/sessions'] = step('totp_required');
    server.routes['POST /api/registration/sessions/totp'] = signedIn(['evaluator']);
    const { router } = await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox',
      baseUrl: server.url,
      locale: 'en',
    });

    await waitFor(() => expect(router.state.location.search).toBe('?next=%2Finbox'));
    type(/User id/, 'evaluator.ui');
    type(/^Password/, 'Some-Password-1');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'Two-step verification' });
    type(/Authenticator code/, '654321');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/inbox'));
  });
});

describe('password reset', () => {
  const server = useRouteServer(() => ({
    'POST /api/registration/password-resets': { status: 202 },
  }));

  it('should confirm a request for a link without telling whether the account exists', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/forgot-password',
      baseUrl: server.url,
      locale: 'en',
    });

    await screen.findByRole('heading', { level: 1, name: 'Forgot password' });
    type(/User id/, 'someone');
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));

    expect((await screen.findByRole('status')).textContent).toContain(
      'If that user id exists and is active',
    );
    expect(body(server.requests[0])).toEqual({ userId: 'someone' });
  });

  it('should say so when the link has no token', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/reset-password',
      baseUrl: server.url,
      locale: 'en',
    });
    expect((await screen.findByRole('alert')).textContent).toContain('This link is incomplete');
  });

  it('should set the new password with the token from the link', async () => {
    server.routes['POST /api/registration/password-resets/confirm'] = { status: 204 };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/reset-password?token=tok-1',
      baseUrl: server.url,
      locale: 'en',
    });

    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });
    submitNewPassword('Kuat&Panjang-2027');

    expect((await screen.findByRole('status')).textContent).toContain('Your new password is saved');
    expect(body(server.requests[0])).toEqual({ token: 'tok-1', newPassword: 'Kuat&Panjang-2027' });
  });

  it('should offer a new link when the token was used or expired', async () => {
    server.routes['POST /api/registration/password-resets/confirm'] = error(
      400,
      'RESET_TOKEN_INVALID',
    );
    await renderPortal({
      features: CORE_FEATURES,
      path: '/reset-password?token=old',
      baseUrl: server.url,
      locale: 'en',
    });

    await screen.findByRole('heading', { level: 1, name: 'Choose a new password' });
    submitNewPassword('Kuat&Panjang-2027');

    expect((await screen.findByRole('alert')).textContent).toContain('This link was used already');
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });
});
