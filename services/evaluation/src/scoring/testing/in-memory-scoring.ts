import type { AuthenticatedUser } from '@kipp/auth';
import {
  editionConfigurationExample,
  proposalSnapshotExample,
  type EditionConfiguration,
} from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { Assignment } from '../../assignment/assignment.schema';
import type { EditionProjection } from '../../edition/edition.schema';
import type { InstitutionRepository } from '../../institution/institution.repository';
import type { ProposalRepository } from '../../proposal/proposal.repository';
import type { EvaluationProposal } from '../../proposal/proposal.schema';
import type { StageEntry } from '../../stage/stage-publication.schema';
import type { ScoreSheet } from '../score-sheet.schema';
import { SheetTargetResolver } from '../score-sheet-target';
import type {
  NewScoreSheet,
  ScorerProgress,
  ScoringRepository,
  SheetChange,
} from '../scoring.repository';
import { GetScoreSheetUseCase } from '../use-cases/get-score-sheet.use-case';
import { GetScoringProgressUseCase } from '../use-cases/get-scoring-progress.use-case';
import { SaveScoreSheetUseCase } from '../use-cases/save-score-sheet.use-case';
import { SubmitScoreSheetUseCase } from '../use-cases/submit-score-sheet.use-case';

/** Desk evaluation ends here; the example's grace adds 30 minutes. */
export const DESK_ENDS = new Date('2027-05-15T16:59:59.000Z');
export const DURING_DESK = new Date('2027-05-01T03:00:00.000Z');

export function evaluator(accountId: string): AuthenticatedUser {
  return { accountId, roles: ['evaluator'], institutionId: null, unitId: null, locale: 'id' };
}

export function panelist(accountId: string): AuthenticatedUser {
  return { accountId, roles: ['panelist'], institutionId: null, unitId: null, locale: 'id' };
}

export function anEdition(overrides: Partial<EditionConfiguration> = {}): EditionProjection {
  return {
    _id: 'ed_2027',
    configuration: {
      ...editionConfigurationExample,
      calendar: [
        ...editionConfigurationExample.calendar,
        {
          phase: 'desk-evaluation',
          startsAt: '2027-04-20T01:00:00.000Z',
          endsAt: DESK_ENDS.toISOString(),
        },
        {
          phase: 'interview',
          startsAt: '2027-07-01T01:00:00.000Z',
          endsAt: '2027-07-10T01:00:00.000Z',
        },
        {
          phase: 'plenary',
          startsAt: '2027-07-11T01:00:00.000Z',
          endsAt: '2027-07-12T01:00:00.000Z',
        },
      ],
      ...overrides,
    },
    revision: 1,
    currentPhase: 'desk-evaluation',
    currentPhaseChangedAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

export function anAssignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    _id: 'asg_1',
    editionId: 'ed_2027',
    proposalId: 'prop_1',
    evaluatorId: 'ev_1',
    status: 'active',
    reason: 'initial',
    explanation: { cost: 0, factors: [] },
    runId: null,
    dueAt: null,
    endedAt: null,
    endReason: null,
    replacedBy: null,
    outbox: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** The proposal's entry among the current finalists. */
export function aFinalist(proposalId: string): StageEntry {
  return {
    proposalId,
    institutionId: 'inst_3273',
    groupId: 'general',
    categoryId: 'health',
    rank: 1,
    score: 90,
    advanced: true,
  };
}

/** A forwarded proposal of the example edition, its institution named as forwarded. */
export function aProposal(overrides: Partial<EvaluationProposal> = {}): EvaluationProposal {
  const proposalId = overrides._id ?? 'prop_1';
  return {
    _id: proposalId,
    editionId: 'ed_2027',
    groupId: 'general',
    categoryId: 'health',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    title: proposalSnapshotExample.title,
    snapshot: { ...proposalSnapshotExample, proposalId, editionId: 'ed_2027' },
    snapshotVersion: proposalSnapshotExample.snapshotVersion,
    institution: { name: 'Kota Bandung', type: 'city', provinceCode: '32', disadvantaged: false },
    forwardedAt: new Date(0),
    withdrawnAt: null,
    selection: null,
    disqualification: null,
    outbox: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

/** The scoring repository over plain maps, with the same conditional-write semantics. */
export class InMemoryScoring {
  readonly editions = new Map<string, EditionProjection>();
  readonly assignments = new Map<string, Assignment>();
  readonly finalists = new Map<string, StageEntry>();
  readonly sheets = new Map<string, ScoreSheet>();
  readonly proposals = new Map<string, EvaluationProposal>();
  /** The institution registry: names by institution id. */
  readonly registry = new Map<string, string>();
  readonly events: PendingEvent[] = [];
  nudges = 0;

  readonly repository = {
    findEdition: (id: string) => Promise.resolve(this.editions.get(id) ?? null),
    findAssignment: (id: string) => Promise.resolve(this.assignments.get(id) ?? null),
    findFinalist: (_editionId: string, proposalId: string) =>
      Promise.resolve(this.finalists.get(proposalId) ?? null),
    findSheet: (stage: ScoreSheet['stage'], proposalId: string, scorerId: string) =>
      Promise.resolve(
        [...this.sheets.values()].find(
          (s) => s.stage === stage && s.proposalId === proposalId && s.scorerId === scorerId,
        ) ?? null,
      ),
    insert: (sheet: NewScoreSheet, events: readonly PendingEvent[]) => {
      if (this.sheets.has(sheet._id)) return Promise.resolve(false);
      this.sheets.set(sheet._id, {
        ...sheet,
        outbox: [],
        createdAt: new Date(0),
        updatedAt: new Date(0),
      });
      this.events.push(...events);
      return Promise.resolve(true);
    },
    change: (sheetId: string, expectedRevision: number, change: SheetChange) => {
      const sheet = this.sheets.get(sheetId);
      if (sheet?.revision !== expectedRevision) return Promise.resolve(false);
      this.sheets.set(sheetId, {
        ...sheet,
        criteria: change.criteria,
        weightedScore: change.weightedScore,
        status: change.status,
        revision: sheet.revision + 1,
        submissions: sheet.submissions + (change.submission ? 1 : 0),
        submittedAt: change.submission?.at ?? sheet.submittedAt,
        submittedWeightedScore: change.submission?.weightedScore ?? sheet.submittedWeightedScore,
        audit: [...sheet.audit, change.audit],
      });
      this.events.push(...change.events);
      return Promise.resolve(true);
    },
    assignedCounts: (editionId: string | null, evaluatorId?: string) => {
      const counts = new Map<string, number>();
      for (const a of this.assignments.values()) {
        if (!['active', 'completed'].includes(a.status)) continue;
        if (editionId && a.editionId !== editionId) continue;
        if (evaluatorId && a.evaluatorId !== evaluatorId) continue;
        counts.set(a.evaluatorId, (counts.get(a.evaluatorId) ?? 0) + 1);
      }
      return Promise.resolve(counts);
    },
    deskSheetCounts: (editionId: string | null, scorerId?: string) => {
      const rows = new Map<string, ScorerProgress>();
      for (const s of this.sheets.values()) {
        if (s.stage !== 'desk' || (editionId && s.editionId !== editionId)) continue;
        if (scorerId && s.scorerId !== scorerId) continue;
        const row = rows.get(s.scorerId) ?? { scorerId: s.scorerId, draft: 0, submitted: 0 };
        rows.set(s.scorerId, {
          ...row,
          draft: row.draft + (s.status === 'draft' ? 1 : 0),
          submitted: row.submitted + (s.status === 'submitted' ? 1 : 0),
        });
      }
      return Promise.resolve([...rows.values()]);
    },
  };

  useCases() {
    // The fake has the repository's public surface; the class's injected models are not needed.
    const repository = this.repository as unknown as ScoringRepository;
    const targets = new SheetTargetResolver(repository);
    const proposals = {
      findById: (id: string) => Promise.resolve(this.proposals.get(id) ?? null),
    } as unknown as ProposalRepository;
    const institutions = {
      findById: (id: string) => {
        const name = this.registry.get(id);
        return Promise.resolve(name === undefined ? null : { _id: id, name });
      },
    } as unknown as InstitutionRepository;
    const notifier = new OutboxNotifier();
    notifier.attach(() => {
      this.nudges += 1;
    });
    return {
      get: new GetScoreSheetUseCase(targets, repository, proposals, institutions),
      save: new SaveScoreSheetUseCase(targets, repository),
      submit: new SubmitScoreSheetUseCase(targets, repository, notifier),
      progress: new GetScoringProgressUseCase(repository),
    };
  }
}
