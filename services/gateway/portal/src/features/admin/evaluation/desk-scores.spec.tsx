import { editionConfigurationExample } from '@kipp/contracts';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { useRouteServer, type Routes } from '../../../testing/fake-routes';
import { renderPortal } from '../../../testing/render-portal';
import { adminFeature } from '../routes';
import { criterionScore, deskScoresFilter } from './desk-scores';
import type { Calibration, DeskScore, DeskScoresPage } from './evaluation-api';

const admin = { sub: 'acc-admin', roles: ['national_admin'] };

// The ranking page loads several lists; these are hang guards, not speed requirements.
configure({ asyncUtilTimeout: 60_000 });

const EDITION = '/api/evaluation/editions/ed_2027';

const result = (proposalId: string) => ({
  proposalId,
  scoreCount: 2,
  rawMean: 80,
  normalizedMean: 80,
  spread: 30,
  divergent: proposalId === 'prop-2',
  extraEvaluatorRequested: false,
});

const calibration: Calibration = {
  editionId: 'ed_2027',
  minScoresForNormalization: 5,
  divergenceMargin: 20,
  globalMean: 80,
  globalSd: 5,
  agreement: { desk: 0.7, panel: null },
  evaluators: [
    { scorerId: 'ev-1', count: 2, mean: 80, sd: 5, normalized: false },
    { scorerId: 'ev-2', count: 1, mean: 75, sd: 0, normalized: false },
  ],
  proposals: { total: 2, page: 1, pageSize: 500, items: [result('prop-1'), result('prop-2')] },
  divergent: [result('prop-2')],
};

const score = (overrides: Partial<DeskScore>): DeskScore => ({
  sheetId: 'desk_as-1',
  proposalId: 'prop-1',
  title: 'Posyandu Digital',
  evaluatorId: 'ev-1',
  evaluatorName: 'Dr. Sari Wulandari',
  criteria: [
    { criterionId: 'novelty', score: 80, comment: 'Pendekatan baru di wilayahnya.' },
    { criterionId: 'effectiveness', score: 90, comment: 'Ada data sebelum dan sesudah.' },
  ],
  weightedScore: 85,
  submittedAt: '2027-05-01T03:00:00Z',
  submissions: 1,
  reopened: false,
  ...overrides,
});

describe("the secretariat's desk scores per evaluator", () => {
  const pages: Record<string, DeskScoresPage> = {};
  const server = useRouteServer((): Routes => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/registration/editions/ed_2027': {
      status: 200,
      body: {
        editionId: 'ed_2027',
        status: 'published',
        revision: 1,
        currentPhase: 'desk-evaluation',
        phaseOverride: null,
        configuration: editionConfigurationExample,
        publishedAt: '2026-11-01T00:00:00.000Z',
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        history: [],
      },
    },
    [`GET ${EDITION}/calibration`]: { status: 200, body: calibration },
    [`GET ${EDITION}/stages/desk/preview`]: {
      status: 200,
      body: { stage: 'desk', entries: [], report: {} },
    },
    [`GET ${EDITION}/selection`]: {
      status: 200,
      body: {
        total: 2,
        items: ['prop-1', 'prop-2'].map((proposalId, i) => ({
          proposalId,
          institutionId: `inst-${i}`,
          institutionName: null,
          groupId: 'general',
          categoryId: 'health',
          title: i === 0 ? 'Posyandu Digital' : 'Lapor Cepat',
        })),
      },
    },
    'GET /api/registration/accounts': (request) => ({
      status: 200,
      body: request.path.includes('role=evaluator')
        ? { total: 1, items: [{ accountId: 'ev-1', name: 'Dr. Sari Wulandari' }] }
        : { total: 0, items: [] },
    }),
    [`GET ${EDITION}/desk-scores`]: (request) => {
      const query = new URLSearchParams(request.path.split('?')[1] ?? '');
      const key = `${query.get('evaluatorId') ?? query.get('proposalId')}:${query.get('after') ?? ''}`;
      return { status: 200, body: pages[key] ?? { items: [], nextAfter: null } };
    },
  }));

  const deskScoreRequests = () =>
    server.requests.filter((r) => r.path.startsWith(`${EDITION}/desk-scores`)).map((r) => r.path);

  it("should show one evaluator's scores criterion by criterion and load the next page on request", async () => {
    pages['ev-1:'] = { items: [score({})], nextAfter: 'desk_as-1' };
    pages['ev-1:desk_as-1'] = {
      items: [
        score({
          sheetId: 'desk_as-2',
          proposalId: 'prop-2',
          title: 'Lapor Cepat',
          weightedScore: 70,
          criteria: [
            { criterionId: 'novelty', score: 70, comment: '' },
            { criterionId: 'effectiveness', score: 70, comment: '' },
          ],
          reopened: true,
        }),
      ],
      nextAfter: null,
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027/ranking',
      baseUrl: server.url,
      locale: 'en',
      signedIn: admin,
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Show the scores of Dr. Sari Wulandari' }),
    );
    const table = await screen.findByRole('table', {
      name: 'Desk scores submitted by Dr. Sari Wulandari',
    });
    const row = within(
      within(table)
        .getByRole('rowheader', { name: 'Posyandu Digital' })
        .closest('tr') as HTMLElement,
    );
    expect(within(table).getByRole('columnheader', { name: 'Novelty' })).toBeTruthy();
    expect(row.getByText('80')).toBeTruthy();
    expect(row.getByText('90')).toBeTruthy();
    expect(row.getByText('85')).toBeTruthy();
    expect(row.getByText('Ada data sebelum dan sesudah.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('rowheader', { name: 'Lapor Cepat' })).toBeTruthy();
    expect(within(table).getByText('reopened')).toBeTruthy();
    expect(screen.getByText('2 scores shown')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(deskScoreRequests()).toEqual([
      `${EDITION}/desk-scores?evaluatorId=ev-1&pageSize=100`,
      `${EDITION}/desk-scores?evaluatorId=ev-1&after=desk_as-1&pageSize=100`,
    ]);
  });

  it("should show one proposal's scores per evaluator, in Indonesian, naming an unknown evaluator by id", async () => {
    pages['prop-2:'] = {
      items: [
        score({ proposalId: 'prop-2', title: 'Lapor Cepat', weightedScore: 95 }),
        score({
          sheetId: 'desk_as-3',
          proposalId: 'prop-2',
          title: 'Lapor Cepat',
          evaluatorId: 'ev-2',
          evaluatorName: null,
          weightedScore: 60,
        }),
      ],
      nextAfter: null,
    };
    await renderPortal({
      features: [adminFeature],
      path: '/admin/editions/ed_2027/ranking',
      baseUrl: server.url,
      locale: 'id',
      signedIn: admin,
    });

    fireEvent.change(await screen.findByLabelText('Tampilkan skor'), {
      target: { value: 'proposal' },
    });
    fireEvent.change(screen.getByLabelText('Proposal'), { target: { value: 'prop-2' } });
    const table = await screen.findByRole('table', { name: 'Skor desk untuk Lapor Cepat' });
    expect(within(table).getByRole('rowheader', { name: 'Dr. Sari Wulandari' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'ev-2' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Kebaruan' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
  });
});

describe('desk score helpers', () => {
  it('should ask for nothing until an evaluator or a proposal is picked', () => {
    expect(deskScoresFilter({ kind: 'evaluator', id: '' })).toBeNull();
    expect(deskScoresFilter({ kind: 'evaluator', id: 'ev-1' })).toEqual({ evaluatorId: 'ev-1' });
    expect(deskScoresFilter({ kind: 'proposal', id: 'p-1' })).toEqual({ proposalId: 'p-1' });
  });

  it("should read a criterion's score, none for a criterion the sheet lacks", () => {
    expect(criterionScore(score({}), 'effectiveness')).toBe(90);
    expect(criterionScore(score({}), 'sustainability')).toBeNull();
  });
});
