import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CORE_FEATURES } from '../../testing/core-features';
import { errorAnswer, jsonBody, useRouteServer } from '../../testing/fake-routes';
import { renderPortal } from '../../testing/render-portal';

const localAdmin = {
  sub: 'acc-7',
  roles: ['local_admin'],
  institutionId: 'inst_3273',
  userId: 'admin.bandung',
};

interface MyAccountBody {
  [key: string]: unknown;
  secondFactor: { enabled: boolean; required: boolean };
}

function myAccount(overrides: Partial<MyAccountBody> = {}): MyAccountBody {
  return {
    accountId: 'acc-7',
    userId: 'admin.bandung',
    name: 'Dewi Lestari',
    email: 'dewi@bandung.go.id',
    locale: 'id',
    roles: ['local_admin'],
    institutionId: 'inst_3273',
    institutionName: 'Kota Bandung',
    unitId: null,
    unitName: null,
    status: 'active',
    secondFactor: { enabled: false, required: false },
    passwordChangedAt: null,
    lastSignInAt: '2027-03-01T02:30:00.000Z',
    ...overrides,
  };
}

const NEW_PASSWORD = 'Sandi-Baru-Bandung-2027';

function fillPasswordForm(current: string, password: string, confirmation = password): void {
  fireEvent.change(screen.getByLabelText(/^Current password/), { target: { value: current } });
  fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: password } });
  fireEvent.change(screen.getByLabelText(/^Repeat the new password/), {
    target: { value: confirmation },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('profile', () => {
  let account = myAccount();
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/registration/me': () => ({ status: 200, body: account }),
  }));
  beforeEach(() => {
    account = myAccount();
  });
  const meLoads = () =>
    server.requests.filter((r) => r.method === 'GET' && r.path === '/api/registration/me').length;
  const passwordChanges = () =>
    server.requests.filter((r) => r.path === '/api/registration/me/password');
  const renderProfile = (signedIn: Parameters<typeof renderPortal>[0]['signedIn'] = localAdmin) =>
    renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      locale: 'en',
      signedIn,
    });

  it('should show my account as registration reports it, with the institution name', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      signedIn: localAdmin,
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Profil saya' })).toBeTruthy();
    const region = screen.getByRole('region', { name: 'Akun saya' });
    await waitFor(() => expect(region.textContent).toContain('Kota Bandung'));
    expect(region.textContent).toContain('Dewi Lestari');
    expect(region.textContent).toContain('admin.bandung');
    expect(region.textContent).toContain('dewi@bandung.go.id');
    expect(region.textContent).toContain('Admin Lokal');
    expect(region.textContent).toContain('Belum pernah');
    expect(
      within(region)
        .getByText(/1 Maret 2027/)
        .getAttribute('datetime'),
    ).toBe('2027-03-01T02:30:00.000Z');
  });

  it('should change the password with the current one, keep this session and say so', async () => {
    server.routes['POST /api/registration/me/password'] = { status: 204 };
    await renderProfile();
    await screen.findByText('Dewi Lestari');

    fillPasswordForm('Sandi-Lama-Bandung-2026', NEW_PASSWORD);

    const section = screen.getByRole('region', { name: 'Change password' });
    expect((await within(section).findByRole('status')).textContent).toContain(
      'Sessions on other devices have ended',
    );
    expect(jsonBody(passwordChanges()[0])).toEqual({
      currentPassword: 'Sandi-Lama-Bandung-2026',
      newPassword: NEW_PASSWORD,
      refreshToken: 'refresh-test',
    });
    expect(screen.getByLabelText<HTMLInputElement>(/^Current password/).value).toBe('');
    await waitFor(() => expect(meLoads()).toBe(2));
  });

  it('should check the new password before sending it: policy, repetition, not the current one', async () => {
    await renderProfile();
    await screen.findByText('Dewi Lestari');
    expect(screen.getByText(/At least 12 characters, using 3 of 4 kinds/)).toBeTruthy();

    fillPasswordForm('', 'short', 'other');
    const section = screen.getByRole('region', { name: 'Change password' });
    expect(within(section).getByText('Required.')).toBeTruthy();
    expect(within(section).getByText(/at least 12 characters/)).toBeTruthy();
    expect(within(section).getByText('The two passwords differ.')).toBeTruthy();

    fillPasswordForm(NEW_PASSWORD, NEW_PASSWORD);
    expect(within(section).getByText(/must differ from the old one/)).toBeTruthy();
    expect(passwordChanges()).toHaveLength(0);
  });

  it('should show a wrong current password and the rules the server found broken', async () => {
    server.routes['POST /api/registration/me/password'] = (request) =>
      (jsonBody(request) as { currentPassword: string }).currentPassword === 'Wrong-Password-1'
        ? errorAnswer(401, 'CURRENT_PASSWORD_INVALID')
        : errorAnswer(400, 'PASSWORD_POLICY', { rules: ['COMMON_PASSWORD'] });
    const { sessions } = await renderProfile();
    await screen.findByText('Dewi Lestari');
    const section = screen.getByRole('region', { name: 'Change password' });

    fillPasswordForm('Wrong-Password-1', NEW_PASSWORD);
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'The current password is wrong',
    );
    // A wrong current password is not an ended session.
    expect(sessions.getSnapshot().status).toBe('signed-in');

    fillPasswordForm('Sandi-Lama-Bandung-2026', NEW_PASSWORD);
    expect(await within(section).findByText('This password is too common.')).toBeTruthy();
    expect(within(section).queryByRole('status')).toBeNull();
  });

  it('should send a password change link to the account when the current one is forgotten', async () => {
    server.routes['POST /api/registration/password-resets'] = { status: 202 };
    await renderProfile();

    fireEvent.click(await screen.findByRole('button', { name: 'Send a password change link' }));

    expect((await screen.findByRole('status')).textContent).toContain('The link has been sent');
    expect(
      jsonBody(server.requests.find((r) => r.path === '/api/registration/password-resets')),
    ).toEqual({ userId: 'admin.bandung' });
  });

  it('should turn the second factor on with the secret and a code, then offer to turn it off', async () => {
    server.routes['POST /api/registration/me/second-factor'] = {
      status: 201,
      body: {
        secret: 'KRSXG5CTMVRXEZLU',
        otpauthUri: 'otpauth://totp/KIPP:admin.bandung?secret=KRSXG5CTMVRXEZLU',
      },
    };
    server.routes['POST /api/registration/me/second-factor/confirmation'] = (request) => {
      if ((jsonBody(request) as { code: string }).code === '000000') {
        return errorAnswer(400, 'TOTP_CODE_INVALID');
      }
      account = myAccount({ secondFactor: { enabled: true, required: false } });
      return { status: 204 };
    };
    const { sessions } = await renderProfile();

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    await waitFor(() => expect(section.textContent).toContain('Off.'));
    fireEvent.click(within(section).getByRole('button', { name: 'Turn on two-step verification' }));
    expect(await within(section).findByText('KRSX G5CT MVRX EZLU')).toBeTruthy();

    fireEvent.change(within(section).getByLabelText(/Authenticator code/), {
      target: { value: '000000' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Confirm and turn on' }));
    expect((await within(section).findByRole('alert')).textContent).toContain(
      'Wrong or already used code',
    );

    fireEvent.change(within(section).getByLabelText(/Authenticator code/), {
      target: { value: '123456' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Confirm and turn on' }));

    expect((await within(section).findByRole('status')).textContent).toContain(
      'Two-step verification is on.',
    );
    await waitFor(() => expect(section.textContent).toContain('On: every sign-in asks for a code'));
    expect(
      within(section).getByRole('button', { name: 'Turn off two-step verification' }),
    ).toBeTruthy();
    expect(sessions.getSnapshot()).toMatchObject({ secondFactor: true });
  });

  it('should show the second factor on and not offer to turn it off when the role requires it', async () => {
    account = myAccount({
      roles: ['evaluator'],
      institutionId: null,
      institutionName: null,
      secondFactor: { enabled: true, required: true },
    });
    await renderProfile({ sub: 'acc-7', roles: ['evaluator'], userId: 'ev' });

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    await waitFor(() => expect(section.textContent).toContain('Required for your role'));
    expect(section.textContent).toContain('On: every sign-in asks for a code');
    expect(within(section).queryByRole('button')).toBeNull();
  });
});

describe('notification preferences', () => {
  let saved: unknown;
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/notifications/preferences': {
      status: 200,
      body: {
        optedOut: ['replication'],
        dailyDigest: false,
        categories: [
          {
            category: 'proposal',
            name: { id: 'proposal', en: 'proposal' },
            optional: true,
            optedOut: false,
          },
          {
            category: 'replication',
            name: { id: 'replikasi', en: 'replication' },
            optional: true,
            optedOut: true,
          },
          {
            category: 'results',
            name: { id: 'hasil', en: 'results' },
            optional: false,
            optedOut: false,
          },
        ],
      },
    },
    'PUT /api/notifications/preferences': (request) => {
      saved = jsonBody(request);
      const body = saved as { optedOut: string[]; dailyDigest: boolean };
      return {
        status: 200,
        body: {
          ...body,
          categories: [
            {
              category: 'proposal',
              name: { id: 'proposal', en: 'proposal' },
              optional: true,
              optedOut: body.optedOut.includes('proposal'),
            },
            {
              category: 'replication',
              name: { id: 'replikasi', en: 'replication' },
              optional: true,
              optedOut: body.optedOut.includes('replication'),
            },
            {
              category: 'results',
              name: { id: 'hasil', en: 'results' },
              optional: false,
              optedOut: false,
            },
          ],
        },
      };
    },
  }));

  it('should show each optional category as a labelled choice and save the changes', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/settings/notifications',
      baseUrl: server.url,
      signedIn: { sub: 'acc-1', roles: ['unit_operator'], institutionId: 'i', unitId: 'u' },
    });

    const proposal = await screen.findByRole('checkbox', { name: 'Terima notifikasi proposal' });
    const replication = screen.getByRole('checkbox', { name: 'Terima notifikasi replikasi' });
    expect((proposal as HTMLInputElement).checked).toBe(true);
    expect((replication as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('checkbox', { name: /hasil/ })).toBeNull();
    const mandatory = screen.getByRole('list', { name: 'Notifikasi wajib (selalu dikirim)' });
    expect(within(mandatory).getByRole('listitem').textContent).toBe('hasil');

    fireEvent.click(proposal);
    fireEvent.click(replication);
    fireEvent.click(screen.getByRole('checkbox', { name: /ringkasan/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Simpan preferensi' }));

    expect((await screen.findByRole('status')).textContent).toContain('Preferensi tersimpan.');
    expect(saved).toEqual({ optedOut: ['proposal'], dailyDigest: true });
  });
});
