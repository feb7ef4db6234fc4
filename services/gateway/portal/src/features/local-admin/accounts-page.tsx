import { codeMessages } from '../../api/code-messages';
import { useState, type SyntheticEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select, TextArea } from '../../ui/field';
import { Pagination } from '../../ui/pagination';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { Notice, useInstitution } from '../operator/proposal-parts';
import {
  accountApi,
  reasonValid,
  validateNewOperator,
  type Account,
  type NewOperator,
  type NewOperatorErrors,
  type Unit,
} from './local-admin-api';
import { LocalAdminNav } from './local-admin-nav';
import { localAdminMessages } from './messages';

const EMPTY: NewOperator = { userId: '', name: '', email: '', locale: 'id', unitId: '' };

function CreateAccount({
  institutionId,
  units,
  onCreated,
}: {
  institutionId: string;
  units: readonly Unit[];
  onCreated: () => void;
}) {
  const t = useMessages(localAdminMessages);
  const api = useApi();
  const [input, setInput] = useState<NewOperator>(EMPTY);
  const [errors, setErrors] = useState<NewOperatorErrors>({});
  const [created, setCreated] = useState<{ userId: string; password: string } | null>(null);
  const action = useAction();
  const set = (patch: Partial<NewOperator>) => setInput((current) => ({ ...current, ...patch }));

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setCreated(null);
    const found = validateNewOperator(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      const result = await accountApi.create(api, institutionId, {
        ...input,
        userId: input.userId.trim().toLowerCase(),
        name: input.name.trim(),
        email: input.email.trim(),
      });
      setCreated({ userId: result.account.userId, password: result.initialPassword });
      setInput(EMPTY);
      onCreated();
    });
  };

  return (
    <section aria-labelledby="create-account" className="panel">
      <h2 id="create-account">{t.createTitle}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <Select
          label={t.unitLabel}
          required
          value={input.unitId}
          placeholder={t.choose}
          error={errors.unitId ? t.invalidUnit : undefined}
          onChange={(event) => set({ unitId: event.target.value })}
          options={units.map((unit) => ({ value: unit.unitId, label: unit.name }))}
        />
        <Field
          label={t.userIdLabel}
          hint={t.userIdHint}
          required
          autoComplete="off"
          value={input.userId}
          error={errors.userId ? t.invalidUserId : undefined}
          onChange={(event) => set({ userId: event.target.value })}
        />
        <Field
          label={t.nameLabel}
          required
          value={input.name}
          error={errors.name ? t.invalidName : undefined}
          onChange={(event) => set({ name: event.target.value })}
        />
        <Field
          label={t.emailLabel}
          type="email"
          required
          value={input.email}
          error={errors.email ? t.invalidEmail : undefined}
          onChange={(event) => set({ email: event.target.value })}
        />
        <Select
          label={t.localeLabel}
          value={input.locale}
          onChange={(event) => set({ locale: event.target.value === 'en' ? 'en' : 'id' })}
          options={[
            { value: 'id', label: t.locale_id },
            { value: 'en', label: t.locale_en },
          ]}
        />
        {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
        <Button type="submit" busy={action.busy}>
          {t.create}
        </Button>
      </form>
      {created ? (
        <Alert tone="success" title={t.created(created.userId)}>
          <p>{t.initialPassword}</p>
          <p>
            <code className="totp-secret">{created.password}</code>
          </p>
        </Alert>
      ) : null}
    </section>
  );
}

function AddUnit({ institutionId, onAdded }: { institutionId: string; onAdded: () => void }) {
  const t = useMessages(localAdminMessages);
  const api = useApi();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  return (
    <section aria-labelledby="add-unit" className="panel">
      <h2 id="add-unit">{t.newUnitTitle}</h2>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          const trimmed = name.trim();
          setInvalid(trimmed.length === 0);
          if (!trimmed) return;
          void action.run(async () => {
            const unit = await accountApi.createUnit(api, institutionId, trimmed);
            setNotice(t.unitAdded(unit.name));
            setName('');
            onAdded();
          });
        }}
      >
        <Field
          label={t.newUnitLabel}
          required
          maxLength={200}
          value={name}
          error={invalid ? t.newUnitInvalid : undefined}
          onChange={(event) => setName(event.target.value)}
        />
        {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
        <Notice text={notice} />
        <Button type="submit" variant="secondary" busy={action.busy}>
          {t.addUnit}
        </Button>
      </form>
    </section>
  );
}

function StatusDialog({
  account,
  onClose,
  onChanged,
}: {
  account: Account | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useMessages(localAdminMessages);
  const api = useApi();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const action = useAction();
  const deactivating = account?.status === 'active';
  const save = () => {
    if (!account) return;
    const valid = reasonValid(reason);
    setInvalid(!valid);
    if (!valid) return;
    void action
      .run(async () => {
        if (deactivating) await accountApi.deactivate(api, account.accountId, reason.trim());
        else await accountApi.reactivate(api, account.accountId, reason.trim());
      })
      .then((ok) => {
        if (!ok) return;
        setReason('');
        onChanged();
      });
  };
  return (
    <Dialog
      open={account !== null}
      title={
        account
          ? deactivating
            ? t.deactivateTitle(account.name)
            : t.reactivateTitle(account.name)
          : ''
      }
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button variant={deactivating ? 'danger' : 'primary'} busy={action.busy} onClick={save}>
            {t.confirm}
          </Button>
        </>
      }
    >
      <TextArea
        label={t.reasonLabel}
        hint={t.reasonHint}
        required
        rows={3}
        value={reason}
        error={invalid ? t.reasonInvalid : undefined}
        onChange={(event) => setReason(event.target.value)}
      />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </Dialog>
  );
}

/** The institution's unit operator accounts: list, create (through registration), (de)activate. */
export default function AccountsPage() {
  const t = useMessages(localAdminMessages);
  usePageTitle(t.accountsTitle);
  const { institutionId } = useInstitution();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [changing, setChanging] = useState<Account | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const accounts = useApiQuery(`accounts:${query}:${page}`, (api, signal) =>
    accountApi.list(api, { q: query, page }, signal),
  );
  const units = useApiQuery(institutionId ? `units:${institutionId}` : null, (api, signal) =>
    accountApi.units(api, institutionId ?? '', signal),
  );
  const unitName = (id: string | null) =>
    units.data?.items.find((u) => u.unitId === id)?.name ?? id ?? '—';
  const pages = accounts.data
    ? Math.max(1, Math.ceil(accounts.data.total / accounts.data.pageSize))
    : 1;

  return (
    <section>
      <h1>{t.accountsTitle}</h1>
      <LocalAdminNav />
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setPage(1);
          setQuery(q.trim());
        }}
      >
        <Field label={t.searchLabel} value={q} onChange={(event) => setQ(event.target.value)} />
        <Button type="submit" variant="secondary">
          {t.search}
        </Button>
      </form>
      <Notice text={notice} />
      {accounts.error ? <ErrorAlert error={accounts.error} codes={codeMessages(t)} /> : null}
      {accounts.loading && !accounts.data ? (
        <Progress label={t.loading} />
      ) : (accounts.data?.items.length ?? 0) === 0 ? (
        <EmptyState title={t.accountsEmpty} />
      ) : (
        <>
          <Table<Account>
            caption={t.accountsCaption}
            rows={accounts.data?.items ?? []}
            rowKey={(row) => row.accountId}
            columns={[
              { key: 'name', header: t.colName, rowHeader: true, cell: (row) => row.name },
              { key: 'userId', header: t.colUserId, cell: (row) => row.userId },
              { key: 'unit', header: t.colUnit, cell: (row) => unitName(row.unitId) },
              { key: 'email', header: t.colEmail, cell: (row) => row.email },
              {
                key: 'status',
                header: t.colStatus,
                cell: (row) => (
                  <>
                    <span className={row.status === 'active' ? 'tag' : 'tag tag-strong'}>
                      {t[`status_${row.status}`]}
                    </span>
                    {row.mustChangePassword ? (
                      <span className="field-hint"> {t.firstSignIn}</span>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'action',
                header: '',
                cell: (row) => (
                  <Button
                    variant={row.status === 'active' ? 'danger' : 'secondary'}
                    onClick={() => setChanging(row)}
                  >
                    {row.status === 'active' ? t.deactivate(row.name) : t.reactivate(row.name)}
                  </Button>
                ),
              },
            ]}
          />
          {pages > 1 && accounts.data ? (
            <Pagination
              page={page}
              pageSize={accounts.data.pageSize}
              total={accounts.data.total}
              onPage={setPage}
            />
          ) : null}
        </>
      )}
      <StatusDialog
        account={changing}
        onClose={() => setChanging(null)}
        onChanged={() => {
          setChanging(null);
          setNotice(t.statusChanged);
          accounts.reload();
        }}
      />
      {institutionId ? (
        <>
          <CreateAccount
            institutionId={institutionId}
            units={units.data?.items ?? []}
            onCreated={accounts.reload}
          />
          <AddUnit institutionId={institutionId} onAdded={units.reload} />
        </>
      ) : null}
    </section>
  );
}
