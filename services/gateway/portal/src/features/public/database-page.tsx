import { AWARD_TIERS, INNOVATION_STATUSES, INSTITUTION_TYPES } from '@kipp/contracts';
import { useId, useState, type SyntheticEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select } from '../../ui/field';
import { InstitutionPicker } from './institution-picker';
import { Pagination } from '../../ui/pagination';
import { Progress } from '../../ui/progress';
import { publicErrorCodes, publicMessages } from './messages';
import { OpenDataLinks } from './open-data-links';
import { PROVINCES, provinceName } from './provinces';
import { publicApi, type InnovationRow } from './public-api';
import {
  activeFilterCount,
  formFromQuery,
  INNOVATION_PAGE_SIZE,
  paramsFromQuery,
  queryFromForm,
  queryFromParams,
  type SearchForm,
} from './search-state';

function InnovationItem({ row }: { row: InnovationRow }) {
  const t = useMessages(publicMessages);
  const awards = [...row.awards].sort((a, b) => b.year - a.year);
  return (
    <li className="card innovation-card">
      <h3>
        <Link to={`/innovations/${encodeURIComponent(row.innovationId)}`}>{row.title}</Link>
      </h3>
      <p>
        {row.institutionName} · {t.institutionType(row.institutionType)} ·{' '}
        {provinceName(row.provinceCode) ?? t.noProvince}
      </p>
      <p>
        <span className="tag">{t.status(row.status)}</span>{' '}
        {awards.length === 0 ? (
          <span className="tag">{t.noAwards}</span>
        ) : (
          awards.map((a) => (
            <span key={`${a.editionId}-${a.tier}`} className="tag tag-strong">
              {a.year} · {t.tier(a.tier)}
            </span>
          ))
        )}
      </p>
    </li>
  );
}

function SearchFormView({
  initial,
  institutionName,
  onSearch,
  onReset,
}: {
  initial: SearchForm;
  /** The name of the institution the search filters by, once the results tell it. */
  institutionName: string | undefined;
  onSearch: (form: SearchForm) => void;
  onReset: () => void;
}) {
  const t = useMessages(publicMessages);
  const institutionId = useId();
  const [form, setForm] = useState(initial);
  const [institutionPending, setInstitutionPending] = useState(false);
  const [institutionError, setInstitutionError] = useState(false);
  const set = (key: keyof SearchForm) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (institutionPending) {
      setInstitutionError(true);
      document.getElementById(institutionId)?.focus();
      return;
    }
    onSearch(form);
  };
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2014 + 1 }, (_, i) => String(thisYear - i));
  return (
    <form role="search" className="form search-form" onSubmit={submit} aria-label={t.databaseTitle}>
      <Field
        label={t.searchLabel}
        hint={t.searchHint}
        type="search"
        value={form.q}
        maxLength={200}
        onChange={(e) => set('q')(e.target.value)}
      />
      <fieldset className="filters">
        <legend>{t.filters}</legend>
        <Select
          label={t.filterYear}
          placeholder={t.filterAll}
          value={form.year}
          options={years.map((y) => ({ value: y, label: y }))}
          onChange={(e) => set('year')(e.target.value)}
        />
        <Select
          label={t.filterTier}
          placeholder={t.filterAll}
          value={form.tier}
          options={AWARD_TIERS.map((tier) => ({ value: tier, label: t.tier(tier) }))}
          onChange={(e) => set('tier')(e.target.value)}
        />
        <Select
          label={t.filterProvince}
          placeholder={t.filterAll}
          value={form.province}
          options={PROVINCES.map((p) => ({ value: p.code, label: p.name }))}
          onChange={(e) => set('province')(e.target.value)}
        />
        <InstitutionPicker
          id={institutionId}
          value={initial.institution}
          label={institutionName}
          error={institutionError ? t.institutionChoose : undefined}
          onChange={(choice) => {
            set('institution')(choice.value);
            setInstitutionPending(choice.pending);
            setInstitutionError(false);
          }}
        />
        <Select
          label={t.filterInstitutionType}
          placeholder={t.filterAll}
          value={form.institutionType}
          options={INSTITUTION_TYPES.map((type) => ({
            value: type,
            label: t.institutionType(type),
          }))}
          onChange={(e) => set('institutionType')(e.target.value)}
        />
        <Field
          label={t.filterCategory}
          value={form.category}
          maxLength={64}
          onChange={(e) => set('category')(e.target.value)}
        />
        <Field
          label={t.filterSdg}
          hint={t.filterSdgHint}
          value={form.sdg}
          maxLength={8}
          onChange={(e) => set('sdg')(e.target.value)}
        />
        <Select
          label={t.filterStatus}
          placeholder={t.filterAll}
          value={form.status}
          options={INNOVATION_STATUSES.map((status) => ({
            value: status,
            label: t.status(status),
          }))}
          onChange={(e) => set('status')(e.target.value)}
        />
        <Select
          label={t.sort}
          value={form.sort}
          options={[
            { value: '', label: form.q.trim() ? t.sortRelevance : t.sortYear },
            { value: 'relevance', label: t.sortRelevance },
            { value: 'year', label: t.sortYear },
            { value: 'title', label: t.sortTitle },
          ]}
          onChange={(e) => set('sort')(e.target.value)}
        />
      </fieldset>
      <div className="form-actions">
        <Button type="submit">{t.searchButton}</Button>
        <Button variant="secondary" onClick={onReset}>
          {t.resetButton}
        </Button>
      </div>
    </form>
  );
}

export default function DatabasePage() {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  usePageTitle(t.databaseTitle);
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const key = paramsFromQuery(query).toString();
  const list = useApiQuery(`innovations?${key}`, (api, signal) =>
    publicApi.innovations(api, { ...query, pageSize: INNOVATION_PAGE_SIZE }, signal),
  );
  const page = list.data;
  const filters = activeFilterCount(query);

  return (
    <section className="page">
      <h1>{t.databaseTitle}</h1>
      <p className="lead">{t.databaseLead}</p>
      {/* Keyed by the URL so the back button brings the form back with the list. */}
      <SearchFormView
        key={key}
        initial={formFromQuery(query)}
        institutionName={
          page?.items.find((row) => row.institutionId === query.institution)?.institutionName
        }
        onSearch={(form) => setParams(paramsFromQuery(queryFromForm(form)))}
        onReset={() => setParams(new URLSearchParams())}
      />
      <section aria-labelledby="results-heading" aria-busy={list.loading}>
        <h2 id="results-heading">{t.resultsList}</h2>
        {list.error ? <ErrorAlert error={list.error} codes={codes} /> : null}
        {list.loading ? <Progress label={t.loading} /> : null}
        {page ? (
          <p role="status">
            {t.resultsCount(formatNumber(locale, page.total))}
            {filters > 0 ? ` · ${t.activeFilters(filters)}` : ''}
          </p>
        ) : null}
        {page && page.items.length === 0 ? (
          <EmptyState title={t.noResults}>
            <p>{t.noResultsHint}</p>
          </EmptyState>
        ) : null}
        {page && page.items.length > 0 ? (
          <ul className="cards" aria-label={t.resultsList}>
            {page.items.map((row) => (
              <InnovationItem key={row.innovationId} row={row} />
            ))}
          </ul>
        ) : null}
        {page && page.total > page.pageSize ? (
          <Pagination
            page={page.page}
            pageSize={page.pageSize}
            total={page.total}
            onPage={(next) => setParams(paramsFromQuery({ ...query, page: next }))}
          />
        ) : null}
      </section>
      <OpenDataLinks />
    </section>
  );
}
