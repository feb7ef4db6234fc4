import { editionConfigurationExample } from '@kipp/contracts';
import { configure, render, screen, within } from '@testing-library/react';
import { ApiProvider } from '../../api/api-context';
import { ApiClient } from '../../api/client';
import { I18nProvider, type Locale } from '../../i18n';
import { LOCALE_STORAGE_KEY } from '../../i18n/i18n';
import { useRouteServer } from '../../testing/fake-routes';
import { MemoryStorage } from '../../testing/http-test-server';
import { renderPortal } from '../../testing/render-portal';
import type { ScoreSheetReading } from './evaluator-api';
import { evaluatorFeature } from './routes';
import { GUIDANCE_FOLD_LENGTH, guidanceByCriterion, ScoreForm } from './score-form';
import { sheetFixture } from './sheet-fixture';

// The page test loads the lazy sheet page on a machine other work shares: wait for what the
// page shows, however long that takes; the time is not what it checks.
configure({ asyncUtilTimeout: 60_000 });
jest.setTimeout(120_000);

const NAMES: Readonly<Record<string, string>> = {
  novelty: 'Novelty',
  effectiveness: 'Effectiveness',
  usefulness: 'Usefulness',
};

const LONG_GUIDANCE = [
  'Effectiveness asks whether the service now reaches its aims for the people it serves.',
  'Low (below 60): the proposal states benefits without any data, or only counts activities.',
  'High (85 and above): before-and-after data from the service itself shows shorter waiting, fewer visits or lower costs, and the people served confirm it.',
].join('\n');

const sheet = sheetFixture({
  rubric: {
    scale: { min: 0, max: 100 },
    criteria: [
      { criterionId: 'novelty', weight: 40 },
      { criterionId: 'effectiveness', weight: 40 },
      { criterionId: 'usefulness', weight: 20 },
    ],
  },
});

function renderForm(locale: Locale, guidance: ReadonlyMap<string, string>) {
  const storage = new MemoryStorage();
  storage.setItem(LOCALE_STORAGE_KEY, locale);
  // Showing the form sends nothing: a call would fail the spec.
  const api = new ApiClient({ fetch: () => Promise.reject(new Error('no call expected')) });
  return render(
    <I18nProvider storage={storage}>
      <ApiProvider client={api}>
        <ScoreForm
          address={{ stage: 'desk', assignmentId: 'as-1' }}
          initial={sheet}
          criterionName={(id) => NAMES[id] ?? id}
          criterionGuidance={(id) => guidance.get(id)}
          zone="WIB"
        />
      </ApiProvider>
    </I18nProvider>,
  );
}

const criterion = (name: string): HTMLElement =>
  screen.getByRole('group', { name: new RegExp(`^${name} `) });

describe('the score form', () => {
  it('should show short guidance under the criterion name and fold long guidance behind a disclosure', () => {
    const novelty = editionConfigurationExample.rubric.criteria[0]?.guidance?.en ?? '';
    expect(novelty.length).toBeLessThanOrEqual(GUIDANCE_FOLD_LENGTH);
    renderForm(
      'en',
      new Map([
        ['novelty', novelty],
        ['effectiveness', LONG_GUIDANCE],
      ]),
    );

    const shortText = within(criterion('Novelty')).getByText(novelty);
    expect(shortText.closest('details')).toBeNull();

    const folded = within(criterion('Effectiveness'))
      .getByText('Scoring guidance: Effectiveness')
      .closest('details');
    expect(folded).not.toBeNull();
    expect(folded?.open).toBe(false);
    expect(folded?.textContent).toContain('High (85 and above)');

    const usefulness = criterion('Usefulness');
    expect(usefulness.querySelector('details')).toBeNull();
    expect(within(usefulness).queryByText(/Scoring guidance/)).toBeNull();
  });

  it("should show the guidance in the person's language", () => {
    const rubric = editionConfigurationExample.rubric.criteria;
    renderForm('id', guidanceByCriterion(rubric, 'id'));

    expect(
      within(screen.getByRole('group', { name: /^Novelty / })).getByText(
        rubric[0]?.guidance?.id ?? '',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(rubric[0]?.guidance?.en ?? '')).toBeNull();
  });

  it('should take guidance only from criteria that have it', () => {
    const { rubric, panelRubric } = editionConfigurationExample;
    expect([...guidanceByCriterion(rubric.criteria, 'en').keys()]).toEqual([
      'novelty',
      'effectiveness',
    ]);
    expect(guidanceByCriterion(rubric.criteria, 'en').get('effectiveness')).toBe(
      rubric.criteria[1]?.guidance?.en,
    );
    expect(guidanceByCriterion(panelRubric.criteria, 'en').size).toBe(0);
    expect(guidanceByCriterion(undefined, 'en').size).toBe(0);
  });
});

describe('the panel score sheet', () => {
  const panelGuidance = {
    id: 'Nilai tinggi: paparan runtut dalam 7 menit, tanya jawab dijawab dengan data layanan.',
    en: 'High: a clear talk within 7 minutes, questions answered with data from the service.',
  };
  const configuration = {
    ...editionConfigurationExample,
    panelRubric: {
      ...editionConfigurationExample.panelRubric,
      criteria: [
        {
          criterionId: 'presentation',
          name: { id: 'Presentasi', en: 'Presentation' },
          weight: 100,
          guidance: panelGuidance,
        },
      ],
    },
  };
  const panelSheet: ScoreSheetReading = {
    ...sheet,
    stage: 'panel',
    assignmentId: null,
    rubric: { scale: sheet.rubric.scale, criteria: [{ criterionId: 'presentation', weight: 100 }] },
    proposal: null,
  };
  const server = useRouteServer(() => ({
    'GET /api/notifications/inbox/unread-count': {
      status: 200,
      body: { unread: 0, awaitingAcknowledgement: 0 },
    },
    'GET /api/evaluation/editions/ed_2027/panel-sheets/prop-1': { status: 200, body: panelSheet },
    'GET /api/registration/editions/ed_2027': {
      status: 200,
      body: { editionId: 'ed_2027', status: 'published', currentPhase: 'interview', configuration },
    },
  }));

  it("should show the panel rubric's guidance from the edition in the person's language", async () => {
    await renderPortal({
      features: [evaluatorFeature],
      path: '/evaluator/panel/ed_2027/prop-1',
      baseUrl: server.url,
      locale: 'id',
      signedIn: { sub: 'acc-tpi-1', roles: ['panelist'] },
    });

    const group = await screen.findByRole('group', { name: /^Presentasi / });
    expect(within(group).getByText(panelGuidance.id)).toBeTruthy();
    // The desk rubric's guidance belongs to the desk sheet only.
    const deskGuidance = editionConfigurationExample.rubric.criteria[0]?.guidance?.id ?? '';
    expect(screen.queryByText(deskGuidance)).toBeNull();
  });
});
