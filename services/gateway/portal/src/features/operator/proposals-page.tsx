import { codeMessages } from '../../api/code-messages';
import {
  Deadline,
  localized,
  nextStep,
  StatusTag,
  useEditions,
  useInstitution,
  groupName,
  categoryName,
} from './proposal-parts';
import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { useNow } from './deadline';
import { operatorMessages } from './messages';
import {
  groupsFor,
  openEditions,
  validateNewProposal,
  type NewProposalErrors,
} from './new-proposal-form';
import { OperatorNav } from './operator-nav';
import { proposalApi, submissionClose, type ProposalSummary } from './proposal-api';

function NewProposal() {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { editions, data: editionList, error: editionError } = useEditions();
  const { institutionId } = useInstitution();
  const open = openEditions(editions);
  const [editionId, setEditionId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<NewProposalErrors>({});
  const action = useAction();
  const edition = open.find((e) => e.editionId === editionId);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    const input = { editionId, groupId, categoryId, title };
    const found = validateNewProposal(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void action.run(async () => {
      const created = await proposalApi.create(api, { ...input, title: title.trim() });
      await navigate(`/operator/proposals/${encodeURIComponent(created.proposalId)}`);
    });
  };

  const message = (error: 'required' | 'length' | undefined) =>
    error === 'required' ? t.chooseRequired : error === 'length' ? t.newNameInvalid : undefined;

  return (
    <section aria-labelledby="new-proposal" className="panel">
      <h2 id="new-proposal">{t.newTitle}</h2>
      {editionError ? <ErrorAlert error={editionError} codes={codeMessages(t)} /> : null}
      {!editionList && !editionError ? (
        <Progress label={t.loading} />
      ) : open.length === 0 ? (
        <p>{t.noOpenEdition}</p>
      ) : (
        <form className="form" noValidate onSubmit={onSubmit}>
          <Select
            label={t.newEdition}
            required
            value={editionId}
            placeholder={t.choose}
            error={message(errors.editionId)}
            onChange={(event) => {
              setEditionId(event.target.value);
              setGroupId('');
              setCategoryId('');
            }}
            options={open.map((e) => ({ value: e.editionId, label: e.configuration.name }))}
          />
          <Select
            label={t.newGroup}
            required
            value={groupId}
            placeholder={t.choose}
            error={message(errors.groupId)}
            onChange={(event) => setGroupId(event.target.value)}
            options={groupsFor(edition, institutionId).map((g) => ({
              value: g.groupId,
              label: localized(g.name, locale),
            }))}
          />
          <Select
            label={t.newCategory}
            required
            value={categoryId}
            placeholder={t.choose}
            error={message(errors.categoryId)}
            onChange={(event) => setCategoryId(event.target.value)}
            options={(edition?.configuration.categories ?? []).map((c) => ({
              value: c.categoryId,
              label: localized(c.name, locale),
            }))}
          />
          <Field
            label={t.newName}
            hint={t.newNameHint}
            required
            value={title}
            maxLength={300}
            error={message(errors.title)}
            onChange={(event) => setTitle(event.target.value)}
          />
          {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
          <div className="form-actions">
            <Button type="submit" busy={action.busy}>
              {t.create}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The unit's proposals: status, the close in the institution's zone, what to do next. */
export default function ProposalsPage() {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  usePageTitle(t.title);
  const now = useNow();
  const { byId } = useEditions();
  const { zone } = useInstitution();
  const list = useApiQuery('operator-proposals', (api, signal) =>
    proposalApi.list(api, {}, signal),
  );
  const items = list.data?.items ?? [];

  return (
    <section>
      <h1>{t.title}</h1>
      <OperatorNav />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={t.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.empty}>
          <p>{t.emptyHint}</p>
        </EmptyState>
      ) : (
        <Table<ProposalSummary>
          caption={t.listCaption}
          rows={items}
          rowKey={(row) => row.proposalId}
          columns={[
            {
              key: 'title',
              header: t.colTitle,
              rowHeader: true,
              cell: (row) => (
                <Link to={`/operator/proposals/${encodeURIComponent(row.proposalId)}`}>
                  {row.title}
                </Link>
              ),
            },
            {
              key: 'edition',
              header: t.colEdition,
              cell: (row) => byId.get(row.editionId)?.configuration.name ?? row.editionId,
            },
            {
              key: 'group',
              header: t.colGroup,
              cell: (row) => groupName(byId.get(row.editionId), row.groupId, locale),
            },
            {
              key: 'category',
              header: t.colCategory,
              cell: (row) => categoryName(byId.get(row.editionId), row.categoryId, locale),
            },
            {
              key: 'status',
              header: t.colStatus,
              cell: (row) => <StatusTag status={row.status} />,
            },
            {
              key: 'since',
              header: t.colSince,
              cell: (row) => <DateTime value={row.statusSince} zone={zone} />,
            },
            {
              key: 'deadline',
              header: t.colDeadline,
              cell: (row) =>
                row.status === 'draft' ||
                row.status === 'returned' ||
                row.status === 'submitted' ? (
                  <Deadline
                    close={submissionClose(byId.get(row.editionId))}
                    zone={zone}
                    now={now}
                  />
                ) : (
                  '—'
                ),
            },
            { key: 'next', header: t.colNext, cell: (row) => nextStep(t, row.status) },
          ]}
        />
      )}
      <NewProposal />
    </section>
  );
}
