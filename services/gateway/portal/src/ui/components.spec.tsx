import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../i18n';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n';
import { MemoryStorage } from '../testing/http-test-server';
import { Dialog } from './dialog';
import { Field, Select } from './field';
import { Pagination, pageWindow } from './pagination';
import { Progress } from './progress';
import { Tabs } from './tabs';
import { formatDateTime } from './date-time';

function english(node: React.ReactNode) {
  const storage = new MemoryStorage();
  storage.setItem(LOCALE_STORAGE_KEY, 'en');
  return render(<I18nProvider storage={storage}>{node}</I18nProvider>);
}

describe('Field and Select', () => {
  it('should tie the label, hint and error to the control', () => {
    render(
      <>
        <Field label="Title" hint="At most 200 characters." error="Required." required />
        <Select label="Category" options={[{ value: 'a', label: 'A' }]} placeholder="All" />
      </>,
    );
    const input = screen.getByLabelText(/Title/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-required')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['At most 200 characters.', 'Required.']);
    const select = screen.getByRole('combobox', { name: 'Category' });
    expect(select.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('option', { name: 'All' })).toBeTruthy();
  });
});

describe('Dialog', () => {
  function Harness() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
        <Dialog
          open={open}
          title="Return proposal"
          onClose={() => setOpen(false)}
          footer={<button type="button">Send</button>}
        >
          <label>
            Comment <input />
          </label>
        </Dialog>
      </>
    );
  }

  it('should take focus in, keep Tab inside, close on Escape and give focus back', () => {
    english(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Return proposal' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const close = screen.getByRole('button', { name: 'Close' });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(document.activeElement).toBe(close);

    send.focus();
    fireEvent.keyDown(send, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(send);

    fireEvent.keyDown(send, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe('Tabs', () => {
  function Harness() {
    const [selected, setSelected] = useState('scores');
    return (
      <Tabs
        label="Proposal"
        selected={selected}
        onSelect={setSelected}
        items={[
          { id: 'scores', label: 'Scores', content: <p>score panel</p> },
          { id: 'history', label: 'History', content: <p>history panel</p> },
        ]}
      />
    );
  }

  it('should move between tabs with the arrow keys, one tab stop at a time', () => {
    render(<Harness />);
    const scores = screen.getByRole('tab', { name: 'Scores' });
    expect(scores.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('tabindex')).toBe('-1');
    expect(screen.getByRole('tabpanel', { name: 'Scores' }).textContent).toBe('score panel');

    fireEvent.keyDown(scores, { key: 'ArrowRight' });

    const history = screen.getByRole('tab', { name: 'History' });
    expect(history.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(history);
    expect(screen.getByRole('tabpanel', { name: 'History' }).textContent).toBe('history panel');
    fireEvent.keyDown(history, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Scores' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Pagination', () => {
  it('should offer the first, last and nearby pages with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('should mark the current page and ask for the one chosen', () => {
    const chosen: number[] = [];
    english(<Pagination page={2} pageSize={20} total={95} onPage={(page) => chosen.push(page)} />);
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe(
      'page',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Page 5' }));
    expect(chosen).toEqual([3, 5]);
  });
});

describe('Progress', () => {
  it('should announce a percentage when the amount is known', () => {
    english(<Progress label="Importing 5,000 rows" value={1250} max={5000} />);
    expect(
      screen.getByRole('progressbar', { name: 'Importing 5,000 rows' }).getAttribute('value'),
    ).toBe('1250');
    expect(screen.getByRole('status').textContent).toContain('25% done');
  });
});

describe('formatDateTime', () => {
  it('should show an instant in each of the three zones with the zone named', () => {
    const close = '2027-05-31T16:59:00Z';
    expect(formatDateTime(close, 'en', 'WIB')).toBe('31 May 2027 at 23:59 WIB');
    expect(formatDateTime(close, 'en', 'WITA')).toBe('1 June 2027 at 00:59 WITA');
    expect(formatDateTime(close, 'id', 'WIT')).toBe('1 Juni 2027 pukul 01.59 WIT');
    expect(formatDateTime(close, 'id', 'WIB', { dateOnly: true })).toBe('31 Mei 2027');
  });
});
