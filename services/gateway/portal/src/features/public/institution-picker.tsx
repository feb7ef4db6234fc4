import { useEffect, useId, useState } from 'react';
import { useApiQuery } from '../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Field } from '../../ui/field';
import { publicErrorCodes, publicMessages } from './messages';
import { provinceName } from './provinces';
import { publicApi, type InstitutionMatch } from './public-api';
import { isInstitutionReference } from './search-state';

/** Fewer characters match too many names to be worth a request. */
const MIN_LOOKUP_CHARS = 2;
/** Typing pauses this long before a lookup: one request per pause, not per key. */
const LOOKUP_DELAY_MS = 300;
export const INSTITUTION_SUGGESTIONS = 10;

/** What the filter holds: the value to search by, and whether a name still awaits a choice. */
export interface InstitutionChoice {
  readonly value: string;
  readonly pending: boolean;
}

function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The database's institution filter: a search field whose words are looked up in
 * replication's institutions (those with innovations), with the matches listed below it as
 * buttons to choose from. A region code or an institution id is taken as typed.
 */
export function InstitutionPicker({
  id,
  value,
  label,
  error,
  onChange,
}: {
  /** The input's id (the form focuses it when a name was not chosen). */
  id: string;
  /** The filter's value when the form opened: an institution id or a region code. */
  value: string;
  /** The name of that institution, once known. */
  label: string | undefined;
  error?: string;
  onChange: (choice: InstitutionChoice) => void;
}) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const listId = useId();
  const [typed, setTyped] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const text = chosen ?? typed ?? label ?? value;

  const wanted =
    typed !== null && !isInstitutionReference(typed) && typed.trim().length >= MIN_LOOKUP_CHARS
      ? typed.trim()
      : null;
  const settled = useSettled(wanted, LOOKUP_DELAY_MS);
  const lookup = useApiQuery(settled === null ? null : `institutions?${settled}`, (api, signal) =>
    publicApi.institutions(api, { q: settled ?? '', limit: INSTITUTION_SUGGESTIONS }, signal),
  );
  const current = wanted !== null && settled === wanted && !lookup.loading;
  const matches = current && !lookup.error ? lookup.data : undefined;

  const type = (next: string) => {
    setChosen(null);
    setTyped(next);
    const reference = isInstitutionReference(next);
    onChange({ value: reference ? next : '', pending: !reference });
  };
  const choose = (match: InstitutionMatch) => {
    setChosen(match.name);
    setTyped(null);
    onChange({ value: match.institutionId, pending: false });
    // The chosen button leaves with the list; keyboard users go on from the field.
    document.getElementById(id)?.focus();
  };

  let status = '';
  if (matches && matches.total === 0) status = t.institutionNone;
  else if (matches && matches.total > matches.items.length)
    status = t.institutionFoundMore(
      formatNumber(locale, matches.items.length),
      formatNumber(locale, matches.total),
    );
  else if (matches) status = t.institutionFound(formatNumber(locale, matches.total));

  return (
    <div>
      <Field
        id={id}
        label={t.filterInstitution}
        hint={t.filterInstitutionHint}
        error={error}
        type="search"
        autoComplete="off"
        value={text}
        maxLength={100}
        aria-controls={matches && matches.items.length > 0 ? listId : undefined}
        onChange={(e) => type(e.target.value)}
      />
      {/* Announced as it changes; not a "status" role, which the results count has. */}
      <p className="field-hint" aria-live="polite">
        {status}
      </p>
      {current && lookup.error ? <ErrorAlert error={lookup.error} codes={codes} /> : null}
      {matches && matches.items.length > 0 ? (
        <ul id={listId} className="link-list" aria-label={t.institutionMatches}>
          {matches.items.map((match) => (
            <li key={match.institutionId}>
              <button type="button" className="button button-link" onClick={() => choose(match)}>
                {t.institutionOption(
                  match.name,
                  provinceName(match.provinceCode) ?? t.noProvince,
                  formatNumber(locale, match.innovations),
                )}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
