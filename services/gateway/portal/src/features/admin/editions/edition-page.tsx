import { EDITION_PHASES, type EditionPhase, type TimeZone } from '@kipp/contracts';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { usePageTitle } from '../../../app/page-title';
import { useI18n, useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { browserZone, DateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { Field, Select } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { EditionLinks } from '../shared/edition-links';
import { adminMessages } from '../shared/messages';
import {
  CalendarSection,
  CategoriesSection,
  EvaluationSection,
  FormSection,
  GeneralSection,
  GroupsSection,
  RubricSection,
  StageSizesSection,
} from './builder-sections';
import { editionApi, settingsOf, type Edition, type EditionSettings } from './edition-api';
import { fieldIssues, type FieldIssue } from './edition-form';
import { issueText, sectionOfIssue } from './issue-text';
import { editionMessages, phaseMessages } from './messages';

function IssueSummary({ issues }: { issues: readonly FieldIssue[] }) {
  const t = useMessages(editionMessages);
  if (issues.length === 0) return null;
  return (
    <Alert tone="error" title={t.issuesTitle(issues.length)}>
      <ul>
        {issues.map((issue, index) => (
          <li key={`${issue.path}-${index}`}>
            {sectionOfIssue(t, issue)}: {issueText(t, issue)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function PhaseControl({
  edition,
  onChanged,
}: {
  edition: Edition;
  onChanged: (next: Edition) => void;
}) {
  const t = useMessages(editionMessages);
  const phases = useMessages(phaseMessages);
  const api = useApi();
  const action = useAction();
  const [phase, setPhase] = useState<EditionPhase>(edition.currentPhase ?? 'registration');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (edition.status !== 'published') return <p>{t.notPublishedYet}</p>;
  return (
    <form
      className="form"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        void action.run(async () => {
          const next = await editionApi.changePhase(api, edition.editionId, phase, reason.trim());
          setDone(t.phaseMoved(phases[phase]));
          setReason('');
          onChanged(next);
        });
      }}
    >
      <Select
        label={t.phaseTo}
        value={phase}
        options={EDITION_PHASES.map((p) => ({ value: p, label: phases[p] }))}
        onChange={(e) => setPhase(EDITION_PHASES.find((p) => p === e.target.value) ?? phase)}
      />
      <Field
        label={t.phaseReason}
        hint={t.phaseReasonHint}
        value={reason}
        required
        minLength={3}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {t.movePhase}
        </Button>
      </div>
      {done ? (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </form>
  );
}

function History({ edition }: { edition: Edition }) {
  const t = useMessages(editionMessages);
  const phases = useMessages(phaseMessages);
  const rows = [...(edition.history ?? [])].reverse();
  return (
    <Table
      caption={t.historyCaption}
      rows={rows}
      rowKey={(row) => `${row.at}-${row.action}-${row.revision ?? ''}`}
      columns={[
        {
          key: 'at',
          header: t.colWhen,
          rowHeader: true,
          cell: (row) => <DateTime value={row.at} />,
        },
        { key: 'action', header: t.colAction, cell: (row) => t[`action_${row.action}`] },
        {
          key: 'detail',
          header: t.colDetail,
          cell: (row) =>
            [
              row.revision !== undefined ? `${t.summaryRevision} ${row.revision}` : null,
              row.changed?.length ? row.changed.join(', ') : null,
              row.phase ? phases[row.phase] : null,
              row.reason ?? null,
              row.clonedFrom ?? null,
            ]
              .filter(Boolean)
              .join(' · '),
        },
      ]}
    />
  );
}

/** The edition builder: every setting of one edition, saved whole; publish; move its phase. */
export default function EditionPage() {
  const t = useMessages(editionMessages);
  const phases = useMessages(phaseMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const { editionId = '' } = useParams();
  const query = useApiQuery(`edition:${editionId}`, (client, signal) =>
    editionApi.get(client, editionId, signal),
  );
  const [edition, setEdition] = useState<Edition | null>(null);
  const [draft, setDraft] = useState<EditionSettings | null>(null);
  const [zone, setZone] = useState<TimeZone>(() => browserZone());
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useAction();
  const publish = useAction();

  const adopt = (next: Edition) => {
    setEdition(next);
    setDraft(settingsOf(next.configuration));
  };

  useEffect(() => {
    if (query.data) adopt(query.data);
  }, [query.data]);

  const title = t.builderTitle(edition?.configuration.name ?? editionId);
  usePageTitle(title);

  if (!edition || !draft) {
    return (
      <section>
        <h1>{title}</h1>
        {query.error ? (
          <ErrorAlert error={query.error} codes={codeMessages(t)} />
        ) : (
          <Progress label={common.loading} />
        )}
      </section>
    );
  }

  // The fields the last save was refused for stay marked until the next save.
  const issues = fieldIssues(save.error);
  const sectionProps = { draft, onChange: setDraft, issues };
  const onSave = () => {
    setNotice(null);
    void save.run(async () => {
      const next = await editionApi.update(
        api,
        edition.editionId,
        draft,
        edition.status === 'published' ? edition.revision : undefined,
      );
      adopt(next);
      setNotice(next.status === 'published' ? t.savedRevision(next.revision) : t.saved);
    });
  };

  return (
    <section className="edition-builder">
      <h1>{title}</h1>
      <p>
        <Link to="/admin/editions">{common.editionsLink}</Link>
      </p>
      <dl className="summary">
        <dt>{t.summaryStatus}</dt>
        <dd>{t[`status_${edition.status}`]}</dd>
        <dt>{t.summaryRevision}</dt>
        <dd>{edition.revision}</dd>
        <dt>{t.summaryPhase}</dt>
        <dd>{edition.currentPhase ? phases[edition.currentPhase] : t.noPhase}</dd>
        {edition.phaseOverride ? (
          <>
            <dt>{t.summaryOverride}</dt>
            <dd>
              {edition.phaseOverride.until ? (
                <DateTime value={edition.phaseOverride.until} zone={zone} />
              ) : (
                t.overrideOpenEnded
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {edition.status === 'published' ? (
        <EditionLinks editionId={edition.editionId} editionName={edition.configuration.name} />
      ) : null}
      <form
        className="builder-form"
        lang={locale}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <GeneralSection {...sectionProps} />
        <CategoriesSection {...sectionProps} />
        <GroupsSection {...sectionProps} />
        <FormSection key={`form-${edition.revision}`} {...sectionProps} />
        <CalendarSection {...sectionProps} zone={zone} onZone={setZone} />
        <StageSizesSection {...sectionProps} />
        <RubricSection {...sectionProps} which="rubric" />
        <RubricSection {...sectionProps} which="panelRubric" />
        <EvaluationSection {...sectionProps} />
        <IssueSummary issues={issues} />
        <ActionOutcome action={save} notice={notice} codes={codeMessages(t)} />
        <div className="form-actions">
          <Button type="submit" busy={save.busy}>
            {t.save}
          </Button>
        </div>
      </form>
      <section aria-labelledby="edition-publish">
        <h2 id="edition-publish">{t.sectionPublish}</h2>
        {edition.status === 'draft' ? (
          <>
            <p>{t.publishHint}</p>
            <Button busy={publish.busy} onClick={() => setConfirming(true)}>
              {t.publish}
            </Button>
            {publish.error ? <ErrorAlert error={publish.error} codes={codeMessages(t)} /> : null}
            {publish.error ? <IssueSummary issues={fieldIssues(publish.error)} /> : null}
          </>
        ) : null}
        <PhaseControl key={edition.revision} edition={edition} onChanged={adopt} />
      </section>
      <section aria-labelledby="edition-history">
        <h2 id="edition-history">{t.sectionHistory}</h2>
        <History edition={edition} />
      </section>
      <Dialog
        open={confirming}
        title={t.publishConfirm}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </Button>
            <Button
              busy={publish.busy}
              onClick={() => {
                setConfirming(false);
                setNotice(null);
                void publish.run(async () => {
                  adopt(await editionApi.publish(api, edition.editionId));
                  setNotice(t.published);
                });
              }}
            >
              {t.publish}
            </Button>
          </>
        }
      >
        <p>{t.publishConfirmBody}</p>
      </Dialog>
    </section>
  );
}
