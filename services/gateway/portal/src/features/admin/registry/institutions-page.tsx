import { INSTITUTION_TYPES } from '@kipp/contracts';
import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Checkbox, Field, Select } from '../../../ui/field';
import { Pagination } from '../../../ui/pagination';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { adminMessages } from '../shared/messages';
import { registryMessages } from './messages';
import {
  institutionInput,
  registryApi,
  type Institution,
  type InstitutionSearch,
  type InstitutionType,
} from './registry-api';

const NO_SEARCH: InstitutionSearch = {
  q: '',
  type: '',
  provinceCode: '',
  disadvantaged: '',
  page: 1,
};

interface InstitutionForm {
  code: string;
  name: string;
  type: InstitutionType;
  provinceCode: string;
  disadvantaged: boolean;
}

const typeOf = (value: string): InstitutionType =>
  INSTITUTION_TYPES.find((t) => t === value) ?? 'ministry';

/** Name, type, province and 3T of an institution (and its code when it is new). */
function InstitutionFields({
  form,
  onChange,
  withCode,
}: {
  form: InstitutionForm;
  onChange: (form: InstitutionForm) => void;
  withCode: boolean;
}) {
  const t = useMessages(registryMessages);
  return (
    <>
      {withCode ? (
        <Field
          label={t.code}
          hint={t.codeHint}
          required
          value={form.code}
          onChange={(e) => onChange({ ...form, code: e.target.value })}
        />
      ) : null}
      <Field
        label={t.name}
        required
        value={form.name}
        onChange={(e) => onChange({ ...form, name: e.target.value })}
      />
      <Select
        label={t.type}
        value={form.type}
        options={INSTITUTION_TYPES.map((type) => ({ value: type, label: t[`type_${type}`] }))}
        onChange={(e) => onChange({ ...form, type: typeOf(e.target.value) })}
      />
      <Field
        label={t.province}
        hint={t.provinceHint}
        inputMode="numeric"
        maxLength={2}
        value={form.provinceCode}
        onChange={(e) => onChange({ ...form, provinceCode: e.target.value })}
      />
      <Checkbox
        label={t.markDisadvantaged}
        checked={form.disadvantaged}
        onChange={(e) => onChange({ ...form, disadvantaged: e.target.checked })}
      />
    </>
  );
}

function EditDialog({
  institution,
  onClose,
  onSaved,
}: {
  institution: Institution;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const t = useMessages(registryMessages);
  const api = useApi();
  const action = useAction();
  const [form, setForm] = useState<InstitutionForm>({
    code: institution.code,
    name: institution.name,
    type: institution.type,
    provinceCode: institution.provinceCode ?? '',
    disadvantaged: institution.disadvantaged,
  });
  return (
    <Dialog
      open
      title={t.editTitle(institution.name)}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            busy={action.busy}
            onClick={() =>
              void action.run(async () => {
                const { code: _code, ...changes } = institutionInput(form);
                const saved = await registryApi.updateInstitution(api, institution, changes);
                onSaved(saved.name);
              })
            }
          >
            {t.save}
          </Button>
        </>
      }
    >
      <InstitutionFields form={form} onChange={setForm} withCode={false} />
      <ActionOutcome action={action} notice={null} codes={codeMessages(t)} />
    </Dialog>
  );
}

/** The institution registry: search, register, correct, mark 3T regions. */
export default function InstitutionsPage() {
  const t = useMessages(registryMessages);
  const common = useMessages(adminMessages);
  usePageTitle(t.institutionsTitle);
  const api = useApi();
  const [form, setForm] = useState<InstitutionSearch>(NO_SEARCH);
  const [search, setSearch] = useState<InstitutionSearch>(NO_SEARCH);
  const [generation, setGeneration] = useState(0);
  const list = useApiQuery(
    `institutions:${JSON.stringify(search)}:${generation}`,
    (client, signal) => registryApi.institutions(client, search, signal),
  );
  const [editing, setEditing] = useState<Institution | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const register = useAction();
  const [draft, setDraft] = useState<InstitutionForm>({
    code: '',
    name: '',
    type: 'city',
    provinceCode: '',
    disadvantaged: false,
  });
  const items = list.data?.items ?? [];

  return (
    <section>
      <h1>{t.institutionsTitle}</h1>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setSearch({ ...form, page: 1 });
        }}
      >
        <Field
          label={t.search}
          type="search"
          value={form.q}
          onChange={(e) => setForm({ ...form, q: e.target.value })}
        />
        <Select
          label={t.type}
          value={form.type}
          placeholder={t.any}
          options={INSTITUTION_TYPES.map((type) => ({ value: type, label: t[`type_${type}`] }))}
          onChange={(e) =>
            setForm({ ...form, type: e.target.value === '' ? '' : typeOf(e.target.value) })
          }
        />
        <Field
          label={t.province}
          inputMode="numeric"
          maxLength={2}
          value={form.provinceCode}
          onChange={(e) => setForm({ ...form, provinceCode: e.target.value })}
        />
        <Select
          label={t.disadvantaged}
          value={form.disadvantaged}
          placeholder={t.any}
          options={[
            { value: 'true', label: t.yes },
            { value: 'false', label: t.no },
          ]}
          onChange={(e) =>
            setForm({
              ...form,
              disadvantaged:
                e.target.value === 'true' ? 'true' : e.target.value === 'false' ? 'false' : '',
            })
          }
        />
        <Button type="submit">{t.find}</Button>
      </form>
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.noInstitutions} />
      ) : (
        <Table
          caption={t.institutionsCaption}
          rows={items}
          rowKey={(i) => i.institutionId}
          columns={[
            { key: 'code', header: t.colCode, cell: (i) => i.code },
            { key: 'name', header: t.colName, rowHeader: true, cell: (i) => i.name },
            { key: 'type', header: t.colType, cell: (i) => t[`type_${i.type}`] },
            { key: 'province', header: t.colProvince, cell: (i) => i.provinceCode ?? '–' },
            { key: '3t', header: t.col3t, cell: (i) => (i.disadvantaged ? t.yes : t.no) },
            {
              key: 'edit',
              header: '',
              cell: (i) => (
                <Button variant="secondary" onClick={() => setEditing(i)}>
                  {t.edit(i.name)}
                </Button>
              ),
            },
          ]}
        />
      )}
      {list.data ? (
        <Pagination
          page={search.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setSearch({ ...search, page })}
        />
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          void register.run(async () => {
            const created = await registryApi.registerInstitution(api, institutionInput(draft));
            setNotice(t.registered(created.name));
            setDraft({
              code: '',
              name: '',
              type: draft.type,
              provinceCode: '',
              disadvantaged: false,
            });
            setGeneration((g) => g + 1);
          });
        }}
      >
        <h2>{t.registerTitle}</h2>
        <InstitutionFields form={draft} onChange={setDraft} withCode />
        <ActionOutcome action={register} notice={null} codes={codeMessages(t)} />
        <div className="form-actions">
          <Button type="submit" busy={register.busy}>
            {t.register}
          </Button>
        </div>
      </form>
      {editing ? (
        <EditDialog
          institution={editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setEditing(null);
            setNotice(t.updated(name));
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </section>
  );
}
