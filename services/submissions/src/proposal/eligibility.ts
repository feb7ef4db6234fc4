import { normaliseTitle, WINNING_TIERS, type EditionConfiguration } from '@kipp/contracts';
import type { InstitutionAward, KnownInnovation } from '../innovation/innovation-lookup';
import type { EligibilityCheck, Proposal } from './proposal.schema';

/** Words as the form counts them: runs of non-whitespace. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** How titles are compared; shared with replication through the contracts. */
export { normaliseTitle };

export function titleSimilarity(a: string, b: string): number {
  const left = new Set(normaliseTitle(a).split(' ').filter(Boolean));
  const right = new Set(normaliseTitle(b).split(' ').filter(Boolean));
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Token Jaccard similarity from which two titles count as near-duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

export interface OtherTitle {
  readonly proposalId: string;
  readonly editionId: string;
  readonly title: string;
}

export type EligibilityInput = Pick<
  Proposal,
  | '_id'
  | 'editionId'
  | 'groupId'
  | 'title'
  | 'innovationStartDate'
  | 'sections'
  | 'evidence'
  | 'sourceInnovationIds'
  | 'integrityDeclaration'
>;

export interface EligibilityContext {
  readonly configuration: EditionConfiguration;
  readonly closesAt: Date | null;
  /** The proposing institution. */
  readonly institutionId: string;
  /** Titles of the institution's other proposals (not withdrawn), in every edition. */
  readonly otherTitles: readonly OtherTitle[];
  /** The named source innovations the innovation projection holds (unknown ids are absent). */
  readonly sourceInnovations: readonly KnownInnovation[];
  /** Every award of the institution, from evaluation and from the innovation database. */
  readonly priorAwards: readonly InstitutionAward[];
}

function ageInYears(startDate: string, at: Date): number {
  const start = new Date(`${startDate}T00:00:00.000Z`);
  let years = at.getUTCFullYear() - start.getUTCFullYear();
  const anniversary = new Date(start);
  anniversary.setUTCFullYear(start.getUTCFullYear() + years);
  if (anniversary > at) years -= 1;
  return years;
}

function innovationAge(proposal: EligibilityInput, context: EligibilityContext): EligibilityCheck {
  const minimum = context.configuration.minimumInnovationAgeYears;
  if (proposal.innovationStartDate === null) {
    return { check: 'innovation-age', outcome: 'warn', detail: 'no start date given yet' };
  }
  if (context.closesAt === null) {
    return { check: 'innovation-age', outcome: 'warn', detail: 'the edition has no close date' };
  }
  const years = ageInYears(proposal.innovationStartDate, context.closesAt);
  const closeDate = context.closesAt.toISOString().slice(0, 10);
  return years >= minimum
    ? {
        check: 'innovation-age',
        outcome: 'pass',
        detail: `${years} years at the close (${closeDate})`,
      }
    : {
        check: 'innovation-age',
        outcome: 'fail',
        detail: `${years} years at the close (${closeDate}); at least ${minimum} required`,
      };
}

function sectionChecks(
  proposal: EligibilityInput,
  context: EligibilityContext,
): EligibilityCheck[] {
  const form = context.configuration.form.sections.filter((s) =>
    s.groups.includes(proposal.groupId),
  );
  const textOf = new Map(proposal.sections.map((s) => [s.sectionId, s.text]));
  const missing = form
    .filter((s) => s.required && countWords(textOf.get(s.sectionId) ?? '') === 0)
    .map((s) => s.sectionId);
  const over = form
    .map((s) => ({ section: s, words: countWords(textOf.get(s.sectionId) ?? '') }))
    .filter(({ section, words }) => words > section.wordLimit)
    .map(({ section, words }) => `${section.sectionId} ${words}/${section.wordLimit}`);
  return [
    missing.length === 0
      ? { check: 'required-sections', outcome: 'pass', detail: 'all required sections filled' }
      : { check: 'required-sections', outcome: 'fail', detail: `missing: ${missing.join(', ')}` },
    over.length === 0
      ? { check: 'word-limits', outcome: 'pass', detail: 'every section within its limit' }
      : { check: 'word-limits', outcome: 'fail', detail: `over the limit: ${over.join(', ')}` },
  ];
}

function evidenceCheck(proposal: EligibilityInput, context: EligibilityContext): EligibilityCheck {
  const uploaded = new Set(proposal.evidence.map((e) => e.evidenceId));
  const missing = context.configuration.form.evidence
    .filter((e) => e.required && e.groups.includes(proposal.groupId) && !uploaded.has(e.evidenceId))
    .map((e) => e.evidenceId);
  return missing.length === 0
    ? { check: 'required-evidence', outcome: 'pass', detail: 'all required evidence uploaded' }
    : { check: 'required-evidence', outcome: 'fail', detail: `missing: ${missing.join(', ')}` };
}

function titleCheck(proposal: EligibilityInput, context: EligibilityContext): EligibilityCheck {
  const own = normaliseTitle(proposal.title);
  const clashes = context.otherTitles
    .filter((other) => other.proposalId !== proposal._id)
    .map((other) => ({ other, similarity: titleSimilarity(proposal.title, other.title) }))
    .filter(
      ({ other, similarity }) =>
        normaliseTitle(other.title) === own || similarity >= NEAR_DUPLICATE_THRESHOLD,
    )
    .map(({ other }) => {
      const where = other.editionId === proposal.editionId ? 'this edition' : other.editionId;
      return `"${other.title}" (${where})`;
    });
  return clashes.length === 0
    ? { check: 'duplicate-title', outcome: 'pass', detail: 'no similar title in the institution' }
    : {
        check: 'duplicate-title',
        outcome: 'warn',
        detail: `same or nearly the same title as ${clashes.slice(0, 5).join('; ')}`.slice(0, 1000),
      };
}

function sourceInnovationCheck(
  proposal: EligibilityInput,
  context: EligibilityContext,
): EligibilityCheck | null {
  const group = context.configuration.groups.find((g) => g.groupId === proposal.groupId);
  if (!group?.eligibility.requiresSourceInnovation) return null;
  if (proposal.sourceInnovationIds.length === 0) {
    return {
      check: 'source-innovation',
      outcome: 'fail',
      detail: 'name the innovation(s) replicated',
    };
  }
  const known = new Map(context.sourceInnovations.map((i) => [i.innovationId, i]));
  const problems = proposal.sourceInnovationIds.flatMap((id) => {
    const innovation = known.get(id);
    // The projection may lag behind replication: the id is kept and shown as failing.
    if (!innovation) return [`${id} is not in the innovation database`];
    if (innovation.institutionId === context.institutionId) {
      return [`${id} is the institution's own innovation`];
    }
    // Every tier (finalist, top, outstanding, replication-top) means at least the Top 99.
    if (innovation.tiers.length === 0) return [`${id} never reached the finalists (Top 99)`];
    return [];
  });
  return problems.length === 0
    ? {
        check: 'source-innovation',
        outcome: 'pass',
        detail: `replicates ${proposal.sourceInnovationIds.join(', ')}`,
      }
    : { check: 'source-innovation', outcome: 'fail', detail: problems.join('; ').slice(0, 1000) };
}

interface AwardMatch {
  readonly award: InstitutionAward;
  readonly exact: boolean;
}

const editionsOf = (matches: readonly AwardMatch[]): string[] =>
  [...new Set(matches.map((m) => m.award.editionId))].sort();

/**
 * Earlier entries of the same innovation by the same institution: awards whose title equals
 * the proposal's or nearly does, in other editions. An exact title fails; a near-duplicate
 * only warns, since two different innovations may have similar names.
 */
function priorAwardsCheck(
  proposal: EligibilityInput,
  context: EligibilityContext,
): EligibilityCheck | null {
  const group = context.configuration.groups.find((g) => g.groupId === proposal.groupId);
  if (!group) return null;
  const own = normaliseTitle(proposal.title);
  const matches: AwardMatch[] = context.priorAwards
    .filter((award) => award.editionId !== proposal.editionId)
    .map((award) => ({ award, exact: normaliseTitle(award.title) === own }))
    .filter(
      ({ award, exact }) =>
        exact || titleSimilarity(proposal.title, award.title) >= NEAR_DUPLICATE_THRESHOLD,
    );
  const findings: { outcome: 'fail' | 'warn'; detail: string }[] = [];

  const { maxPriorTop99, excludesPastWinners } = group.eligibility;
  const finalists = matches.filter((m) => m.award.tiers.includes('finalist'));
  const finalistEditions = editionsOf(finalists);
  if (
    maxPriorTop99 !== null &&
    finalistEditions.length > 0 &&
    finalistEditions.length >= maxPriorTop99
  ) {
    const exactCount = editionsOf(finalists.filter((m) => m.exact)).length;
    findings.push({
      outcome: exactCount >= maxPriorTop99 ? 'fail' : 'warn',
      detail: `reached the Top 99 in ${finalistEditions.length} edition(s) (${finalistEditions.join(', ')}); the group's limit is ${maxPriorTop99}`,
    });
  }
  if (excludesPastWinners) {
    const winners = matches.filter((m) => m.award.tiers.some((t) => WINNING_TIERS.includes(t)));
    if (winners.length > 0) {
      findings.push({
        outcome: winners.some((m) => m.exact) ? 'fail' : 'warn',
        detail: `a past winner (${editionsOf(winners).join(', ')}) may not enter this group`,
      });
    }
  }
  if (findings.length === 0) {
    return { check: 'prior-awards', outcome: 'pass', detail: 'no earlier award found' };
  }
  const outcome = findings.some((f) => f.outcome === 'fail') ? 'fail' : 'warn';
  const similar = matches.some((m) => !m.exact) ? ' (same or similar title)' : '';
  return {
    check: 'prior-awards',
    outcome,
    detail: `${findings.map((f) => f.detail).join('; ')}${similar}`.slice(0, 1000),
  };
}

function integrityCheck(proposal: EligibilityInput, context: EligibilityContext): EligibilityCheck {
  if (!context.configuration.form.requiresIntegrityDeclaration) {
    return { check: 'integrity-declaration', outcome: 'pass', detail: 'not required' };
  }
  return proposal.integrityDeclaration
    ? { check: 'integrity-declaration', outcome: 'pass', detail: 'signed' }
    : { check: 'integrity-declaration', outcome: 'fail', detail: 'not signed yet' };
}

/** The pre-checks shown while drafting and stored with the proposal. */
export function checkEligibility(
  proposal: EligibilityInput,
  context: EligibilityContext,
): EligibilityCheck[] {
  const source = sourceInnovationCheck(proposal, context);
  const awards = priorAwardsCheck(proposal, context);
  return [
    innovationAge(proposal, context),
    ...sectionChecks(proposal, context),
    evidenceCheck(proposal, context),
    titleCheck(proposal, context),
    ...(source ? [source] : []),
    ...(awards ? [awards] : []),
    integrityCheck(proposal, context),
  ];
}
