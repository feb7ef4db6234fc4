import type { EditionConfiguration, EvaluationSettings } from '@kipp/contracts';
import type { EditionProjection } from '../edition/edition.schema';
import type { InstitutionProjection } from '../institution/institution.schema';
import type { Reviewer } from '../reviewer/reviewer.schema';
import type { AssignableProposal } from './assignment-sources.repository';
import { EditionNotConfiguredForEvaluationError } from './assignment.errors';
import type { SolverEvaluator, SolverProposal } from './solver/assignment-solver';

/** What assignment reads from an edition's configuration. */
export interface AssignmentSettings {
  readonly evaluatorsPerProposal: number;
  readonly maxProposalsPerEvaluator: number;
  readonly blindReview: boolean;
  /** The end of the desk-evaluation phase; null when the calendar has none. */
  readonly dueAt: Date | null;
}

export function assignmentSettingsOf(edition: EditionProjection): AssignmentSettings {
  const configuration: EditionConfiguration = edition.configuration;
  const evaluation: EvaluationSettings | undefined = configuration.evaluation;
  if (!evaluation) throw new EditionNotConfiguredForEvaluationError(edition._id);
  const desk = configuration.calendar.find((entry) => entry.phase === 'desk-evaluation');
  return {
    evaluatorsPerProposal: configuration.evaluatorsPerProposal,
    maxProposalsPerEvaluator: evaluation.maxProposalsPerEvaluator,
    blindReview: evaluation.blindReview,
    dueAt: desk ? new Date(desk.endsAt) : null,
  };
}

/**
 * The proposal as the solver sees it. The institution comes from the proposal's own copy,
 * or from the registry projection when the copy was not filled in yet.
 */
export function toSolverProposal(
  proposal: AssignableProposal,
  needed: number,
  registry: ReadonlyMap<string, InstitutionProjection>,
): SolverProposal {
  const known = proposal.institution ?? registry.get(proposal.institutionId) ?? null;
  return {
    id: proposal._id,
    institutionId: proposal.institutionId,
    institutionName: known?.name ?? null,
    institutionType: known?.type ?? null,
    provinceCode: known?.provinceCode ?? null,
    categoryId: proposal.categoryId,
    needed,
  };
}

/** Null for a reviewer without a profile: conflicts cannot be ruled out, so never assigned. */
export function toSolverEvaluator(reviewer: Reviewer, currentLoad: number): SolverEvaluator | null {
  if (!reviewer.profile) return null;
  return {
    id: reviewer._id,
    affiliation: reviewer.profile.affiliation,
    homeProvinceCode: reviewer.profile.homeProvinceCode,
    pastEngagementInstitutionIds: reviewer.profile.pastEngagementInstitutionIds,
    declaredConflictInstitutionIds: reviewer.profile.declaredConflictInstitutionIds,
    expertiseCategoryIds: reviewer.profile.expertiseCategoryIds,
    currentLoad,
  };
}

export function toSolverEvaluators(
  reviewers: readonly Reviewer[],
  loads: ReadonlyMap<string, number>,
): SolverEvaluator[] {
  return reviewers
    .map((r) => toSolverEvaluator(r, loads.get(r._id) ?? 0))
    .filter((e): e is SolverEvaluator => e !== null);
}
