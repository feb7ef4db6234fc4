import { editionConfigurationExample, RUBRIC_GUIDANCE_MAX_LENGTH } from '@kipp/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider, type Locale } from '../../../i18n';
import { LOCALE_STORAGE_KEY } from '../../../i18n/i18n';
import { MemoryStorage } from '../../../testing/http-test-server';
import { RubricSection } from './builder-sections';
import type { EditionSettings } from './edition-api';
import type { FieldIssue } from './edition-form';

const { editionId: _example, ...example } = editionConfigurationExample;

/** One rubric section of the builder holding its own draft, as the edition page does. */
function renderRubric(
  which: 'rubric' | 'panelRubric',
  { locale = 'en', issues = [] }: { locale?: Locale; issues?: FieldIssue[] } = {},
) {
  const drafts: EditionSettings[] = [];
  function Builder() {
    const [draft, setDraft] = useState<EditionSettings>(example);
    return (
      <RubricSection
        which={which}
        draft={draft}
        issues={issues}
        onChange={(next) => {
          drafts.push(next);
          setDraft(next);
        }}
      />
    );
  }
  const storage = new MemoryStorage();
  storage.setItem(LOCALE_STORAGE_KEY, locale);
  render(
    <I18nProvider storage={storage}>
      <Builder />
    </I18nProvider>,
  );
  return { latest: () => drafts.at(-1) };
}

describe('the rubric sections of the edition builder', () => {
  it('should show each criterion’s guidance in both languages for editing', () => {
    const { latest } = renderRubric('rubric');
    const [novelty] = example.rubric.criteria;

    const id = screen.getByRole('textbox', {
      name: 'Desk evaluation rubric: scoring guidance for criterion 1 (Bahasa Indonesia)',
    });
    const en = screen.getByRole('textbox', {
      name: 'Desk evaluation rubric: scoring guidance for criterion 1 (English)',
    });
    expect(id.tagName).toBe('TEXTAREA');
    expect((id as HTMLTextAreaElement).value).toBe(novelty?.guidance?.id);
    expect(id.getAttribute('lang')).toBe('id');
    expect((en as HTMLTextAreaElement).value).toBe(novelty?.guidance?.en);
    expect(en.getAttribute('maxlength')).toBe(String(RUBRIC_GUIDANCE_MAX_LENGTH));

    fireEvent.change(en, { target: { value: 'Low: copied as is. High: new for the region.' } });
    expect(latest()?.rubric.criteria[0]?.guidance).toEqual({
      id: novelty?.guidance?.id,
      en: 'Low: copied as is. High: new for the region.',
    });
  });

  it('should add guidance to a panel criterion without any, and drop it once both languages are emptied', () => {
    const { latest } = renderRubric('panelRubric', { locale: 'id' });
    const id = screen.getByRole('textbox', {
      name: 'Rubrik panel: panduan penilaian kriteria 1 (Bahasa Indonesia)',
    });
    const en = screen.getByRole('textbox', {
      name: 'Rubrik panel: panduan penilaian kriteria 1 (English)',
    });
    expect((id as HTMLTextAreaElement).value).toBe('');
    expect(id.getAttribute('aria-describedby')).toBeTruthy();

    fireEvent.change(id, { target: { value: 'Paparan runtut dan didukung data.' } });
    // The other language is sent empty, so registration names the field still to fill.
    expect(latest()?.panelRubric.criteria[0]?.guidance).toEqual({
      id: 'Paparan runtut dan didukung data.',
      en: '',
    });
    fireEvent.change(en, { target: { value: 'A clear talk backed by data.' } });
    expect(latest()?.panelRubric.criteria[0]?.guidance).toEqual({
      id: 'Paparan runtut dan didukung data.',
      en: 'A clear talk backed by data.',
    });

    fireEvent.change(id, { target: { value: '' } });
    fireEvent.change(en, { target: { value: ' ' } });
    const criterion = latest()?.panelRubric.criteria[0];
    expect(criterion).toEqual(example.panelRubric.criteria[0]);
    expect(criterion && 'guidance' in criterion).toBe(false);
  });

  it('should show a rejected guidance text at its field', () => {
    renderRubric('rubric', {
      issues: [{ path: 'rubric.criteria.1.guidance.en', code: null }],
    });
    const en = screen.getByRole('textbox', {
      name: 'Desk evaluation rubric: scoring guidance for criterion 2 (English)',
    });
    expect(en.getAttribute('aria-invalid')).toBe('true');
    const id = screen.getByRole('textbox', {
      name: 'Desk evaluation rubric: scoring guidance for criterion 2 (Bahasa Indonesia)',
    });
    expect(id.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('This value is not valid.')).toBeTruthy();
  });
});
