import { configure, fireEvent, screen, within } from '@testing-library/react';
import { errorAnswer, jsonBody, routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import { formatDateTime } from '../../ui/date-time';
import { operatorFeature } from '../operator/routes';
import { editionFixture, proposalFixture } from '../operator/testing-fixtures';
import { localAdminFeature } from './routes';

// Pages load lazily; on a busy machine the first render may take a while.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const localAdmin = { sub: 'acc-7', roles: ['local_admin'], institutionId: 'inst_3273' };
const features = [operatorFeature, localAdminFeature];

describe('the local admin area', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });
  afterAll(() => server.close());

  const open = (path: string) =>
    renderPortal({ features, path, baseUrl: server.url, locale: 'en', signedIn: localAdmin });
  const posts = (path: string) =>
    server.requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => jsonBody(r));

  beforeEach(() => {
    server.requests.length = 0;
    routes = {
      'GET /api/registration/editions': { status: 200, body: { editions: [editionFixture()] } },
      'GET /api/registration/institutions/inst_3273': {
        status: 200,
        body: { institutionId: 'inst_3273', name: 'Kota Bandung', provinceCode: '32' },
      },
      'GET /api/submissions/proposals/prop_1': {
        status: 200,
        body: proposalFixture({ status: 'submitted' }),
      },
      'GET /api/submissions/proposals': {
        status: 200,
        body: { items: [proposalFixture({ proposalId: 'prop_0', status: 'forwarded' })] },
      },
      // The counters the forward itself takes places from.
      'GET /api/submissions/editions/ed_2027/quota-usage': {
        status: 200,
        body: {
          editionId: 'ed_2027',
          institutionId: 'inst_3273',
          groups: [
            { groupId: 'general', quota: 2, used: 1, left: 1 },
            { groupId: 'replication', quota: 1, used: 0, left: 1 },
          ],
        },
      },
    };
  });

  it('should ask for a comment before returning a proposal, then send it', async () => {
    routes['POST /api/submissions/proposals/prop_1/return'] = {
      status: 200,
      body: proposalFixture({ status: 'returned' }),
    };
    await open('/local-admin/proposals/prop_1');

    fireEvent.click(await screen.findByRole('button', { name: 'Return to the unit' }));
    expect(await screen.findByText('Write a comment before returning.')).toBeTruthy();
    expect(posts('/api/submissions/proposals/prop_1/return')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Comment for the unit'), {
      target: { value: 'Lengkapi bukti standar pelayanan.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Return to the unit' }));

    expect(
      await screen.findByText('The proposal was returned to the unit with your comment.'),
    ).toBeTruthy();
    expect(posts('/api/submissions/proposals/prop_1/return')).toEqual([
      { comment: 'Lengkapi bukti standar pelayanan.' },
    ]);
  });

  it('should forward only after a confirmation naming the quota left, and explain a full quota', async () => {
    routes['POST /api/submissions/proposals/prop_1/forward'] = errorAnswer(409, 'QUOTA_EXCEEDED');
    await open('/local-admin/proposals/prop_1');

    fireEvent.click(await screen.findByRole('button', { name: 'Forward to the ministry' }));
    const dialog = await screen.findByRole('dialog', { name: 'Forward this proposal?' });
    expect(await within(dialog).findByText(/left now: 1\)/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, forward' }));

    expect(await screen.findByText("The institution's quota for this group is full.")).toBeTruthy();
    expect(screen.getByText('QUOTA_EXCEEDED')).toBeTruthy();
  });

  it('should create a unit operator in a unit and show the first password once', async () => {
    routes['GET /api/registration/accounts'] = {
      status: 200,
      body: { items: [], total: 0, page: 1, pageSize: 50 },
    };
    routes['GET /api/registration/institutions/inst_3273/units'] = {
      status: 200,
      body: { items: [{ unitId: 'unit_9', institutionId: 'inst_3273', name: 'Puskesmas Garuda' }] },
    };
    routes['POST /api/registration/accounts'] = {
      status: 201,
      body: {
        account: { accountId: 'acc-9', userId: 'sari.garuda', name: 'Sari', status: 'active' },
        initialPassword: 'Kq7!mZ2v9Lr4xT8wPb3e',
      },
    };
    await open('/local-admin/accounts');

    const form = await screen.findByRole('region', { name: 'Create a unit operator account' });
    fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await within(form).findByText('The user ID does not follow the rules.')).toBeTruthy();

    await within(form).findByRole('option', { name: 'Puskesmas Garuda' });
    fireEvent.change(within(form).getByLabelText(/Service unit/), { target: { value: 'unit_9' } });
    fireEvent.change(within(form).getByLabelText(/User ID/), { target: { value: 'Sari.Garuda' } });
    fireEvent.change(within(form).getByLabelText(/Full name/), { target: { value: 'Sari' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Email/ }), {
      target: { value: 'sari@bandung.go.id' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Create account' }));

    expect(await within(form).findByText('Kq7!mZ2v9Lr4xT8wPb3e')).toBeTruthy();
    expect(posts('/api/registration/accounts')).toEqual([
      {
        role: 'unit_operator',
        institutionId: 'inst_3273',
        userId: 'sari.garuda',
        name: 'Sari',
        email: 'sari@bandung.go.id',
        locale: 'id',
        unitId: 'unit_9',
      },
    ]);
  });

  describe('stuck drafts', () => {
    const nudgePath = (proposalId: string) => `/api/submissions/proposals/${proposalId}/nudge`;

    beforeEach(() => {
      routes['GET /api/submissions/reports/drafts'] = {
        status: 200,
        body: { editionId: 'ed_2027', institutions: [] },
      };
      routes['GET /api/submissions/proposals'] = {
        status: 200,
        body: {
          items: [
            proposalFixture({ proposalId: 'prop_d', title: 'Posyandu Digital', status: 'draft' }),
            proposalFixture({ proposalId: 'prop_s', title: 'Sapa Warga', status: 'submitted' }),
          ],
        },
      };
    });

    it('should nudge a unit with the message after a confirmation and say when the next one may go', async () => {
      routes[`POST ${nudgePath('prop_d')}`] = {
        status: 200,
        body: {
          proposalId: 'prop_d',
          message: 'Lengkapi bagian keberlanjutan.',
          nudgedAt: '2027-03-20T03:00:00.000Z',
          nextAllowedAt: '2027-03-21T03:00:00.000Z',
        },
      };
      await open('/local-admin/drafts');

      // Only a proposal with its unit can be nudged; one with the local admin has no button.
      expect(
        await screen.findByRole('button', { name: 'Nudge the unit about Posyandu Digital' }),
      ).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Nudge the unit about Sapa Warga' })).toBeNull();

      fireEvent.click(
        screen.getByRole('button', { name: 'Nudge the unit about Posyandu Digital' }),
      );
      const dialog = await screen.findByRole('dialog', { name: 'Nudge the unit?' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(posts(nudgePath('prop_d'))).toEqual([]);

      fireEvent.click(
        screen.getByRole('button', { name: 'Nudge the unit about Posyandu Digital' }),
      );
      const again = await screen.findByRole('dialog', { name: 'Nudge the unit?' });
      fireEvent.change(within(again).getByLabelText(/Message for the unit/), {
        target: { value: '  Lengkapi bagian keberlanjutan.  ' },
      });
      fireEvent.click(within(again).getByRole('button', { name: 'Send the reminder' }));

      const next = formatDateTime('2027-03-21T03:00:00.000Z', 'en', 'WIB');
      expect(
        await screen.findByText(
          `The unit was reminded of “Posyandu Digital”. The next reminder can be sent from ${next}.`,
        ),
      ).toBeTruthy();
      expect(posts(nudgePath('prop_d'))).toEqual([{ message: 'Lengkapi bagian keberlanjutan.' }]);
    });

    it('should explain a nudge refused as too soon, naming when the next is possible', async () => {
      routes[`POST ${nudgePath('prop_d')}`] = errorAnswer(409, 'NUDGE_TOO_SOON', {
        proposalId: 'prop_d',
        lastNudgedAt: '2027-03-20T03:00:00.000Z',
        nextAllowedAt: '2027-03-21T03:00:00.000Z',
      });
      await open('/local-admin/drafts');

      fireEvent.click(
        await screen.findByRole('button', { name: 'Nudge the unit about Posyandu Digital' }),
      );
      const dialog = await screen.findByRole('dialog', { name: 'Nudge the unit?' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Send the reminder' }));

      const next = formatDateTime('2027-03-21T03:00:00.000Z', 'en', 'WIB');
      expect(
        await screen.findByText(
          `The unit was reminded of this proposal in the last 24 hours. The next reminder can be sent from ${next}.`,
        ),
      ).toBeTruthy();
      expect(screen.getByText('NUDGE_TOO_SOON')).toBeTruthy();
      expect(posts(nudgePath('prop_d'))).toEqual([{}]);
    });

    it('should explain a proposal that left the unit and a closed submission', async () => {
      routes[`POST ${nudgePath('prop_d')}`] = errorAnswer(409, 'PROPOSAL_STATUS_CONFLICT', {
        status: 'submitted',
      });
      await open('/local-admin/drafts');
      const nudge = await screen.findByRole('button', {
        name: 'Nudge the unit about Posyandu Digital',
      });

      fireEvent.click(nudge);
      fireEvent.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Send the reminder',
        }),
      );
      expect(await screen.findByText(/is no longer with the unit/)).toBeTruthy();

      routes[`POST ${nudgePath('prop_d')}`] = errorAnswer(409, 'SUBMISSION_CLOSED');
      fireEvent.click(nudge);
      fireEvent.click(
        within(await screen.findByRole('dialog')).getByRole('button', {
          name: 'Send the reminder',
        }),
      );
      expect(
        await screen.findByText(
          'Submission has closed; the unit can no longer change the proposal.',
        ),
      ).toBeTruthy();
    });
  });
});
