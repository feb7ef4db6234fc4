import { configure, fireEvent, screen, within } from '@testing-library/react';
import { editionConfigurationExample } from '@kipp/contracts';
import { errorAnswer, jsonBody, useRouteServer } from '../../../testing/fake-routes';
import { renderPortal } from '../../../testing/render-portal';
import { localAdminInterviewFeature } from './routes';
import { slotFixture as slot } from '../../evaluator/slot-fixture';

// The first visit compiles and loads the lazy page on a machine other work shares: wait for
// what the page shows, however long that takes; the time is not what these specs check.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const localAdmin = { sub: 'acc-la-1', roles: ['local_admin'], institutionId: 'inst_3273' };

describe("the local admin's interview schedule", () => {
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/registration/editions': {
      status: 200,
      body: {
        editions: [
          {
            editionId: 'ed_2027',
            status: 'published',
            currentPhase: 'interview',
            configuration: editionConfigurationExample,
          },
        ],
      },
    },
    'GET /api/evaluation/institutions/inst_3273/results': {
      status: 200,
      body: {
        stages: [
          {
            stage: 'finalists',
            version: 1,
            entries: [{ proposalId: 'p1', title: 'Posyandu Digital', rank: 4, advanced: true }],
          },
        ],
      },
    },
    'GET /api/evaluation/editions/ed_2027/interview-slots': {
      status: 200,
      body: [slot('s1', '2099-08-01T02:00:00Z'), slot('s2', '2099-08-01T02:20:00Z')],
    },
  }));

  const open = () =>
    renderPortal({
      features: [localAdminInterviewFeature],
      path: '/local-admin/interview',
      baseUrl: server.url,
      locale: 'en',
      signedIn: localAdmin,
    });

  it('should book a free session for a finalist and ask for confirmation next', async () => {
    server.routes['POST /api/evaluation/interview-slots/s2/book'] = {
      status: 201,
      body: slot('s2', '2099-08-01T02:20:00Z', { proposalId: 'p1' }),
    };
    await open();
    const table = await screen.findByRole('table', {
      name: "My institution's finalists and their sessions",
    });
    expect(within(table).getByText('Not booked')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Book a session for “Posyandu Digital”' }));
    expect(await screen.findByText('Choose a session first.')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Session for “Posyandu Digital”' }), {
      target: { value: 's2' },
    });
    server.routes['GET /api/evaluation/editions/ed_2027/interview-slots'] = {
      status: 200,
      body: [
        slot('s1', '2099-08-01T02:00:00Z'),
        slot('s2', '2099-08-01T02:20:00Z', { proposalId: 'p1', confirmBy: '2099-07-31T02:20:00Z' }),
      ],
    };
    fireEvent.click(screen.getByRole('button', { name: 'Book a session for “Posyandu Digital”' }));

    expect(
      await screen.findByText(
        'A session for “Posyandu Digital” is booked. Remember to confirm it.',
      ),
    ).toBeTruthy();
    expect(jsonBody(server.requests.find((r) => r.path.endsWith('/book')))).toEqual({
      proposalId: 'p1',
    });
    expect(
      await screen.findByRole('button', { name: 'Confirm the session of “Posyandu Digital”' }),
    ).toBeTruthy();
  });

  it('should explain a session another institution took first', async () => {
    server.routes['POST /api/evaluation/interview-slots/s1/book'] = errorAnswer(409, 'SLOT_TAKEN');
    await open();
    fireEvent.change(
      await screen.findByRole('combobox', { name: 'Session for “Posyandu Digital”' }),
      { target: { value: 's1' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Book a session for “Posyandu Digital”' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Another institution has just booked this session.');
    expect(alert.textContent).toContain('SLOT_TAKEN');
  });
});
