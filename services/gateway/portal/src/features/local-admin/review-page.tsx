import { codeMessages } from '../../api/code-messages';
import {
  Notice,
  Deadline,
  EligibilityList,
  HistoryTable,
  StatusTag,
  useEditions,
  useInstitution,
} from '../operator/proposal-parts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { Dialog } from '../../ui/dialog';
import { TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { useNow } from '../operator/deadline';
import { EvidenceSection } from '../operator/evidence-section';
import { proposalApi, submissionClose, type Proposal } from '../operator/proposal-api';
import { operatorMessages } from '../operator/messages';
import { quotaApi } from './local-admin-api';
import { localAdminMessages } from './messages';

function Review({ initial }: { initial: Proposal }) {
  const t = useMessages(localAdminMessages);
  const ot = useMessages(operatorMessages);
  const { locale } = useI18n();
  const api = useApi();
  const now = useNow();
  const { byId } = useEditions();
  const { zone } = useInstitution();
  const [proposal, setProposal] = useState(initial);
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  const [confirmForward, setConfirmForward] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const edition = byId.get(proposal.editionId);
  const group = edition?.configuration.groups.find((g) => g.groupId === proposal.groupId);
  const quota = useApiQuery(`quota-usage:${proposal.editionId}`, (client, signal) =>
    quotaApi.usage(client, proposal.editionId, signal),
  );
  // Unknown (null) until the counters are in.
  const left = quota.data?.groups.find((q) => q.groupId === proposal.groupId)?.left ?? null;
  usePageTitle(proposal.title);
  const codes = { ...ot, ...t };

  const returnToUnit = () => {
    const missing = comment.trim().length === 0;
    setCommentMissing(missing);
    if (missing) return;
    void action.run(async () => {
      setProposal(await proposalApi.returnToUnit(api, proposal.proposalId, comment.trim()));
      setComment('');
      setNotice(t.returned);
    });
  };
  const forward = () => {
    setConfirmForward(false);
    void action.run(async () => {
      setProposal(await proposalApi.forward(api, proposal.proposalId));
      setNotice(t.forwarded);
      quota.reload();
    });
  };

  return (
    <section>
      <p>
        <Link to="/local-admin/queue">{t.backToQueue}</Link>
      </p>
      <h1>{proposal.title}</h1>
      <dl className="summary">
        <dt>{t.colStatus}</dt>
        <dd>
          <StatusTag status={proposal.status} />
        </dd>
        <dt>{t.colUnit}</dt>
        <dd>{proposal.unitId}</dd>
        <dt>{t.colGroup}</dt>
        <dd>{group?.name[locale] ?? proposal.groupId}</dd>
        <dt>{t.colCategory}</dt>
        <dd>
          {edition?.configuration.categories.find((c) => c.categoryId === proposal.categoryId)
            ?.name[locale] ?? proposal.categoryId}
        </dd>
        <dt>{ot.closesAt}</dt>
        <dd>
          <Deadline close={submissionClose(edition)} zone={zone} now={now} />
        </dd>
        <dt>{t.startDate}</dt>
        <dd>
          {proposal.innovationStartDate ? (
            <DateTime value={proposal.innovationStartDate} dateOnly />
          ) : (
            '—'
          )}
        </dd>
        <dt>{t.sdgTargets}</dt>
        <dd>{proposal.sdgTargets.selected.join(', ') || '—'}</dd>
        {proposal.sourceInnovationIds.length > 0 ? (
          <>
            <dt>{t.sourceInnovations}</dt>
            <dd>{proposal.sourceInnovationIds.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t.declaration}</dt>
        <dd>
          {proposal.integrityDeclaration ? (
            <DateTime value={proposal.integrityDeclaration.signedAt} zone={zone} />
          ) : (
            t.notSigned
          )}
        </dd>
      </dl>
      <section aria-labelledby="review-sections">
        <h2 id="review-sections">{t.sectionsHeading}</h2>
        {proposal.sections.map((section) => (
          <article
            key={section.sectionId}
            className="panel"
            aria-labelledby={`section-${section.sectionId}`}
          >
            <h3 id={`section-${section.sectionId}`}>
              {section.title[locale]}{' '}
              <span className={section.wordCount > section.wordLimit ? 'tag tag-strong' : 'tag'}>
                {t.words(section.wordCount, section.wordLimit)}
              </span>
            </h3>
            <p className="preserve-lines">{section.text || t.emptySection}</p>
          </article>
        ))}
      </section>
      <EvidenceSection proposal={proposal} edition={edition} editable={false} />
      <section aria-labelledby="review-checks">
        <h2 id="review-checks">{ot.checksHeading}</h2>
        <EligibilityList checks={proposal.eligibility} checkedAt={proposal.eligibilityCheckedAt} />
      </section>
      <section aria-labelledby="decision-heading" className="panel">
        <h2 id="decision-heading">{t.decisionHeading}</h2>
        {proposal.status === 'submitted' ? (
          <>
            <TextArea
              label={t.commentLabel}
              hint={t.commentHint}
              rows={5}
              maxLength={5000}
              value={comment}
              error={commentMissing ? t.commentRequired : undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            <div className="form-actions">
              <Button variant="secondary" busy={action.busy} onClick={returnToUnit}>
                {t.returnToUnit}
              </Button>
              <Button busy={action.busy} onClick={() => setConfirmForward(true)}>
                {t.forward}
              </Button>
            </div>
          </>
        ) : (
          <p>{t.notReviewable}</p>
        )}
        <Notice text={notice} />
        {action.error ? <ErrorAlert error={action.error} codes={codeMessages(codes)} /> : null}
      </section>
      <Dialog
        open={confirmForward}
        title={t.forwardTitle}
        onClose={() => setConfirmForward(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmForward(false)}>
              {t.cancel}
            </Button>
            <Button onClick={forward}>{t.forwardConfirm}</Button>
          </>
        }
      >
        <p>{left === null ? t.forwardTextPlain : t.forwardText(left)}</p>
      </Dialog>
      <section aria-labelledby="review-history">
        <h2 id="review-history">{ot.historyHeading}</h2>
        <HistoryTable transitions={proposal.transitions} />
      </section>
    </section>
  );
}

/** One proposal of the institution: read it, return it with comments, or forward it. */
export default function ReviewPage() {
  const t = useMessages(localAdminMessages);
  const ot = useMessages(operatorMessages);
  const { proposalId = '' } = useParams();
  const query = useApiQuery(`review:${proposalId}`, (api, signal) =>
    proposalApi.get(api, proposalId, signal),
  );
  if (!query.data) {
    return (
      <section>
        <h1>{t.queueTitle}</h1>
        {query.error ? (
          <ErrorAlert error={query.error} codes={codeMessages({ ...ot, ...t })} />
        ) : (
          <Progress label={t.reviewLoading} />
        )}
      </section>
    );
  }
  return <Review key={query.data.proposalId} initial={query.data} />;
}
