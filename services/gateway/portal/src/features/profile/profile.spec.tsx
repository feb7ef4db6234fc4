import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CORE_FEATURES } from '../../testing/core-features';
import { errorAnswer, jsonBody, useRouteServer } from '../../testing/fake-routes';
import { renderPortal } from '../../testing/render-portal';

const localAdmin = {
  sub: 'acc-7',
  roles: ['local_admin'],
  institutionId: 'inst_3273',
  userId: 'admin.bandung',
  secondFactor: false,
};

describe('profile', () => {
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/registration/institutions/inst_3273': {
      status: 200,
      body: { institutionId: 'inst_3273', name: 'Kota Bandung', type: 'city' },
    },
  }));

  it('should show my account with the institution name and roles', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      signedIn: localAdmin,
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Profil saya' })).toBeTruthy();
    const account = screen.getByRole('region', { name: 'Akun saya' });
    expect(account.textContent).toContain('admin.bandung');
    expect(account.textContent).toContain('Admin Lokal');
    await waitFor(() => expect(account.textContent).toContain('Kota Bandung'));
  });

  it('should send a password change link to the account', async () => {
    server.routes['POST /api/registration/password-resets'] = { status: 202 };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      locale: 'en',
      signedIn: localAdmin,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Send a password change link' }));

    expect((await screen.findByRole('status')).textContent).toContain('The link has been sent');
    expect(
      jsonBody(server.requests.find((r) => r.path === '/api/registration/password-resets')),
    ).toEqual({
      userId: 'admin.bandung',
    });
  });

  it('should turn the second factor on with the secret and a code, then offer to turn it off', async () => {
    server.routes['POST /api/registration/me/second-factor'] = {
      status: 201,
      body: {
        secret: 'KRSXG5CTMVRXEZLU',
        otpauthUri: 'otpauth://totp/KIPP:admin.bandung?secret=KRSXG5CTMVRXEZLU',
      },
    };
    server.routes['POST /api/registration/me/second-factor/confirmation'] = (request) =>
      (jsonBody(request) as { code: string }).code === '000000'
        ? errorAnswer(400, 'TOTP_CODE_INVALID')
        : { status: 204 };
    const { sessions } = await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      locale: 'en',
      signedIn: localAdmin,
    });

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    expect(section.textContent).toContain('Off.');
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
    expect(section.textContent).toContain('On: every sign-in asks for a code');
    expect(
      within(section).getByRole('button', { name: 'Turn off two-step verification' }),
    ).toBeTruthy();
    expect(sessions.getSnapshot()).toMatchObject({ secondFactor: true });
  });

  it('should not offer to turn the second factor off for a role that requires it', async () => {
    await renderPortal({
      features: CORE_FEATURES,
      path: '/profile',
      baseUrl: server.url,
      locale: 'en',
      signedIn: { sub: 'acc-1', roles: ['evaluator'], userId: 'ev', secondFactor: null },
    });

    const section = await screen.findByRole('region', { name: 'Two-step verification' });
    expect(section.textContent).toContain('Required for your role');
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
