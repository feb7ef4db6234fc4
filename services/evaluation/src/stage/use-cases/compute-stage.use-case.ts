import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import {
  deskStage,
  passingScore,
  rankDesk,
  shortlistStage,
  type RankingCandidate,
  type StageSelection,
} from '../desk-ranking';
import { selectFinalists, type FinalistCandidate } from '../finalist-selection';
import type { StageEntry } from '../stage-publication.schema';
import { StagePrerequisiteMissingError } from '../stage.errors';
import type { EvaluatedEdition } from '../../edition/evaluated-edition';
import { StageRepository, type StageProposal } from '../stage.repository';

export const PUBLISHABLE_STAGES = ['desk', 'shortlist', 'finalists'] as const;
export type PublishableStage = (typeof PUBLISHABLE_STAGES)[number];

export interface ComputedStage {
  stage: PublishableStage;
  entries: StageEntry[];
  report: Record<string, unknown>;
  /** The publication the stage was computed from (finalists: the shortlist), if any. */
  basedOn: string | null;
}

export const TIE_BREAK_RULE =
  'normalised mean (raw mean when none), then raw mean, then more submitted scores, then earlier forwarding, then proposal id';

/**
 * Computes a stage's results from the current data without writing anything: the
 * preview shows it, the publication stores it.
 */
@Injectable()
export class ComputeStageUseCase {
  constructor(private readonly stages: StageRepository) {}

  async execute(
    edition: EvaluatedEdition,
    stage: PublishableStage,
    session?: ClientSession,
  ): Promise<ComputedStage> {
    const { configuration } = edition;
    const threshold = passingScore(configuration.passingGrade, configuration.rubric.scale);
    if (stage === 'finalists') return this.finalists(edition, session);
    const ranked = rankDesk(await this.rankingCandidates(edition.editionId));
    const selections =
      stage === 'desk'
        ? deskStage(ranked, threshold)
        : shortlistStage(ranked, threshold, configuration.stageSizes.shortlist);
    return {
      stage,
      entries: selections.map(toEntry),
      report: {
        passingGrade: configuration.passingGrade,
        scale: configuration.rubric.scale,
        passingScore: threshold,
        ranked: ranked.length,
        advanced: selections.filter((s) => s.advanced).length,
        ...(stage === 'shortlist' ? { shortlistSize: configuration.stageSizes.shortlist } : {}),
        tieBreak: TIE_BREAK_RULE,
      },
      basedOn: null,
    };
  }

  private async rankingCandidates(editionId: string): Promise<RankingCandidate[]> {
    const [proposals, results] = await Promise.all([
      this.stages.passedProposals(editionId),
      this.stages.deskResults(editionId),
    ]);
    const resultOf = new Map(results.map((r) => [r._id, r]));
    return proposals.map((p) => {
      const result = resultOf.get(p._id);
      return {
        proposalId: p._id,
        institutionId: p.institutionId,
        groupId: p.groupId,
        categoryId: p.categoryId,
        passed: p.selection?.outcome === 'pass',
        withdrawn: p.withdrawnAt !== null,
        disqualified: p.disqualification !== null,
        scoreCount: result?.scoreCount ?? 0,
        rawMean: result?.rawMean ?? null,
        normalizedMean: result?.normalizedMean ?? null,
        forwardedAt: new Date(p.forwardedAt),
      };
    });
  }

  /** Finalists come from the current shortlist, minus anything withdrawn or disqualified since. */
  private async finalists(
    edition: EvaluatedEdition,
    session?: ClientSession,
  ): Promise<ComputedStage> {
    const shortlist = await this.stages.latest(edition.editionId, 'shortlist', session);
    if (!shortlist) throw new StagePrerequisiteMissingError('finalists', 'shortlist');
    const shortlisted = shortlist.entries.filter((e) => e.advanced);
    const proposals = await this.stages.proposalsByIds(shortlisted.map((e) => e.proposalId));
    const byId = new Map(proposals.map((p) => [p._id, p]));
    const missingInstitutions = proposals.filter((p) => p.institution === null);
    const institutions = new Map(
      (await this.stages.institutionsByIds(missingInstitutions.map((p) => p.institutionId))).map(
        (i) => [i._id, i],
      ),
    );
    const candidates: FinalistCandidate[] = [];
    const entryOf = new Map<string, StageEntry>();
    for (const entry of shortlisted) {
      const proposal = byId.get(entry.proposalId);
      if (!proposal || proposal.withdrawnAt !== null || proposal.disqualification !== null)
        continue;
      entryOf.set(entry.proposalId, entry);
      candidates.push({
        proposalId: entry.proposalId,
        rank: entry.rank,
        score: entry.score ?? 0,
        attributes: attributesOf(proposal, institutions.get(proposal.institutionId) ?? null),
      });
    }
    const { configuration, evaluation } = edition;
    const selection = await selectFinalists(candidates, evaluation.representation, {
      general: configuration.stageSizes.finalistsGeneral,
      special: configuration.stageSizes.finalistsSpecial,
    });
    return {
      stage: 'finalists',
      entries: selection.entries.map((e) => {
        const entry = entryOf.get(e.proposalId) as StageEntry;
        return { ...entry, advanced: e.advanced };
      }),
      report: {
        ...selection.report,
        shortlistPublicationId: shortlist._id,
        left: shortlisted.length - candidates.length,
      },
      basedOn: shortlist._id,
    };
  }
}

function attributesOf(
  proposal: StageProposal,
  fallback: { type: string; provinceCode: string | null; disadvantaged: boolean } | null,
): FinalistCandidate['attributes'] {
  const institution = proposal.institution ?? fallback;
  return {
    category: proposal.categoryId,
    group: proposal.groupId,
    'institution-type': institution?.type ?? null,
    province: institution?.provinceCode ?? null,
    'disadvantaged-region': institution ? String(institution.disadvantaged) : null,
    institution: proposal.institutionId,
  };
}

function toEntry(selection: StageSelection): StageEntry {
  return {
    proposalId: selection.proposalId,
    institutionId: selection.institutionId,
    groupId: selection.groupId,
    categoryId: selection.categoryId,
    rank: selection.rank,
    score: selection.score,
    advanced: selection.advanced,
  };
}
