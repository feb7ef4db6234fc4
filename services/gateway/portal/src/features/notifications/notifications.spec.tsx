import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CORE_FEATURES } from '../../testing/core-features';
import { errorAnswer, useRouteServer } from '../../testing/fake-routes';
import { renderPortal } from '../../testing/render-portal';
import type { InboxItem } from './inbox-api';

const html = (lang: string) => `<!doctype html>\n<html lang="${lang}"><body></body></html>`;

function item(overrides: Partial<InboxItem>): InboxItem {
  return {
    id: 'm-1',
    noticeId: 'n-1',
    template: 'proposal.returned',
    category: 'proposal',
    subject: 'Proposal dikembalikan',
    text: 'Halo,\n\nProposal Anda dikembalikan.\nLihat komentar.',
    html: html('id'),
    link: 'http://127.0.0.1:3000/proposals/p-1',
    createdAt: '2027-03-31T16:59:00.000Z',
    readAt: null,
    requiresAck: false,
    acknowledgedAt: null,
    ...overrides,
  };
}

const operator = { sub: 'acc-1', roles: ['unit_operator'], institutionId: 'inst_1', unitId: 'u-1' };

describe('notifications', () => {
  const server = useRouteServer();

  it('should list the inbox with unread state, category, language and the unread count in the header', async () => {
    server.routes = {
      'GET /api/notifications/inbox/unread-count': {
        status: 200,
        body: { unread: 1, awaitingAcknowledgement: 1 },
      },
      'GET /api/notifications/inbox': {
        status: 200,
        body: {
          items: [
            item({}),
            item({
              id: 'm-2',
              template: 'broadcast',
              category: 'broadcast',
              subject: 'Annual reminder',
              html: html('en'),
              readAt: '2027-04-01T00:00:00.000Z',
              requiresAck: true,
            }),
          ],
          nextCursor: null,
        },
      },
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox',
      baseUrl: server.url,
      signedIn: operator,
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kotak masuk notifikasi' }),
    ).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Daftar notifikasi, terbaru di atas' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(
      within(first!).getByRole('link', { name: 'Proposal dikembalikan' }).getAttribute('href'),
    ).toBe('/inbox/m-1');
    expect(first!.textContent).toContain('Belum dibaca');
    expect(first!.textContent).toContain('Proposal');
    expect(first!.textContent).toContain('31 Maret 2027 pukul 23.59 WIB');
    const broadcast = within(second!).getByRole('link', { name: 'Annual reminder' });
    expect(broadcast.getAttribute('lang')).toBe('en');
    expect(second!.textContent).toContain('English');
    expect(second!.textContent).toContain('Perlu konfirmasi');
    expect(await screen.findByRole('link', { name: 'Notifikasi, 1 belum dibaca' })).toBeTruthy();
  });

  it('should mark everything read and say how many', async () => {
    let unread = 3;
    server.routes = {
      'GET /api/notifications/inbox/unread-count': () => ({
        status: 200,
        body: { unread, awaitingAcknowledgement: 0 },
      }),
      'GET /api/notifications/inbox': () => ({
        status: 200,
        body: {
          items: [item({ readAt: unread === 0 ? '2027-04-01T00:00:00.000Z' : null })],
          nextCursor: null,
        },
      }),
      'POST /api/notifications/inbox/read-all': () => {
        unread = 0;
        return { status: 200, body: { marked: 3 } };
      },
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox',
      baseUrl: server.url,
      locale: 'en',
      signedIn: operator,
    });

    await screen.findByRole('link', { name: 'Notifications, 3 unread' });
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));

    expect((await screen.findByRole('status')).textContent).toContain('3 messages marked as read.');
    expect(await screen.findByRole('link', { name: 'Notifications' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Notifications, newest first' });
    await waitFor(() => expect(within(list).getByRole('listitem').textContent).toContain('Read'));
  });

  it('should load further pages with the cursor', async () => {
    server.routes = {
      'GET /api/notifications/inbox/unread-count': {
        status: 200,
        body: { unread: 0, awaitingAcknowledgement: 0 },
      },
      'GET /api/notifications/inbox': (request) =>
        request.path.includes('cursor=c-2')
          ? {
              status: 200,
              body: { items: [item({ id: 'm-9', subject: 'Older' })], nextCursor: null },
            }
          : {
              status: 200,
              body: { items: [item({ id: 'm-1', subject: 'Newer' })], nextCursor: 'c-2' },
            },
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox',
      baseUrl: server.url,
      locale: 'en',
      signedIn: operator,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Older' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Newer' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(server.requests.some((r) => r.path.includes('limit=20'))).toBe(true);
  });

  it('should mark a message read when opened and acknowledge it on request', async () => {
    let current = item({ requiresAck: true, subject: 'Jadwal wawancara', category: 'interview' });
    server.routes = {
      'GET /api/notifications/inbox/unread-count': {
        status: 200,
        body: { unread: 1, awaitingAcknowledgement: 1 },
      },
      'GET /api/notifications/inbox/m-1': () => ({ status: 200, body: current }),
      'POST /api/notifications/inbox/m-1/read': () => {
        current = { ...current, readAt: '2027-04-02T01:00:00.000Z' };
        return { status: 200, body: current };
      },
      'POST /api/notifications/inbox/m-1/acknowledge': () => {
        current = { ...current, acknowledgedAt: '2027-04-02T02:00:00.000Z' };
        return { status: 200, body: current };
      },
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox/m-1',
      baseUrl: server.url,
      signedIn: operator,
    });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Jadwal wawancara' });
    expect(heading.getAttribute('lang')).toBe('id');
    expect(screen.getByText(/Proposal Anda dikembalikan/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Buka halaman terkait' }).getAttribute('href')).toBe(
      '/proposals/p-1',
    );
    await waitFor(() =>
      expect(
        server.requests.some(
          (r) => r.method === 'POST' && r.path === '/api/notifications/inbox/m-1/read',
        ),
      ).toBe(true),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Konfirmasi penerimaan' }));

    expect((await screen.findByRole('status', {}, { timeout: 5000 })).textContent).toContain(
      'Terima kasih, penerimaan telah dikonfirmasi.',
    );
    expect(screen.queryByRole('button', { name: 'Konfirmasi penerimaan' })).toBeNull();
  });

  it("should say so when the message is someone else's or unknown", async () => {
    server.routes = {
      'GET /api/notifications/inbox/unread-count': {
        status: 200,
        body: { unread: 0, awaitingAcknowledgement: 0 },
      },
      'GET /api/notifications/inbox/m-x': errorAnswer(404, 'MESSAGE_NOT_FOUND'),
    };
    await renderPortal({
      features: CORE_FEATURES,
      path: '/inbox/m-x',
      baseUrl: server.url,
      locale: 'en',
      signedIn: operator,
    });

    expect((await screen.findByRole('alert')).textContent).toContain(
      'This notification was not found.',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Notification' })).toBeTruthy();
  });
});
