import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { EmptyState } from '../../../ui/empty-state';
import { Field, Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { adminMessages } from '../shared/messages';
import { editionApi, type Edition } from './edition-api';
import {
  fieldIssues,
  numberInput,
  numberValue,
  starterSettings,
  type FieldIssue,
} from './edition-form';
import { errorAt } from './issue-text';
import { editionMessages, phaseMessages } from './messages';

const nextYear = () => new Date().getUTCFullYear() + 1;

/** The name and year of a new edition, with what the API said about them. */
function NameYearFields({
  name,
  year,
  onName,
  onYear,
  issues,
  copy = false,
}: {
  /** Labels of the copy form, told apart from the new edition's on the same page. */
  copy?: boolean;
  name: string;
  year: number;
  onName: (name: string) => void;
  onYear: (year: number) => void;
  issues: readonly FieldIssue[];
}) {
  const t = useMessages(editionMessages);
  return (
    <>
      <Field
        label={copy ? t.copyName : t.name}
        value={name}
        required
        error={errorAt(t, issues, 'name')}
        onChange={(e) => onName(e.target.value)}
      />
      <Field
        label={copy ? t.copyYear : t.year}
        type="number"
        inputMode="numeric"
        value={numberValue(year)}
        required
        error={errorAt(t, issues, 'year')}
        onChange={(e) => onYear(numberInput(e.target.value))}
      />
    </>
  );
}

function CreateForm() {
  const t = useMessages(editionMessages);
  const api = useApi();
  const navigate = useNavigate();
  const action = useAction();
  const [year, setYear] = useState(nextYear);
  const [name, setName] = useState(`KIPP ${nextYear()}`);
  const [themeId, setThemeId] = useState('');
  const [themeEn, setThemeEn] = useState('');
  const issues = fieldIssues(action.error);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          const created = await editionApi.create(api, {
            ...starterSettings(year),
            name: name.trim(),
            theme: { id: themeId.trim(), en: themeEn.trim() },
          });
          await navigate(`/admin/editions/${encodeURIComponent(created.editionId)}`);
        });
      }}
    >
      <h2>{t.createTitle}</h2>
      <p>{t.createHint}</p>
      <NameYearFields name={name} year={year} onName={setName} onYear={setYear} issues={issues} />
      <Field
        label={t.themeId}
        lang="id"
        value={themeId}
        required
        error={errorAt(t, issues, 'theme.id')}
        onChange={(e) => setThemeId(e.target.value)}
      />
      <Field
        label={t.themeEn}
        lang="en"
        value={themeEn}
        required
        error={errorAt(t, issues, 'theme.en')}
        onChange={(e) => setThemeEn(e.target.value)}
      />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.create}
        </Button>
      </div>
    </form>
  );
}

function CloneForm({ editions }: { editions: readonly Edition[] }) {
  const t = useMessages(editionMessages);
  const api = useApi();
  const navigate = useNavigate();
  const action = useAction();
  const newest = editions[0];
  const [source, setSource] = useState(newest?.editionId ?? '');
  const [year, setYear] = useState(() => (newest ? newest.configuration.year + 1 : nextYear()));
  const [name, setName] = useState(
    () => `KIPP ${newest ? newest.configuration.year + 1 : nextYear()}`,
  );
  const issues = fieldIssues(action.error);
  if (!newest) return null;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(async () => {
          const created = await editionApi.clone(api, {
            cloneFrom: source,
            name: name.trim(),
            year,
          });
          await navigate(`/admin/editions/${encodeURIComponent(created.editionId)}`);
        });
      }}
    >
      <h2>{t.cloneTitle}</h2>
      <p>{t.cloneHint}</p>
      <Select
        label={t.cloneFrom}
        value={source}
        options={editions.map((e) => ({
          value: e.editionId,
          label: `${e.configuration.name} (${e.configuration.year})`,
        }))}
        onChange={(e) => setSource(e.target.value)}
      />
      <NameYearFields
        copy
        name={name}
        year={year}
        onName={setName}
        onYear={setYear}
        issues={issues}
      />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.clone}
        </Button>
      </div>
    </form>
  );
}

/** Every edition (drafts too), and the forms to create one or copy an earlier one. */
export default function EditionsPage() {
  const t = useMessages(editionMessages);
  const phases = useMessages(phaseMessages);
  const common = useMessages(adminMessages);
  usePageTitle(t.listTitle);
  const query = useApiQuery('editions', (api, signal) => editionApi.list(api, signal));
  const editions = query.data?.editions ?? [];
  return (
    <section>
      <h1>{t.listTitle}</h1>
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(t)} /> : null}
      {query.loading && !query.data ? (
        <Progress label={common.loading} />
      ) : editions.length === 0 ? (
        <EmptyState title={t.empty}>
          <p>{t.emptyHint}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t.listCaption}
          rows={editions}
          rowKey={(e) => e.editionId}
          columns={[
            {
              key: 'name',
              header: t.colName,
              rowHeader: true,
              cell: (e) => (
                <Link to={`/admin/editions/${encodeURIComponent(e.editionId)}`}>
                  {e.configuration.name}
                </Link>
              ),
            },
            { key: 'year', header: t.colYear, numeric: true, cell: (e) => e.configuration.year },
            { key: 'status', header: t.colStatus, cell: (e) => t[`status_${e.status}`] },
            {
              key: 'phase',
              header: t.colPhase,
              cell: (e) => (e.currentPhase ? phases[e.currentPhase] : t.noPhase),
            },
            { key: 'revision', header: t.colRevision, numeric: true, cell: (e) => e.revision },
          ]}
        />
      )}
      <div className="cards">
        <CreateForm />
        {query.data ? <CloneForm editions={editions} /> : null}
      </div>
    </section>
  );
}
