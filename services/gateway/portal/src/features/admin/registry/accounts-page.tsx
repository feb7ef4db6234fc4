import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { authMessages } from '../../../auth/messages';
import { ALL_ROLES, type Role } from '../../../auth/roles';
import { useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Field, Select, TextArea } from '../../../ui/field';
import { Pagination } from '../../../ui/pagination';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { adminMessages } from '../shared/messages';
import { registryMessages } from './messages';
import { OneTimePassword } from './one-time-password';
import {
  idList,
  isReviewer,
  needsInstitution,
  registryApi,
  type Account,
  type AccountSearch,
  type NewAccount,
} from './registry-api';

const NO_SEARCH: AccountSearch = { q: '', role: '', status: '', institutionId: '', page: 1 };
const roleOf = (value: string): Role => ALL_ROLES.find((r) => r === value) ?? 'unit_operator';

interface AccountForm {
  role: Role;
  userId: string;
  name: string;
  email: string;
  locale: 'id' | 'en';
  institutionId: string;
  affiliation: string;
  homeProvinceCode: string;
  pastEngagements: string;
  conflicts: string;
  expertise: string;
}

const EMPTY_FORM: AccountForm = {
  role: 'evaluator',
  userId: '',
  name: '',
  email: '',
  locale: 'id',
  institutionId: '',
  affiliation: '',
  homeProvinceCode: '',
  pastEngagements: '',
  conflicts: '',
  expertise: '',
};

/** The account as the API takes it: an institution only for the roles that belong to one, a reviewer profile for reviewers. */
export function newAccountOf(form: AccountForm): NewAccount {
  return {
    role: form.role,
    userId: form.userId.trim(),
    name: form.name.trim(),
    email: form.email.trim(),
    locale: form.locale,
    ...(needsInstitution(form.role) && form.institutionId.trim()
      ? { institutionId: form.institutionId.trim() }
      : {}),
    ...(isReviewer(form.role)
      ? {
          reviewerProfile: {
            affiliation: form.affiliation.trim(),
            homeProvinceCode: form.homeProvinceCode.trim() || null,
            pastEngagementInstitutionIds: idList(form.pastEngagements),
            declaredConflictInstitutionIds: idList(form.conflicts),
            expertiseCategoryIds: idList(form.expertise),
          },
        }
      : {}),
  };
}

function ManageDialog({
  account,
  onClose,
  onChanged,
}: {
  account: Account;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useMessages(registryMessages);
  const roles = useMessages(authMessages);
  const api = useApi();
  const action = useAction();
  const [role, setRole] = useState<Role>(
    () => ALL_ROLES.find((r) => !account.roles.includes(r)) ?? 'evaluator',
  );
  const [institutionId, setInstitutionId] = useState(account.institutionId ?? '');
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const active = account.status === 'active';
  const run = (work: () => Promise<string>) => {
    setNotice(null);
    void action.run(async () => {
      setNotice(await work());
      onChanged();
    });
  };
  return (
    <Dialog open title={t.manageTitle(account.name)} onClose={onClose}>
      <fieldset>
        <legend>{t.grantRole}</legend>
        <Select
          label={t.role}
          value={role}
          options={ALL_ROLES.filter((r) => r !== 'unit_operator').map((r) => ({
            value: r,
            label: roles[r],
          }))}
          onChange={(e) => setRole(roleOf(e.target.value))}
        />
        {needsInstitution(role) ? (
          <Field
            label={t.institutionId}
            value={institutionId}
            onChange={(e) => setInstitutionId(e.target.value)}
          />
        ) : null}
        <Button
          variant="secondary"
          busy={action.busy}
          onClick={() =>
            run(async () => {
              await registryApi.grantRole(
                api,
                account.accountId,
                role,
                institutionId.trim() || undefined,
              );
              return t.granted;
            })
          }
        >
          {t.grant}
        </Button>
      </fieldset>
      <fieldset>
        <legend>{t.accountStatus}</legend>
        <TextArea
          label={t.statusReason}
          value={reason}
          maxLength={500}
          rows={2}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button
          variant={active ? 'danger' : 'secondary'}
          busy={action.busy}
          disabled={reason.trim() === ''}
          onClick={() =>
            run(async () => {
              await registryApi.setActive(api, account.accountId, !active, reason.trim());
              return t.statusChanged;
            })
          }
        >
          {active ? t.deactivate : t.reactivate}
        </Button>
      </fieldset>
      <Button
        variant="secondary"
        busy={action.busy}
        onClick={() =>
          void action.run(async () => {
            setPassword((await registryApi.resetPassword(api, account.accountId)).initialPassword);
          })
        }
      >
        {t.resetPassword}
      </Button>
      {password ? <OneTimePassword title={t.passwordOnce} password={password} /> : null}
      <ActionOutcome action={action} notice={notice} codes={codeMessages(t)} />
    </Dialog>
  );
}

/** Accounts: search, create (with a reviewer profile for evaluators and panelists), roles, status. */
export default function AccountsPage() {
  const t = useMessages(registryMessages);
  const roles = useMessages(authMessages);
  const common = useMessages(adminMessages);
  usePageTitle(t.accountsTitle);
  const api = useApi();
  const [form, setForm] = useState<AccountSearch>(NO_SEARCH);
  const [search, setSearch] = useState<AccountSearch>(NO_SEARCH);
  const [generation, setGeneration] = useState(0);
  const list = useApiQuery(`accounts:${JSON.stringify(search)}:${generation}`, (client, signal) =>
    registryApi.accounts(client, search, signal),
  );
  const [managing, setManaging] = useState<Account | null>(null);
  const [draft, setDraft] = useState<AccountForm>(EMPTY_FORM);
  const [created, setCreated] = useState<{ userId: string; password: string } | null>(null);
  const create = useAction();
  const items = list.data?.items ?? [];
  const set = (patch: Partial<AccountForm>) => setDraft((d) => ({ ...d, ...patch }));
  const roleOptions = ALL_ROLES.map((r) => ({ value: r, label: roles[r] }));

  return (
    <section>
      <h1>{t.accountsTitle}</h1>
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
          label={t.role}
          value={form.role}
          placeholder={t.any}
          options={roleOptions}
          onChange={(e) =>
            setForm({ ...form, role: e.target.value === '' ? '' : roleOf(e.target.value) })
          }
        />
        <Select
          label={t.accountStatus}
          value={form.status}
          placeholder={t.any}
          options={[
            { value: 'active', label: t.active },
            { value: 'deactivated', label: t.deactivated },
          ]}
          onChange={(e) =>
            setForm({
              ...form,
              status:
                e.target.value === 'active' || e.target.value === 'deactivated'
                  ? e.target.value
                  : '',
            })
          }
        />
        <Field
          label={t.institutionId}
          value={form.institutionId}
          onChange={(e) => setForm({ ...form, institutionId: e.target.value })}
        />
        <Button type="submit">{t.find}</Button>
      </form>
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.noAccounts} />
      ) : (
        <Table
          caption={t.accountsCaption}
          rows={items}
          rowKey={(a) => a.accountId}
          columns={[
            { key: 'name', header: t.colName, rowHeader: true, cell: (a) => a.name },
            { key: 'user', header: t.colUser, cell: (a) => a.userId },
            {
              key: 'roles',
              header: t.colRoles,
              cell: (a) => a.roles.map((r) => roles[r]).join(', '),
            },
            { key: 'institution', header: t.colInstitution, cell: (a) => a.institutionId ?? '–' },
            {
              key: 'status',
              header: t.colStatus,
              cell: (a) => (a.status === 'active' ? t.active : t.deactivated),
            },
            {
              key: 'manage',
              header: '',
              cell: (a) => (
                <Button variant="secondary" onClick={() => setManaging(a)}>
                  {t.manage(a.name)}
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
          setCreated(null);
          void create.run(async () => {
            const result = await registryApi.createAccount(api, newAccountOf(draft));
            setCreated({ userId: result.account.userId, password: result.initialPassword });
            setDraft({ ...EMPTY_FORM, role: draft.role });
            setGeneration((g) => g + 1);
          });
        }}
      >
        <h2>{t.createTitle}</h2>
        <Select
          label={t.role}
          value={draft.role}
          options={roleOptions}
          onChange={(e) => set({ role: roleOf(e.target.value) })}
        />
        <Field
          label={t.userId}
          required
          autoComplete="off"
          value={draft.userId}
          onChange={(e) => set({ userId: e.target.value })}
        />
        <Field
          label={t.name}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <Field
          label={t.email}
          type="email"
          required
          value={draft.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        <Select
          label={t.locale}
          value={draft.locale}
          options={[
            { value: 'id', label: t.locale_id },
            { value: 'en', label: t.locale_en },
          ]}
          onChange={(e) => set({ locale: e.target.value === 'en' ? 'en' : 'id' })}
        />
        {needsInstitution(draft.role) ? (
          <Field
            label={t.institutionId}
            required
            value={draft.institutionId}
            onChange={(e) => set({ institutionId: e.target.value })}
          />
        ) : null}
        {isReviewer(draft.role) ? (
          <>
            <Field
              label={t.affiliation}
              required
              value={draft.affiliation}
              onChange={(e) => set({ affiliation: e.target.value })}
            />
            <Field
              label={t.homeProvince}
              inputMode="numeric"
              maxLength={2}
              value={draft.homeProvinceCode}
              onChange={(e) => set({ homeProvinceCode: e.target.value })}
            />
            <Field
              label={t.pastEngagements}
              hint={t.idsHint}
              value={draft.pastEngagements}
              onChange={(e) => set({ pastEngagements: e.target.value })}
            />
            <Field
              label={t.conflicts}
              hint={t.idsHint}
              value={draft.conflicts}
              onChange={(e) => set({ conflicts: e.target.value })}
            />
            <Field
              label={t.expertise}
              hint={t.idsHint}
              value={draft.expertise}
              onChange={(e) => set({ expertise: e.target.value })}
            />
          </>
        ) : null}
        {created ? (
          <OneTimePassword title={t.createdOnce(created.userId)} password={created.password} />
        ) : null}
        <ActionOutcome action={create} notice={null} codes={codeMessages(t)} />
        <div className="form-actions">
          <Button type="submit" busy={create.busy}>
            {t.create}
          </Button>
        </div>
      </form>
      {managing ? (
        <ManageDialog
          account={managing}
          onClose={() => setManaging(null)}
          onChanged={() => setGeneration((g) => g + 1)}
        />
      ) : null}
    </section>
  );
}
