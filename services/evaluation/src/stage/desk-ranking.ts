import type { EditionConfiguration } from '@kipp/contracts';

/** What ranking needs to know about one proposal (loaded from proposals + desk_results). */
export interface RankingCandidate {
  proposalId: string;
  institutionId: string;
  groupId: string;
  categoryId: string;
  passed: boolean;
  withdrawn: boolean;
  disqualified: boolean;
  scoreCount: number;
  rawMean: number | null;
  normalizedMean: number | null;
  forwardedAt: Date;
}

export interface RankedProposal {
  proposalId: string;
  institutionId: string;
  groupId: string;
  categoryId: string;
  /** 1 first. */
  rank: number;
  /** The score ranked by: the normalised mean, or the raw mean when none was computed. */
  score: number;
  rawMean: number;
  scoreCount: number;
}

/** Only passed, neither withdrawn nor disqualified proposals with at least one submitted score take part. */
export function isRankable(candidate: RankingCandidate): boolean {
  return (
    candidate.passed &&
    !candidate.withdrawn &&
    !candidate.disqualified &&
    candidate.scoreCount > 0 &&
    candidate.rawMean !== null
  );
}

/**
 * The desk ranking. Tie-break, documented in the README and fixed so that every replica
 * publishes the same order for the same input: higher ranking score (normalised mean,
 * falling back to the raw mean), then higher raw mean, then more submitted scores, then
 * earlier `forwardedAt`, then proposal id (ascending, plain code-unit order).
 */
export function rankDesk(candidates: readonly RankingCandidate[]): RankedProposal[] {
  const rankable = candidates
    .filter(isRankable)
    .map((c) => ({ candidate: c, score: c.normalizedMean ?? (c.rawMean as number) }));
  rankable.sort(
    (a, b) =>
      b.score - a.score ||
      (b.candidate.rawMean as number) - (a.candidate.rawMean as number) ||
      b.candidate.scoreCount - a.candidate.scoreCount ||
      a.candidate.forwardedAt.getTime() - b.candidate.forwardedAt.getTime() ||
      compareIds(a.candidate.proposalId, b.candidate.proposalId),
  );
  return rankable.map(({ candidate, score }, index) => ({
    proposalId: candidate.proposalId,
    institutionId: candidate.institutionId,
    groupId: candidate.groupId,
    categoryId: candidate.categoryId,
    rank: index + 1,
    score,
    rawMean: candidate.rawMean as number,
    scoreCount: candidate.scoreCount,
  }));
}

export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The edition's passing grade is a percentage (0–100) of the rubric's scale; scores live on
 * the scale itself. Grade g on a scale [min, max] is the score `min + g/100 × (max − min)`:
 * 85 on 0–100 is 85, on 1–5 it is 4.4, on 0–10 it is 8.5.
 */
export function passingScore(
  passingGrade: EditionConfiguration['passingGrade'],
  scale: EditionConfiguration['rubric']['scale'],
): number {
  return scale.min + (passingGrade / 100) * (scale.max - scale.min);
}

export interface StageSelection {
  proposalId: string;
  institutionId: string;
  groupId: string;
  categoryId: string;
  rank: number;
  score: number;
  advanced: boolean;
}

/** The desk stage: every ranked proposal; advanced when at or above the passing score. */
export function deskStage(ranked: readonly RankedProposal[], threshold: number): StageSelection[] {
  return ranked.map((r) => ({ ...pick(r), advanced: r.score >= threshold }));
}

/**
 * The shortlist to the panel: the best `size` proposals at or above the passing score.
 * Every ranked proposal is listed so each institution learns its outcome; only the
 * shortlisted ones are `advanced`.
 */
export function shortlistStage(
  ranked: readonly RankedProposal[],
  threshold: number,
  size: number,
): StageSelection[] {
  let taken = 0;
  return ranked.map((r) => {
    const advanced = r.score >= threshold && taken < size;
    if (advanced) taken += 1;
    return { ...pick(r), advanced };
  });
}

function pick(r: RankedProposal): Omit<StageSelection, 'advanced'> {
  return {
    proposalId: r.proposalId,
    institutionId: r.institutionId,
    groupId: r.groupId,
    categoryId: r.categoryId,
    rank: r.rank,
    score: r.score,
  };
}
