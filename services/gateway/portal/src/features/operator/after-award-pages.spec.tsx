import { configure, fireEvent, screen, within } from '@testing-library/react';
import { jsonBody, routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import type { CheckIn, ReplicationLink } from './replication-api';
import { operatorFeature } from './routes';

// Pages load lazily; on a busy machine the first render may take a while.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const operator = {
  sub: 'acc-1',
  roles: ['unit_operator'],
  institutionId: 'inst_origin',
  unitId: 'unit_9',
};

function link(overrides: Partial<ReplicationLink> = {}): ReplicationLink {
  return {
    replicationId: 'rep_1',
    innovationId: 'inv_1',
    innovationTitle: 'Layanan Kesehatan Keliling',
    originInstitutionId: 'inst_origin',
    adopterInstitutionId: 'inst_adopter',
    adopterProvinceCode: '35',
    title: 'Replikasi Layanan Keliling',
    status: 'plan',
    source: 'registered',
    recordedAt: '2027-06-01T03:00:00.000Z',
    updatedAt: '2027-06-01T03:00:00.000Z',
    revision: 3,
    confirmation: 'pending',
    disputeReason: null,
    proposalId: null,
    visitId: null,
    evidence: [],
    history: [
      {
        revision: 1,
        action: 'recorded',
        at: '2027-06-01T03:00:00.000Z',
        status: 'plan',
        confirmation: 'pending',
        note: null,
      },
    ],
    ...overrides,
  };
}

const checkIn: CheckIn = {
  checkInId: 'chk_inv_1_2027',
  innovationId: 'inv_1',
  innovationTitle: 'Layanan Kesehatan Keliling',
  institutionId: 'inst_origin',
  unitId: 'unit_9',
  period: 2027,
  openedAt: '2027-06-01T00:00:00.000Z',
  dueAt: '2027-07-01T00:00:00.000Z',
  status: 'open',
  answer: null,
};

describe('replications and check-ins', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });
  afterAll(() => server.close());

  const open = (path: string, institutionId = 'inst_origin') =>
    renderPortal({
      features: [operatorFeature],
      path,
      baseUrl: server.url,
      locale: 'en',
      signedIn: { ...operator, institutionId },
    });
  const posts = (path: string) =>
    server.requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => jsonBody(r));

  beforeEach(() => {
    server.requests.length = 0;
    routes = {
      'GET /api/registration/institutions/inst_origin': {
        status: 200,
        body: { institutionId: 'inst_origin', name: 'Kota Bandung', provinceCode: '32' },
      },
      'GET /api/registration/institutions/inst_adopter': {
        status: 200,
        body: { institutionId: 'inst_adopter', name: 'Kab. Banyuwangi', provinceCode: '35' },
      },
      'GET /api/replication/replications/rep_1': { status: 200, body: link() },
    };
  });

  it('should let the origin dispute only with a 10–2000 character reason, on the revision shown', async () => {
    routes['POST /api/replication/replications/rep_1/dispute'] = {
      status: 200,
      body: link({ confirmation: 'disputed', disputeReason: 'Bukan inovasi kami.', revision: 4 }),
    };
    await open('/replications/rep_1');

    const origin = await screen.findByRole('region', { name: 'As the origin institution' });
    expect(
      within(origin).getByRole('button', { name: 'Confirm (counter-sign) the replication' }),
    ).toBeTruthy();
    fireEvent.change(within(origin).getByLabelText(/Reason for the dispute/), {
      target: { value: 'tidak' },
    });
    fireEvent.click(within(origin).getByRole('button', { name: 'Dispute the replication' }));
    expect(await within(origin).findByText('The reason must be 10–2000 characters.')).toBeTruthy();
    expect(posts('/api/replication/replications/rep_1/dispute')).toEqual([]);

    fireEvent.change(within(origin).getByLabelText(/Reason for the dispute/), {
      target: { value: 'Bukan inovasi kami.' },
    });
    fireEvent.click(within(origin).getByRole('button', { name: 'Dispute the replication' }));

    expect(await within(origin).findByText('The replication is disputed.')).toBeTruthy();
    expect(posts('/api/replication/replications/rep_1/dispute')).toEqual([
      { reason: 'Bukan inovasi kami.', expectedRevision: 3 },
    ]);
    // A disputed link can be counter-signed later, not disputed again.
    expect(within(origin).queryByRole('button', { name: 'Dispute the replication' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'As the adopting institution' })).toBeNull();
  });

  it('should offer the adopter only the next status or stopped', async () => {
    routes['POST /api/replication/replications/rep_1/status'] = {
      status: 200,
      body: link({ status: 'in-progress', revision: 4 }),
    };
    await open('/replications/rep_1', 'inst_adopter');

    const adopter = await screen.findByRole('region', { name: 'As the adopting institution' });
    const select = within(adopter).getByLabelText<HTMLSelectElement>('New status');
    expect([...select.options].map((o) => o.value)).toEqual(['in-progress', 'stopped']);
    fireEvent.click(within(adopter).getByRole('button', { name: 'Change status' }));

    expect(await within(adopter).findByText('The status was changed.')).toBeTruthy();
    expect(posts('/api/replication/replications/rep_1/status')).toEqual([
      { status: 'in-progress', expectedRevision: 3 },
    ]);
    expect(screen.queryByRole('region', { name: 'As the origin institution' })).toBeNull();
  });

  it('should answer a check-in and record a stopped innovation as stopped', async () => {
    routes['GET /api/replication/check-ins'] = { status: 200, body: { checkIns: [checkIn] } };
    routes['POST /api/replication/check-ins/chk_inv_1_2027'] = (request) => ({
      status: 200,
      body: {
        ...checkIn,
        status: 'answered',
        answer: {
          ...(jsonBody(request) as object),
          peopleServed: 1200,
          outcome: 'stopped',
          late: false,
          answeredAt: '2027-06-10T02:00:00.000Z',
        },
      },
    });
    await open('/innovations/inv_1/check-ins/chk_inv_1_2027');

    await screen.findByRole('heading', {
      level: 1,
      name: 'Check-in 2027: Layanan Kesehatan Keliling',
    });
    fireEvent.click(screen.getByLabelText('The innovation is still running'));
    expect(screen.getByText('Outcome to be recorded: Stopped')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/People served/), { target: { value: '1200' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(await screen.findByText('The answer was sent.')).toBeTruthy();
    expect(posts('/api/replication/check-ins/chk_inv_1_2027')).toEqual([
      {
        running: false,
        inBudget: false,
        regulationInForce: false,
        scaled: false,
        peopleServed: 1200,
      },
    ]);
  });

  it("should list the institution's certificates, offer the valid one's PDF and show why another was revoked", async () => {
    routes['GET /api/evaluation/me/certificates'] = {
      status: 200,
      body: {
        certificates: [
          {
            certificateId: 'cert_2',
            proposalId: 'prop_1',
            editionId: 'ed_2027',
            editionName: 'KIPP 2027',
            year: 2027,
            title: 'Layanan Kesehatan Keliling',
            tier: 'finalist',
            status: 'active',
            verificationCode: 'KIPP-2027-B2',
            issuedAt: '2027-08-02T03:00:00.000Z',
            revokedAt: null,
            revocationReason: null,
          },
          {
            certificateId: 'cert_1',
            proposalId: 'prop_1',
            editionId: 'ed_2027',
            editionName: 'KIPP 2027',
            year: 2027,
            title: 'Layanan Kesehatan Keliling',
            tier: 'top',
            status: 'revoked',
            verificationCode: 'KIPP-2027-A1',
            issuedAt: '2027-08-01T03:00:00.000Z',
            revokedAt: '2027-08-02T03:00:00.000Z',
            revocationReason: 'superseded by cert_2',
          },
        ],
      },
    };
    await open('/operator/certificates');

    const table = await screen.findByRole('table', {
      name: "Our institution's certificates, newest first",
    });
    const [valid, revoked] = within(table).getAllByRole('row').slice(1);
    expect(within(valid!).getByText('Valid')).toBeTruthy();
    expect(
      within(valid!)
        .getByRole('link', { name: /KIPP-2027-B2/ })
        .getAttribute('href'),
    ).toBe('/verify/KIPP-2027-B2');
    expect(within(revoked!).getByText('Revoked: superseded by cert_2')).toBeTruthy();
    expect(within(revoked!).queryByRole('button')).toBeNull();

    expect(
      within(valid!).getByRole('button', {
        name: 'Download the PDF certificate: Layanan Kesehatan Keliling',
      }),
    ).toBeTruthy();
  });
});
