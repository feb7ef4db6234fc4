import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider, LOCALE_STORAGE_KEY, useI18n, useMessages } from './i18n';
import { defineMessages } from './messages';

const greetings = defineMessages({
  id: { hello: 'Halo', count: (n: number) => `${n} pesan` },
  en: { hello: 'Hello', count: (n: number) => `${n} messages` },
});

// Compile-time checks, run by the typecheck: each line must fail to compile.
// @ts-expect-error -- an English table missing a key does not typecheck
defineMessages({ id: { a: 'A', b: 'B' }, en: { a: 'A' } });
// @ts-expect-error -- an extra key in the English table does not typecheck either
defineMessages({ id: { a: 'A' }, en: { a: 'A', b: 'B' } });
// @ts-expect-error -- a function message must stay a function of the same parameters
defineMessages({ id: { a: (n: number) => String(n) }, en: { a: 'A' } });

function Probe() {
  const { setLocale } = useI18n();
  const t = useMessages(greetings);
  return (
    <div>
      <p>{t.hello}</p>
      <p>{t.count(3)}</p>
      <button type="button" onClick={() => setLocale('en')}>
        english
      </button>
    </div>
  );
}

describe('i18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('should speak Bahasa Indonesia when nothing was chosen before', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Halo')).toBeTruthy();
    expect(screen.getByText('3 pesan')).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');
  });

  it('should switch language, set <html lang> and remember the choice when English is chosen', () => {
    const { unmount } = render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'english' }));
    });
    expect(screen.getByText('Hello')).toBeTruthy();
    expect(screen.getByText('3 messages')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    unmount();

    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Hello')).toBeTruthy();
  });

  it('should fall back to Indonesian when the stored value is not a language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByText('Halo')).toBeTruthy();
  });
});
