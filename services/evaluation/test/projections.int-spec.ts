import { randomUUID } from 'node:crypto';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRoleGrantedV1,
  editionConfigurationExample,
  EditionPhaseChangedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  InstitutionRegisteredV1,
  InstitutionUpdatedV1,
  ProposalForwardedV1,
  proposalSnapshotExample,
  ProposalWithdrawnV1,
  reviewerProfileExample,
  type PayloadOf,
  type ProposalSnapshot,
} from '@kipp/contracts';
import { createEvent, PROCESSED_EVENTS_COLLECTION } from '@kipp/messaging';
import { eventually, produceRaw } from '@kipp/testing';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../src/institution/institution.schema';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
} from '../src/proposal/proposal.schema';
import { REVIEWER_MODEL, type Reviewer } from '../src/reviewer/reviewer.schema';
import { startEvaluationApp, type EvaluationTestApp } from './evaluation-test-app';

const admin = { kind: 'account' as const, accountId: 'acct_admin' };

function snapshot(overrides: Partial<ProposalSnapshot> = {}): ProposalSnapshot {
  return { ...proposalSnapshotExample, proposalId: randomUUID(), ...overrides };
}

function forwarded(snap: ProposalSnapshot): PayloadOf<typeof ProposalForwardedV1> {
  return { snapshot: snap, forwardedBy: admin, forwardedAt: '2027-03-25T03:00:00.000Z' };
}

function institutionRegistered(
  institutionId: string,
  overrides: Partial<PayloadOf<typeof InstitutionRegisteredV1>> = {},
): PayloadOf<typeof InstitutionRegisteredV1> {
  return { ...InstitutionRegisteredV1.example, institutionId, ...overrides };
}

function institutionUpdated(
  institutionId: string,
  revision: number,
  name: string,
): PayloadOf<typeof InstitutionUpdatedV1> {
  return { ...InstitutionUpdatedV1.example, institutionId, revision, name, changed: ['name'] };
}

function statusChanged(accountId: string, changedAt: string) {
  return {
    ...AccountDeactivatedV1.example,
    accountId,
    roles: ['evaluator' as const],
    institutionId: null,
    changedAt,
  };
}

describe('evaluation service: projections', () => {
  let app: EvaluationTestApp;
  const editions = () => app.model<EditionProjection>(EDITION_PROJECTION_MODEL);
  const institutions = () => app.model<InstitutionProjection>(INSTITUTION_PROJECTION_MODEL);
  const reviewers = () => app.model<Reviewer>(REVIEWER_MODEL);
  const proposals = () => app.model<EvaluationProposal>(EVALUATION_PROPOSAL_MODEL);

  beforeAll(async () => {
    app = await startEvaluationApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('should keep the newest edition revision and phase when updates arrive out of order', async () => {
    const editionId = randomUUID();
    const edition = { ...editionConfigurationExample, editionId };
    await app.publish(EditionPublishedV1, {
      ...EditionPublishedV1.example,
      edition,
      revision: 1,
    });
    await eventually(async () => {
      expect(await editions().findById(editionId).lean()).toMatchObject({ revision: 1 });
    });

    await app.publish(EditionUpdatedV1, {
      ...EditionUpdatedV1.example,
      edition: { ...edition, passingGrade: 70 },
      revision: 3,
    });
    await app.publish(EditionUpdatedV1, {
      ...EditionUpdatedV1.example,
      edition: { ...edition, passingGrade: 60 },
      revision: 2,
    });
    await app.publish(EditionPhaseChangedV1, {
      editionId,
      previousPhase: 'submission',
      phase: 'administrative-selection',
      changedBy: { kind: 'system', process: 'phase-scheduler' },
      changedAt: '2027-04-01T01:00:00.000Z',
    });
    // An older phase change delivered late changes nothing.
    await app.publish(EditionPhaseChangedV1, {
      editionId,
      previousPhase: 'registration',
      phase: 'submission',
      changedBy: { kind: 'system', process: 'phase-scheduler' },
      changedAt: '2027-02-01T01:00:00.000Z',
    });

    await eventually(async () => {
      const stored = await editions().findById(editionId).lean<EditionProjection>();
      expect(stored).toMatchObject({
        revision: 3,
        currentPhase: 'administrative-selection',
        // The rubric arrives with its criteria's guidance and is kept as published.
        configuration: { passingGrade: 70, rubric: editionConfigurationExample.rubric },
      });
    });
  });

  it('should apply institution revisions in order and fill the institution on its proposals when it arrives after them', async () => {
    const institutionId = randomUUID();
    const early = snapshot({ institutionId });
    await app.publish(ProposalForwardedV1, forwarded(early));
    await eventually(async () => {
      expect(await proposals().findById(early.proposalId).lean()).toMatchObject({
        institution: null,
      });
    });

    await app.publish(
      InstitutionUpdatedV1,
      institutionUpdated(institutionId, 2, 'Kota Baru'),
      institutionUpdated(institutionId, 1, 'Kota Lama'),
    );
    await app.publish(
      InstitutionRegisteredV1,
      institutionRegistered(institutionId, { name: 'Kota Awal', disadvantaged: true }),
    );

    await eventually(async () => {
      expect(await institutions().findById(institutionId).lean()).toMatchObject({
        name: 'Kota Baru',
        revision: 2,
      });
      expect(await proposals().findById(early.proposalId).lean()).toMatchObject({
        institution: { name: 'Kota Baru', type: 'city', provinceCode: '32' },
      });
    });

    // A proposal forwarded after the institution is known gets it at once.
    const late = snapshot({ institutionId });
    await app.publish(ProposalForwardedV1, forwarded(late));
    await eventually(async () => {
      expect(await proposals().findById(late.proposalId).lean()).toMatchObject({
        institution: { name: 'Kota Baru' },
      });
    });
  });

  it('should replace the snapshot and clear an older decision when a higher snapshot version arrives, and ignore a lower one', async () => {
    const first = snapshot({ title: 'Versi satu' });
    const { proposalId } = first;
    await app.publish(ProposalForwardedV1, forwarded(first));
    await eventually(async () => {
      expect(await proposals().findById(proposalId).lean()).toMatchObject({ snapshotVersion: 1 });
    });
    await proposals().updateOne(
      { _id: proposalId },
      {
        $set: {
          selection: {
            outcome: 'fail',
            reasons: [{ check: 'completeness', outcome: 'fail', note: 'missing evidence' }],
            revision: 1,
            snapshotVersion: 1,
            decidedBy: 'acct_admin',
            decidedAt: new Date(),
          },
          lastSelectionRevision: 1,
        },
      },
    );

    await app.publish(
      ProposalForwardedV1,
      forwarded({ ...first, snapshotVersion: 3, title: 'Versi tiga' }),
      forwarded({ ...first, snapshotVersion: 2, title: 'Versi dua' }),
    );

    await eventually(async () => {
      expect(await proposals().findById(proposalId).lean()).toMatchObject({
        snapshotVersion: 3,
        title: 'Versi tiga',
        snapshot: { snapshotVersion: 3 },
        selection: null,
        lastSelectionRevision: 1,
      });
    });
  });

  it('should apply a redelivered event only once when the same event arrives twice', async () => {
    const snap = snapshot();
    const event = createEvent(ProposalForwardedV1, forwarded(snap));
    const message = { key: event.key, value: event.value, headers: event.headers };
    await produceRaw(app.topics.topicOf(ProposalForwardedV1), [message, message]);

    const { eventId } = event;
    await eventually(async () => {
      expect(await proposals().countDocuments({ _id: snap.proposalId })).toBe(1);
      const records = await proposals()
        .db.collection(PROCESSED_EVENTS_COLLECTION)
        .countDocuments({ eventId });
      expect(records).toBe(1);
    });
  });

  it('should mark a forwarded proposal withdrawn when its unit withdraws it', async () => {
    const snap = snapshot();
    await app.publish(ProposalForwardedV1, forwarded(snap));
    await eventually(async () => {
      expect(await proposals().countDocuments({ _id: snap.proposalId })).toBe(1);
    });
    await app.publish(ProposalWithdrawnV1, {
      ...ProposalWithdrawnV1.example,
      proposalId: snap.proposalId,
      wasForwarded: true,
      withdrawnAt: '2027-03-28T03:00:00.000Z',
    });
    await eventually(async () => {
      const stored = await proposals().findById(snap.proposalId).lean<EvaluationProposal>();
      expect(stored?.withdrawnAt?.toISOString()).toBe('2027-03-28T03:00:00.000Z');
    });
  });

  it('should keep evaluators and panelists with their profile and active flag, and ignore other accounts', async () => {
    const evaluatorId = randomUUID();
    const operatorId = randomUUID();
    const lateReviewerId = randomUUID();
    await app.publish(
      AccountCreatedV1,
      {
        ...AccountCreatedV1.example,
        accountId: evaluatorId,
        roles: ['evaluator'],
        institutionId: null,
        unitId: null,
        name: 'Prof. Dewi',
        reviewerProfile: reviewerProfileExample,
      },
      { ...AccountCreatedV1.example, accountId: operatorId, name: 'Operator' },
    );
    // A panelist role granted before the account-created event of a non-reviewer account.
    await app.publish(AccountRoleGrantedV1, {
      ...AccountRoleGrantedV1.example,
      accountId: lateReviewerId,
      role: 'panelist',
      institutionId: null,
      reviewerProfile: { ...reviewerProfileExample, affiliation: 'Universitas Indonesia' },
    });
    await app.publish(AccountRoleGrantedV1, {
      ...AccountRoleGrantedV1.example,
      accountId: operatorId,
      role: 'local_admin',
    });
    await app.publish(
      AccountDeactivatedV1,
      statusChanged(evaluatorId, '2027-04-02T00:00:00.000Z'),
      statusChanged(operatorId, '2027-04-02T00:00:00.000Z'),
    );
    // Older than the deactivation (another topic, so it may come later): ignored.
    await app.publish(AccountReactivatedV1, statusChanged(evaluatorId, '2027-04-01T00:00:00.000Z'));
    await app.publish(AccountCreatedV1, {
      ...AccountCreatedV1.example,
      accountId: lateReviewerId,
      roles: ['unit_operator'],
      name: 'Dr. Bambang',
    });

    await eventually(async () => {
      expect(await reviewers().findById(evaluatorId).lean()).toMatchObject({
        name: 'Prof. Dewi',
        roles: ['evaluator'],
        active: false,
        profile: { affiliation: 'Universitas Gadjah Mada', homeProvinceCode: '34' },
      });
      expect(await reviewers().findById(lateReviewerId).lean()).toMatchObject({
        name: 'Dr. Bambang',
        roles: ['panelist'],
        active: true,
        profile: { affiliation: 'Universitas Indonesia' },
      });
      expect(await reviewers().findById(operatorId).lean()).toBeNull();
    });

    await app.publish(AccountReactivatedV1, statusChanged(evaluatorId, '2027-04-03T00:00:00.000Z'));
    await eventually(async () => {
      expect(await reviewers().findById(evaluatorId).lean()).toMatchObject({ active: true });
    });
  });
});
