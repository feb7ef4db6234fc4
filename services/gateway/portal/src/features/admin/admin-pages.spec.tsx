import { editionConfigurationExample } from '@kipp/contracts';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { errorAnswer, jsonBody, routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import type { Edition } from './editions/edition-api';
import type { Objection } from './evaluation/evaluation-api';
import { adminFeature } from './routes';

const admin = { sub: 'acc-admin', roles: ['national_admin'] };

// The edition builder is one long form; loading and rendering it in jsdom on a loaded machine
// can take longer than the default waits (1 s for findBy, 5 s per test). Both are hang guards
// here, not speed requirements.
jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 60_000 });

function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    editionId: 'ed_2027',
    status: 'draft',
    revision: 0,
    currentPhase: null,
    phaseOverride: null,
    configuration: editionConfigurationExample,
    publishedAt: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    history: [{ at: '2026-11-01T00:00:00.000Z', action: 'created' }],
    ...overrides,
  };
}

/** The text a control's aria-describedby points at. */
function description(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('national admin pages', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });

  afterAll(() => server.close());

  beforeEach(() => {
    server.requests.length = 0;
  });

  it('should create a draft from the starter layout, its fields told apart from the copy form', async () => {
    routes = {
      'GET /api/registration/editions': {
        status: 200,
        body: { editions: [edition({ status: 'published', revision: 1 })] },
      },
      'POST /api/registration/editions': (request) => {
        const body = jsonBody(request) as Edition['configuration'];
        return {
          status: 201,
          body: edition({ editionId: 'ed_2028', configuration: { ...body, editionId: 'ed_2028' } }),
        };
      },
      'GET /api/registration/editions/ed_2028': () => ({
        status: 200,
        body: edition({
          editionId: 'ed_2028',
          configuration: {
            ...editionConfigurationExample,
            editionId: 'ed_2028',
            name: 'KIPP 2028',
          },
        }),
      }),
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions',
      baseUrl: server.url,
      signedIn: admin,
    });

    expect(await screen.findByRole('link', { name: 'KIPP 2027' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Nama edisi salinan' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Nama edisi' }), {
      target: { value: 'KIPP 2028' },
    });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Tahun' }), {
      target: { value: '2028' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tema (Bahasa Indonesia)' }), {
      target: { value: 'Tema' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tema (English)' }), {
      target: { value: 'Theme' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Buat draf' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Penyusun edisi: KIPP 2028' }),
    ).toBeTruthy();
    const sent = jsonBody(
      server.requests.find((r) => r.method === 'POST'),
    ) as Edition['configuration'];
    expect(sent).toMatchObject({
      name: 'KIPP 2028',
      year: 2028,
      theme: { id: 'Tema', en: 'Theme' },
    });
    expect(
      sent.form.sections.map((section) => [section.sectionId, section.wordLimit]),
    ).toContainEqual(['summary', 200]);
  });

  it('should show the rules the edition breaks at their fields when saving fails', async () => {
    routes = {
      'GET /api/registration/editions/ed_2027': { status: 200, body: edition() },
      'PUT /api/registration/editions/ed_2027': errorAnswer(400, 'EDITION_INVALID', {
        issues: [
          { path: 'calendar.1.endsAt', code: 'PHASE_ENDS_BEFORE_START', message: 'x' },
          { path: 'rubric.criteria', code: 'WEIGHTS_NOT_100', message: 'y' },
          { path: 'groups.0.quotaPerInstitution', code: 'NEGATIVE_QUOTA', message: 'z' },
          {
            path: 'evaluation.representation.1.min',
            code: 'REPRESENTATION_MIN_ABOVE_FINALISTS',
            message: 'w',
          },
        ],
      }),
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027',
      baseUrl: server.url,
      signedIn: admin,
    });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Penyusun edisi: KIPP 2027' }),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kuota per instansi, kelompok Umum'), {
      target: { value: '-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('4 isian perlu diperbaiki')).toBeTruthy();
    const end = screen.getByLabelText('Selesai Pengajuan proposal');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(description(end)).toContain('Selesai harus setelah mulai.');
    const quota = screen.getByLabelText('Kuota per instansi, kelompok Umum');
    expect(quota.getAttribute('aria-invalid')).toBe('true');
    expect(description(quota)).toContain('Kuota tidak boleh negatif.');
    expect(screen.getByText('Jumlah bobot: 100 dari 100 — Jumlah bobot harus 100.')).toBeTruthy();
    const summaryItems = within(
      screen.getByText('4 isian perlu diperbaiki').parentElement as HTMLElement,
    ).getAllByRole('listitem');
    expect(summaryItems.map((item) => item.textContent)).toEqual([
      'Kalender: Selesai harus setelah mulai.',
      'Rubrik evaluasi desk: Jumlah bobot harus 100.',
      'Kelompok dan kuota: Kuota tidak boleh negatif.',
      'Pengaturan evaluasi: Minimum melebihi jumlah finalis.',
    ]);
    const ruleMin = screen.getByLabelText('Minimum aturan 2');
    expect(ruleMin.getAttribute('aria-invalid')).toBe('true');
    expect(description(ruleMin)).toContain('Minimum melebihi jumlah finalis.');
    const sent = jsonBody(server.requests.find((r) => r.method === 'PUT')) as {
      groups: { quotaPerInstitution: number }[];
      expectedRevision?: number;
    };
    expect(sent.groups[0]?.quotaPerInstitution).toBe(-1);
    expect(sent.expectedRevision).toBeUndefined();
  });

  it('should enter and show calendar times in the chosen zone and send them in UTC', async () => {
    routes = {
      'GET /api/registration/editions/ed_2027': { status: 200, body: edition() },
      'PUT /api/registration/editions/ed_2027': (request) => {
        const body = jsonBody(request) as { calendar: Edition['configuration']['calendar'] };
        return {
          status: 200,
          body: edition({
            configuration: { ...editionConfigurationExample, calendar: body.calendar },
          }),
        };
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027',
      baseUrl: server.url,
      locale: 'en',
      signedIn: admin,
    });

    await screen.findByRole('heading', { level: 1, name: 'Edition builder: KIPP 2027' });
    fireEvent.change(screen.getByLabelText('Time zone for entry and display'), {
      target: { value: 'WIT' },
    });
    const end = screen.getByLabelText<HTMLInputElement>('End of Proposal submission');
    expect(end.value).toBe('2027-04-01T01:59');
    fireEvent.change(end, { target: { value: '2027-04-01T02:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    const sent = jsonBody(server.requests.find((r) => r.method === 'PUT')) as {
      calendar: { phase: string; endsAt: string }[];
    };
    expect(sent.calendar.find((e) => e.phase === 'submission')?.endsAt).toBe(
      '2027-03-31T17:30:00.000Z',
    );
  });

  it('should publish a draft after confirmation and then offer the phase change', async () => {
    let current = edition();
    routes = {
      'GET /api/registration/editions/ed_2027': () => ({ status: 200, body: current }),
      'POST /api/registration/editions/ed_2027/publication': () => {
        current = edition({ status: 'published', revision: 1, currentPhase: 'registration' });
        return { status: 200, body: current };
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027',
      baseUrl: server.url,
      locale: 'en',
      signedIn: admin,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Publish the edition' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish this edition now?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish the edition' }));

    expect(await screen.findByText('The edition has been published.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move the phase' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Objections' }).getAttribute('href')).toBe(
      '/admin/editions/ed_2027/objections',
    );
  });

  it('should resolve an objection only with a long enough reason, and show the decision', async () => {
    const objection: Objection = {
      objectionId: 'obj-1',
      proposalId: 'p-1',
      institutionId: 'inst_3273',
      proposalTitle: 'Layanan Cepat',
      institutionName: 'Kota Bandung',
      objector: { name: 'Warga', email: 'warga@example.id' },
      grounds: 'Inovasi ini sudah pernah menang di edisi lain dengan nama berbeda.',
      evidence: [
        { fileId: 'f-1', filename: 'bukti.pdf', contentType: 'application/pdf', sizeBytes: 20480 },
      ],
      filedAt: '2027-06-16T03:00:00.000Z',
      resolution: null,
    };
    routes = {
      'GET /api/registration/editions/ed_2027': {
        status: 200,
        body: edition({ status: 'published', revision: 1 }),
      },
      'GET /api/evaluation/editions/ed_2027/objections': {
        status: 200,
        body: { objections: [objection] },
      },
      'POST /api/evaluation/objections/obj-1/resolve': (request) => {
        const body = jsonBody(request) as { outcome: 'upheld'; reason: string };
        return {
          status: 200,
          body: {
            outcome: body.outcome,
            reason: body.reason,
            resolvedBy: 'acc-admin',
            resolvedAt: '2027-06-20T03:00:00.000Z',
          },
        };
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027/objections',
      baseUrl: server.url,
      signedIn: admin,
    });

    const card = await screen.findByRole('article', { name: 'Sanggahan atas Layanan Cepat' });
    expect(within(card).getByRole('button', { name: 'Unduh bukti.pdf (20 KB)' })).toBeTruthy();
    fireEvent.change(within(card).getByLabelText('Putusan'), { target: { value: 'upheld' } });
    fireEvent.change(within(card).getByLabelText(/Alasan putusan/), {
      target: { value: 'Terbukti.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Putuskan sanggahan' }));
    expect(within(card).getByText('Alasan minimal 20 karakter.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(card).getByLabelText(/Alasan putusan/), {
      target: { value: 'Terbukti pernah menang pada KIPP 2024 dengan judul lain.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Putuskan sanggahan' }));

    expect((await screen.findByText(/Sanggahan telah diputus: Diterima\./)).textContent).toContain(
      'Terbitkan ulang daftar finalis',
    );
    expect(jsonBody(server.requests.find((r) => r.method === 'POST'))).toEqual({
      outcome: 'upheld',
      reason: 'Terbukti pernah menang pada KIPP 2024 dengan judul lain.',
    });
    fireEvent.change(screen.getByLabelText('Tampilkan'), { target: { value: 'resolved' } });
    await waitFor(() =>
      expect(
        screen.getByRole('article', { name: 'Sanggahan atas Layanan Cepat' }).textContent,
      ).toContain('Diterima'),
    );
  });

  it('should not send a broadcast without both languages and an audience, and send it once with a key', async () => {
    routes = {
      'GET /api/registration/editions': { status: 200, body: { editions: [] } },
      'GET /api/notifications/broadcasts': {
        status: 200,
        body: { broadcasts: [], nextCursor: null },
      },
      'POST /api/notifications/broadcasts': {
        status: 201,
        body: { broadcastId: 'b-1', recipientCount: 12 },
      },
      'GET /api/notifications/broadcasts/b-1': {
        status: 200,
        body: {
          broadcastId: 'b-1',
          subject: { id: 'Jadwal', en: 'Schedule' },
          body: { id: 'Isi', en: 'Text' },
          audience: { roles: ['local_admin'] },
          mandatory: false,
          requiresAck: false,
          sentBy: 'acc-admin',
          status: 'done',
          recipientCount: 12,
          delivery: { inbox: { delivered: 12 }, email: { sent: 10, pending: 2 } },
          createdAt: '2027-01-01T00:00:00.000Z',
          completedAt: '2027-01-01T00:00:01.000Z',
        },
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/broadcasts',
      baseUrl: server.url,
      locale: 'en',
      signedIn: admin,
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Send the announcement' }));
    expect(screen.getByText('The subject in English is required.')).toBeTruthy();
    expect(screen.getByText(/Choose the recipients/)).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText(/Subject \(Bahasa Indonesia\)/), {
      target: { value: 'Jadwal' },
    });
    fireEvent.change(screen.getByLabelText(/Subject \(English\)/), {
      target: { value: 'Schedule' },
    });
    fireEvent.change(screen.getByLabelText(/Text \(Bahasa Indonesia\)/), {
      target: { value: 'Isi' },
    });
    fireEvent.change(screen.getByLabelText(/Text \(English\)/), { target: { value: 'Text' } });
    fireEvent.click(screen.getByLabelText('Local admin'));
    fireEvent.click(screen.getByRole('button', { name: 'Send the announcement' }));

    expect(await screen.findByText('The announcement was sent to 12 recipients.')).toBeTruthy();
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(jsonBody(post)).toEqual({
      subject: { id: 'Jadwal', en: 'Schedule' },
      body: { id: 'Isi', en: 'Text' },
      audience: { roles: ['local_admin'] },
      mandatory: false,
      requiresAck: false,
    });
    expect(await screen.findByRole('img', { name: /Email delivery of "Schedule"/ })).toBeTruthy();
    // The end of the fan-out refreshes the list once, not again and again.
    await waitFor(() =>
      expect(
        server.requests.filter((r) => r.path.startsWith('/api/notifications/broadcasts?')).length,
      ).toBe(2),
    );
    expect(
      server.requests.filter((r) => r.path === '/api/notifications/broadcasts/b-1'),
    ).toHaveLength(1);
  });

  it('should approve a local admin request and show the first password once', async () => {
    const request = {
      requestId: 'req-1',
      institutionId: 'inst_3273',
      candidateName: 'Siti',
      candidateEmail: 'siti@bandung.go.id',
      candidateUserId: 'siti.bdg',
      status: 'pending',
      letter: { filename: 'sk.pdf', sizeBytes: 51200 },
      decision: null,
      createdAt: '2027-01-10T02:00:00.000Z',
    };
    routes = {
      'GET /api/registration/local-admin-requests': {
        status: 200,
        body: { items: [request], total: 1, page: 1, pageSize: 20 },
      },
      'POST /api/registration/local-admin-requests/req-1/decision': {
        status: 200,
        body: {
          request: { ...request, status: 'approved' },
          account: null,
          initialPassword: 'Xy7-first-pass-42!',
        },
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/local-admin-requests',
      baseUrl: server.url,
      locale: 'en',
      signedIn: admin,
    });

    expect(
      await screen.findByRole('button', { name: 'Download the letter of Siti (50 KB)' }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Decide Siti' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request of Siti' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('Account siti.bdg created. First password (shown this once only):'),
    ).toBeTruthy();
    expect(screen.getByText('Xy7-first-pass-42!')).toBeTruthy();
    expect(jsonBody(server.requests.find((r) => r.method === 'POST'))).toEqual({
      decision: 'approved',
      reason: '',
    });
  });

  it('should send a failed email again from the delivery log', async () => {
    const failed = {
      id: 'msg-1',
      noticeId: 'n-1',
      template: 'proposal.returned',
      channel: 'email',
      recipient: { accountId: 'acc-1', email: 'ops@bandung.go.id', locale: 'id' },
      status: 'failed',
      attempts: 5,
      lastError: '550 mailbox unavailable',
      sentAt: null,
      createdAt: '2027-03-01T01:00:00.000Z',
    };
    routes = {
      'GET /api/notifications/deliveries': {
        status: 200,
        body: { items: [failed], nextCursor: null },
      },
      'GET /api/notifications/deliveries/summary': {
        status: 200,
        body: { total: 1, byStatus: { failed: 1 } },
      },
      'POST /api/notifications/deliveries/msg-1/resend': {
        status: 200,
        body: { ...failed, status: 'pending', attempts: 0 },
      },
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/deliveries',
      baseUrl: server.url,
      signedIn: admin,
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Kirim ulang ke ops@bandung.go.id' }),
    );

    expect(
      await screen.findByText('Pesan untuk ops@bandung.go.id masuk antrean lagi.'),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: /Pesan per status/ })).toBeTruthy();
  });
});
