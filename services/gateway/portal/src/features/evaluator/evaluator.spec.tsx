import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { editionConfigurationExample } from '@kipp/contracts';
import { errorAnswer, jsonBody, useRouteServer } from '../../testing/fake-routes';
import { renderPortal } from '../../testing/render-portal';
import type {
  MyAssignment,
  MyPanelSheet,
  ScoreSheet,
  ScoreSheetReading,
  ScorerProposal,
} from './evaluator-api';
import { evaluatorFeature } from './routes';
import { sheetFixture as sheet } from './sheet-fixture';

// The first visit compiles and loads the lazy page on a machine other work shares: wait for
// what the page shows, however long that takes; the time is not what these specs check.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const evaluator = { sub: 'acc-ev-1', roles: ['evaluator'], userId: 'ev.sari' };
const SHEET_PATH = '/api/evaluation/assignments/as-1/sheet';

const proposal: ScorerProposal = {
  proposalId: 'prop-1',
  title: 'Posyandu Digital',
  categoryId: 'health',
  groupId: 'general',
  snapshotVersion: 2,
  sections: [{ sectionId: 'summary', text: 'Layanan kesehatan ibu dan anak.', wordCount: 5 }],
  evidence: [
    {
      evidenceId: 'service-standard',
      fileId: 'file-1',
      filename: 'standar-pelayanan.pdf',
      contentType: 'application/pdf',
      sizeBytes: 482_113,
    },
  ],
  institution: null,
};

/** A sheet as `GET …/sheet` answers it: with the proposal it scores. */
function reading(
  overrides: Partial<ScoreSheet> = {},
  scored: ScorerProposal | null = proposal,
): ScoreSheetReading {
  return { ...sheet(overrides), proposal: scored };
}

const finalistsAnswer = {
  status: 200,
  body: {
    finalists: [
      {
        proposalId: 'prop-1',
        title: 'Posyandu Digital',
        institutionName: 'Kota Bandung',
        categoryId: 'health',
        groupId: 'general',
      },
    ],
  },
};

const assignment: MyAssignment = {
  assignmentId: 'as-1',
  editionId: 'ed_2027',
  dueAt: '2099-06-30T09:00:00Z',
  deadline: '2099-06-30T09:30:00Z',
  proposal,
  sheet: null,
};

/** The list never reads a sheet: where each one stands comes with `GET /me/assignments`. */
const sheetReads = (requests: readonly { path: string }[]) =>
  requests.filter((r) => /\/sheet$|\/panel-sheets\//.test(r.path));

describe('the evaluator area', () => {
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/evaluation/me/assignments': { status: 200, body: { items: [assignment] } },
    'GET /api/registration/editions/ed_2027': {
      status: 200,
      body: {
        editionId: 'ed_2027',
        status: 'published',
        currentPhase: 'desk-evaluation',
        configuration: editionConfigurationExample,
      },
    },
    'GET /api/registration/editions': {
      status: 200,
      body: {
        editions: [
          {
            editionId: 'ed_2027',
            status: 'published',
            currentPhase: 'desk-evaluation',
            configuration: editionConfigurationExample,
          },
        ],
      },
    },
    [`GET ${SHEET_PATH}`]: { status: 200, body: reading() },
  }));

  const openSheet = async (locale: 'id' | 'en' = 'en') => {
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator/assignments/as-1',
      baseUrl: server.url,
      locale,
      signedIn: evaluator,
    });
    await screen.findByRole('heading', { level: 2, name: 'Posyandu Digital' });
  };

  const score = (name: string, value: string, comment: string) => {
    fireEvent.change(screen.getByRole('textbox', { name: `Score: ${name}` }), {
      target: { value },
    });
    fireEvent.change(screen.getByRole('textbox', { name: `Comment: ${name}` }), {
      target: { value: comment },
    });
  };

  it('should show the proposal beside the rubric and the weighted total as scores are typed', async () => {
    await openSheet();
    expect(screen.getByRole('heading', { level: 1, name: 'Desk score sheet' })).toBeTruthy();
    expect(screen.getByText('Layanan kesehatan ibu dan anak.')).toBeTruthy();
    expect(screen.getByText("Blind review: the institution's name is hidden.")).toBeTruthy();
    expect(
      screen.getByRole('button', { name: 'Decline or declare a conflict: “Posyandu Digital”' }),
    ).toBeTruthy();

    score('Novelty', '80', 'Baru');
    expect(screen.getByText('Weighted score: 80')).toBeTruthy();
    score('Effectiveness', '60', 'Cukup');
    expect(screen.getByText('Weighted score: 70')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Score: Novelty' }), {
      target: { value: '130' },
    });
    expect(screen.getByText('The score must be between 0 and 100.')).toBeTruthy();
  });

  it('should show the forwarded sections and list the evidence files from the sheet alone', async () => {
    await openSheet();

    expect(screen.getByRole('heading', { level: 3, name: 'Summary' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Evidence files' })).toBeTruthy();
    expect(screen.getByText(/standar-pelayanan\.pdf \(470\.8 KB\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download standar-pelayanan.pdf' })).toBeTruthy();
    expect(screen.queryByText(/cannot (be opened|download)/)).toBeNull();
    // The proposal comes with the sheet: no second round trip for it.
    expect(server.requests.some((r) => r.path === '/api/evaluation/me/assignments')).toBe(false);
  });

  it('should say the text is not available yet when evaluation has no snapshot of the proposal', async () => {
    server.routes[`GET ${SHEET_PATH}`] = { status: 200, body: reading({}, null) };
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator/assignments/as-1',
      baseUrl: server.url,
      locale: 'id',
      signedIn: evaluator,
    });

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Proposal belum tersedia' }),
    ).toBeTruthy();
    expect(screen.getByText('Naskah proposal belum tersedia.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Nilai: Kebaruan' })).toBeTruthy();
  });

  it('should save the draft with the revision it started from', async () => {
    server.routes[`PUT ${SHEET_PATH}`] = (request) => {
      const body = jsonBody(request) as { criteria: ScoreSheet['criteria'] };
      return { status: 200, body: sheet({ revision: 1, criteria: body.criteria }) };
    };
    await openSheet();
    score('Novelty', '75,5', 'Gagasan baru');

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    await screen.findByText(/^Saved at /);
    expect(jsonBody(server.requests.find((r) => r.method === 'PUT'))).toEqual({
      criteria: [{ criterionId: 'novelty', score: 75.5, comment: 'Gagasan baru' }],
      expectedRevision: 0,
    });
  });

  it('should stop on a conflict, keep the typed scores and load the newer sheet on request', async () => {
    server.routes[`PUT ${SHEET_PATH}`] = errorAnswer(409, 'SCORE_SHEET_REVISION_CONFLICT');
    await openSheet();
    score('Novelty', '50', 'Dari tab lama');

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect((await screen.findByRole('alert')).textContent).toContain('changed elsewhere');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Score: Novelty' }).value).toBe(
      '50',
    );
    server.routes[`GET ${SHEET_PATH}`] = {
      status: 200,
      body: reading({
        revision: 4,
        criteria: [{ criterionId: 'novelty', score: 90, comment: 'Baru' }],
      }),
    };
    fireEvent.click(screen.getByRole('button', { name: 'Load the latest version' }));
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Score: Novelty' }).value).toBe(
        '90',
      ),
    );
  });

  it('should refuse to submit an incomplete sheet, then submit after confirmation and turn read-only', async () => {
    server.routes[`PUT ${SHEET_PATH}`] = (request) => {
      const body = jsonBody(request) as { criteria: ScoreSheet['criteria'] };
      return { status: 200, body: sheet({ revision: 1, criteria: body.criteria }) };
    };
    server.routes[`POST ${SHEET_PATH}/submit`] = {
      status: 200,
      body: sheet({
        status: 'submitted',
        revision: 2,
        submissions: 1,
        submittedAt: '2027-06-10T03:00:00Z',
        submittedWeightedScore: 70,
        weightedScore: 70,
        criteria: [
          { criterionId: 'novelty', score: 80, comment: 'Baru' },
          { criterionId: 'effectiveness', score: 60, comment: 'Cukup' },
        ],
      }),
    };
    await openSheet();
    score('Novelty', '80', 'Baru');
    fireEvent.click(screen.getByRole('button', { name: 'Submit score' }));
    expect(
      await screen.findByText('1 criteria are incomplete. Check the marked fields.'),
    ).toBeTruthy();
    expect(screen.getByText('Score this criterion.')).toBeTruthy();
    expect(server.requests.some((r) => r.path.endsWith('/submit'))).toBe(false);

    score('Effectiveness', '60', 'Cukup');
    fireEvent.click(screen.getByRole('button', { name: 'Submit score' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit the score?' });
    expect(dialog.textContent).toContain('Your weighted score is 70');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, submit' }));

    expect(await screen.findByText('Score submitted')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Score: Novelty' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revise score' })).toBeTruthy();
    const submit = server.requests.find((r) => r.path.endsWith('/submit'));
    expect(jsonBody(submit)).toEqual({ expectedRevision: 1 });
  });

  it('should list my assignments with their progress and end one with a reason', async () => {
    server.routes['POST /api/evaluation/assignments/as-1/recuse'] = {
      status: 200,
      body: { assignment: { id: 'as-1', status: 'recused' }, replacement: { id: 'as-9' } },
    };
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator',
      baseUrl: server.url,
      locale: 'id',
      signedIn: evaluator,
    });

    expect(await screen.findByRole('link', { name: 'Nilai “Posyandu Digital”' })).toBeTruthy();
    expect(screen.getByText('0 dari 1 proposal sudah dinilai')).toBeTruthy();
    expect(screen.getAllByText('Belum dimulai').length).toBeGreaterThan(0);
    expect(sheetReads(server.requests)).toEqual([]);

    fireEvent.click(
      screen.getByRole('button', { name: 'Tolak atau nyatakan konflik: “Posyandu Digital”' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('tidak dapat dibatalkan');
    fireEvent.click(
      within(dialog).getByLabelText('Saya memiliki konflik kepentingan dengan proposal ini'),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Akhiri penugasan' }));
    expect(await within(dialog).findByText('Tulis penjelasan minimal 3 karakter.')).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Penjelasan' }), {
      target: { value: 'Saya pernah menjadi konsultan unit ini' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Akhiri penugasan' }));

    expect(await screen.findByText('Penugasan “Posyandu Digital” telah diakhiri.')).toBeTruthy();
    expect(screen.getByText('Penilai pengganti sudah ditugaskan.')).toBeTruthy();
    expect(jsonBody(server.requests.find((r) => r.path.endsWith('/recuse')))).toEqual({
      reason: 'Saya pernah menjadi konsultan unit ini',
    });
  });

  it("should show each assignment's standing and score from the list alone, reading no sheet", async () => {
    const other = (id: string, title: string): ScorerProposal => ({
      ...proposal,
      proposalId: `prop-${id}`,
      title,
    });
    server.routes['GET /api/evaluation/me/assignments'] = {
      status: 200,
      body: {
        items: [
          assignment,
          {
            ...assignment,
            assignmentId: 'as-2',
            proposal: other('2', 'Sampah Jadi Emas'),
            sheet: { status: 'draft', revision: 2, weightedScore: 70, submittedAt: null },
          },
          {
            ...assignment,
            assignmentId: 'as-3',
            proposal: other('3', 'Lapor Cepat'),
            sheet: {
              status: 'submitted',
              revision: 3,
              weightedScore: 86.5,
              submittedAt: '2099-05-01T03:00:00Z',
            },
          },
        ],
      } satisfies { items: MyAssignment[] },
    };
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator',
      baseUrl: server.url,
      locale: 'en',
      signedIn: evaluator,
    });

    expect(await screen.findByRole('link', { name: 'View score of “Lapor Cepat”' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Score “Sampah Jadi Emas”' })).toBeTruthy();
    expect(screen.getByText('1 of 3 proposals scored')).toBeTruthy();
    const rowOf = (title: string) => {
      const row = screen.getByRole('link', { name: new RegExp(title) }).closest('tr');
      if (!row) throw new Error(`no row for ${title}`);
      return within(row);
    };
    expect(rowOf('Posyandu Digital').getByText('Not started')).toBeTruthy();
    expect(rowOf('Sampah Jadi Emas').getByText('In progress')).toBeTruthy();
    // A draft's partial score is not a score yet.
    expect(rowOf('Sampah Jadi Emas').queryByText('70')).toBeNull();
    expect(rowOf('Lapor Cepat').getByText('Scored')).toBeTruthy();
    expect(rowOf('Lapor Cepat').getByText('86.5')).toBeTruthy();
    expect(sheetReads(server.requests)).toEqual([]);
  });

  it("should list a panelist's finalists with the panel sheet's standing from one request, none before they are published", async () => {
    const panelist = { sub: 'acc-tpi-1', roles: ['panelist'] };
    const panelList = (items: MyPanelSheet[]) => ({
      status: 200,
      body: {
        editionId: 'ed_2027',
        publishedAt: items.length > 0 ? '2099-06-01T03:00:00Z' : null,
        deadline: '2099-07-12T01:00:00Z',
        items,
      },
    });
    server.routes['GET /api/evaluation/editions/ed_2027/panel-sheets'] = panelList([]);
    const first = await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator',
      baseUrl: server.url,
      locale: 'en',
      signedIn: panelist,
    });
    expect(await screen.findByText('No finalists for this edition yet.')).toBeTruthy();
    first.unmount();

    const finalist = {
      title: 'Posyandu Digital',
      institutionName: 'Kota Bandung',
      categoryId: 'health',
      groupId: 'general',
    };
    server.routes['GET /api/evaluation/editions/ed_2027/panel-sheets'] = panelList([
      {
        ...finalist,
        proposalId: 'prop-1',
        sheet: { status: 'submitted', revision: 2, weightedScore: 88, submittedAt: null },
      },
      { ...finalist, proposalId: 'prop-2', title: 'Lapor Cepat', sheet: null },
    ]);
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator',
      baseUrl: server.url,
      locale: 'en',
      signedIn: panelist,
    });
    const link = await screen.findByRole('link', { name: 'View score of “Posyandu Digital”' });
    expect(link.getAttribute('href')).toBe('/evaluator/panel/ed_2027/prop-1');
    expect(screen.getByText('1 of 2 proposals scored')).toBeTruthy();
    const scored = link.closest('tr');
    expect(scored && within(scored).getByText('88')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Lapor Cepat/ })).toBeTruthy();
    expect(sheetReads(server.requests)).toEqual([]);
    expect(server.requests.some((r) => r.path.endsWith('/finalists'))).toBe(false);
  });

  it("should show a panelist the finalist's sections, institution and evidence from the panel sheet", async () => {
    const panelist = { sub: 'acc-tpi-1', roles: ['panelist'] };
    server.routes['GET /api/evaluation/editions/ed_2027/panel-sheets/prop-1'] = {
      status: 200,
      body: reading(
        { stage: 'panel', assignmentId: null },
        {
          ...proposal,
          institution: { institutionId: 'inst_3273', name: 'Kota Bandung', unitId: 'unit-1' },
        },
      ),
    };
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator/panel/ed_2027/prop-1',
      baseUrl: server.url,
      locale: 'id',
      signedIn: panelist,
    });

    expect(await screen.findByRole('heading', { level: 2, name: 'Posyandu Digital' })).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Formulir penilaian panel' }),
    ).toBeTruthy();
    expect(screen.getByText('Kota Bandung')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Ringkasan' })).toBeTruthy();
    expect(screen.getByText('Layanan kesehatan ibu dan anak.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unduh standar-pelayanan.pdf' })).toBeTruthy();
    expect(screen.queryByText(/belum dapat (dibuka|diunduh)/)).toBeNull();
    expect(screen.queryByText('Penilaian buta: nama institusi disembunyikan.')).toBeNull();
    expect(server.requests.some((r) => r.path.endsWith('/finalists'))).toBe(false);
  });

  it('should record a field visit for a finalist with one team member per line', async () => {
    const panelist = { sub: 'acc-tpi-1', roles: ['panelist'] };
    const visits: unknown[] = [];
    server.routes['GET /api/evaluation/public/editions/ed_2027/finalists'] = finalistsAnswer;
    server.routes['GET /api/evaluation/proposals/prop-1/field-verifications'] = () => ({
      status: 200,
      body: visits,
    });
    server.routes['POST /api/evaluation/proposals/prop-1/field-verifications'] = (request) => {
      const visit = {
        id: 'fv-1',
        proposalId: 'prop-1',
        photos: [],
        recordedBy: 'acc-tpi-1',
        recommendation: null,
        ...(jsonBody(request) as object),
      };
      visits.push(visit);
      return { status: 201, body: visit };
    };
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator/field-verification',
      baseUrl: server.url,
      locale: 'en',
      signedIn: panelist,
    });

    fireEvent.change(await screen.findByRole('combobox', { name: 'Finalist' }), {
      target: { value: 'prop-1' },
    });
    expect(
      await screen.findByText('No visit has been recorded for this finalist yet.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));
    expect(
      await screen.findByText('Enter the date, at least one team member and the findings.'),
    ).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Visit date/), { target: { value: '2027-08-10' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Team members' }), {
      target: { value: 'Dr. Sari\nBudi Santoso' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Findings' }), {
      target: { value: 'Layanan berjalan setiap hari.' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Recommendation' }), {
      target: { value: 'confirmed' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save the visit' }));

    expect(await screen.findByText('Visit saved.')).toBeTruthy();
    expect(jsonBody(server.requests.find((r) => r.method === 'POST'))).toEqual({
      visitedOn: '2027-08-10',
      team: ['Dr. Sari', 'Budi Santoso'],
      findings: 'Layanan berjalan setiap hari.',
      recommendation: 'confirmed',
    });
    expect(await screen.findByRole('table', { name: 'Recorded visits' })).toBeTruthy();
  });
});
