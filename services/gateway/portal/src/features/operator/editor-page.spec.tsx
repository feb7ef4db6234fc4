import { configure, fireEvent, screen, within } from '@testing-library/react';
import { errorAnswer, jsonBody, routeHandler, type Routes } from '../../testing/fake-routes';
import { startTestServer, type TestServer } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import { localAdminFeature } from '../local-admin/routes';
import { operatorFeature } from './routes';
import { editionFixture, proposalFixture } from './testing-fixtures';
import type { Proposal } from './proposal-api';

// Pages load lazily; on a busy machine the first render may take a while.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const operator = {
  sub: 'acc-1',
  roles: ['unit_operator'],
  institutionId: 'inst_3273',
  unitId: 'unit_9',
};
const features = [operatorFeature, localAdminFeature];

function withSummary(proposal: Proposal, text: string, revision: number): Proposal {
  return {
    ...proposal,
    revision,
    sections: proposal.sections.map((s) => (s.sectionId === 'summary' ? { ...s, text } : s)),
  };
}

describe('the proposal editor', () => {
  let server: TestServer;
  let routes: Routes;

  beforeAll(async () => {
    server = await startTestServer(routeHandler(() => routes));
  });
  afterAll(() => server.close());

  beforeEach(() => {
    globalThis.localStorage.clear();
    server.requests.length = 0;
    routes = {
      'GET /api/registration/editions': { status: 200, body: { editions: [editionFixture()] } },
      'GET /api/registration/institutions/inst_3273': {
        status: 200,
        body: { institutionId: 'inst_3273', name: 'Kota Bandung', provinceCode: '32' },
      },
      'GET /api/submissions/proposals/prop_1': { status: 200, body: proposalFixture() },
    };
  });

  const openEditor = (locale: 'id' | 'en' = 'en') =>
    renderPortal({
      features,
      path: '/operator/proposals/prop_1',
      baseUrl: server.url,
      locale,
      signedIn: operator,
    });

  const puts = () => server.requests.filter((r) => r.method === 'PUT').map((r) => jsonBody(r));

  it('should count words per section against its limit and warn when over', async () => {
    await openEditor('id');

    const summary = await screen.findByLabelText(/Ringkasan/);
    expect(screen.getByText('3 / 5 kata')).toBeTruthy();
    fireEvent.change(summary, { target: { value: 'satu dua tiga empat lima enam tujuh' } });

    expect(screen.getByText('7 / 5 kata')).toBeTruthy();
    expect(screen.getByText('Melebihi batas 2 kata.')).toBeTruthy();
    expect(summary.getAttribute('aria-invalid')).toBe('true');
  });

  it('should save the changed section with the revision it read and say when', async () => {
    routes['PUT /api/submissions/proposals/prop_1'] = (request) => {
      const body = jsonBody(request) as { revision: number; sections: { text: string }[] };
      return {
        status: 200,
        body: withSummary(proposalFixture(), body.sections[0]?.text ?? '', body.revision + 1),
      };
    };
    await openEditor();

    fireEvent.change(await screen.findByLabelText(/Summary/), {
      target: { value: 'a new summary' },
    });
    expect(screen.getByText('Unsaved changes…')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save now' }));

    await screen.findByText(/^Saved at /);
    expect(puts()).toEqual([
      { revision: 4, sections: [{ sectionId: 'summary', text: 'a new summary' }] },
    ]);
  });

  it('should show both versions on a revision conflict and save mine on the newer revision', async () => {
    const theirs = withSummary(proposalFixture(), 'their summary', 7);
    routes['PUT /api/submissions/proposals/prop_1'] = (request) => {
      const body = jsonBody(request) as { revision: number };
      if (body.revision === 4)
        return errorAnswer(409, 'PROPOSAL_REVISION_CONFLICT', { currentRevision: 7 });
      return { status: 200, body: { ...theirs, revision: 8 } };
    };
    await openEditor();
    fireEvent.change(await screen.findByLabelText(/Summary/), { target: { value: 'my summary' } });
    routes['GET /api/submissions/proposals/prop_1'] = { status: 200, body: theirs };
    fireEvent.click(screen.getByRole('button', { name: 'Save now' }));

    const panel = await screen.findByRole('region', { name: 'The proposal was changed elsewhere' });
    const part = within(panel).getByRole('group', { name: 'Summary' });
    expect(part.textContent).toContain('my summary');
    expect(part.textContent).toContain('their summary');
    expect(
      within(part).getByRole<HTMLInputElement>('radio', { name: 'Use my version' }).checked,
    ).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save my choices' }));

    await screen.findByText(/^Saved at /);
    expect(screen.queryByRole('region', { name: 'The proposal was changed elsewhere' })).toBeNull();
    expect(puts()).toEqual([
      { revision: 4, sections: [{ sectionId: 'summary', text: 'my summary' }] },
      { revision: 7, sections: [{ sectionId: 'summary', text: 'my summary' }] },
    ]);
  });

  it('should take the server version when chosen, with nothing left to save', async () => {
    const theirs = withSummary(proposalFixture(), 'their summary', 7);
    routes['PUT /api/submissions/proposals/prop_1'] = errorAnswer(
      409,
      'PROPOSAL_REVISION_CONFLICT',
    );
    await openEditor();
    fireEvent.change(await screen.findByLabelText(/Summary/), { target: { value: 'my summary' } });
    routes['GET /api/submissions/proposals/prop_1'] = { status: 200, body: theirs };
    fireEvent.click(screen.getByRole('button', { name: 'Save now' }));

    const panel = await screen.findByRole('region', { name: 'The proposal was changed elsewhere' });
    fireEvent.click(within(panel).getByRole('button', { name: 'All server version' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save my choices' }));

    expect(await screen.findByText('All changes saved')).toBeTruthy();
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Summary/).value).toBe('their summary');
    expect(puts()).toHaveLength(1);
  });

  it('should keep unsaved edits across a reload', async () => {
    routes['PUT /api/submissions/proposals/prop_1'] = errorAnswer(503, 'SERVICE_UNAVAILABLE');
    const first = await openEditor('id');
    fireEvent.change(await screen.findByLabelText(/Ringkasan/), {
      target: { value: 'belum terkirim' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan sekarang' }));
    await screen.findByText(/Gagal menyimpan/);
    first.unmount();

    await openEditor('id');
    expect((await screen.findByLabelText<HTMLTextAreaElement>(/Ringkasan/)).value).toBe(
      'belum terkirim',
    );
  });

  it('should list the failing checks when submitting a proposal that is not ready', async () => {
    routes['POST /api/submissions/proposals/prop_1/submit'] = errorAnswer(
      422,
      'PROPOSAL_NOT_READY',
      {
        proposalId: 'prop_1',
        failing: [
          { check: 'required-evidence', outcome: 'fail', detail: 'service-standard missing' },
        ],
      },
    );
    await openEditor();

    fireEvent.click(await screen.findByRole('button', { name: 'Submit to the local admin' }));

    const failing = await screen.findByText('Required evidence: service-standard missing');
    expect(failing.closest('[role="alert"]')?.textContent).toContain(
      'The proposal is not ready to submit:',
    );
    expect(screen.getByText('PROPOSAL_NOT_READY')).toBeTruthy();
  });

  it('should refuse a file of the wrong type before uploading it', async () => {
    await openEditor();
    const input = await screen.findByLabelText('File for Service standard');
    fireEvent.change(input, {
      target: { files: [new File(['png'], 'photo.png', { type: 'image/png' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(
      await screen.findByText('This type of file is not accepted. Accepted: PDF.'),
    ).toBeTruthy();
    expect(server.requests.some((r) => r.path.includes('/evidence/'))).toBe(false);
  });
  it('should upload a fitting file and list it with its download', async () => {
    const uploaded = { fileId: 'file_1', filename: 'sk.pdf', sizeBytes: 9, sha256: 'ab' };
    routes['POST /api/submissions/proposals/prop_1/evidence/service-standard'] = () => {
      routes['GET /api/submissions/proposals/prop_1'] = {
        status: 200,
        body: proposalFixture({
          revision: 5,
          evidence: [{ ...proposalFixture().evidence[0]!, uploaded: [uploaded] }],
        }),
      };
      return { status: 201, body: uploaded };
    };
    await openEditor();
    const input = await screen.findByLabelText('File for Service standard');
    fireEvent.change(input, {
      target: { files: [new File(['%PDF-1.7'], 'sk.pdf', { type: 'application/pdf' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText('sk.pdf uploaded.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Download sk.pdf' })).toBeTruthy();
    const upload = server.requests.find(
      (r) => r.method === 'POST' && r.path.includes('/evidence/'),
    );
    expect(upload?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload?.body).toContain('filename="sk.pdf"');
  });
  it('should save pending edits before signing the declaration, on the revision the save returned', async () => {
    routes['PUT /api/submissions/proposals/prop_1'] = (request) => {
      const body = jsonBody(request) as { revision: number; sections: { text: string }[] };
      return {
        status: 200,
        body: withSummary(proposalFixture(), body.sections[0]?.text ?? '', body.revision + 1),
      };
    };
    routes['POST /api/submissions/proposals/prop_1/integrity-declaration'] = (request) => ({
      status: 200,
      body: proposalFixture({
        revision: (jsonBody(request) as { revision: number }).revision + 1,
        integrityDeclaration: { signedBy: 'acc-1', signedAt: '2027-02-10T04:00:00.000Z' },
      }),
    });
    await openEditor();
    fireEvent.change(await screen.findByLabelText(/Summary/), { target: { value: 'final text' } });
    fireEvent.click(screen.getByLabelText('I agree with the statement above'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign the integrity declaration' }));

    expect(await screen.findByText('The integrity declaration is signed.')).toBeTruthy();
    expect(puts()).toEqual([
      { revision: 4, sections: [{ sectionId: 'summary', text: 'final text' }] },
    ]);
    const signed = server.requests.filter((r) => r.path.endsWith('/integrity-declaration'));
    expect(signed.map((r) => jsonBody(r))).toEqual([{ revision: 5 }]);
  });
});
