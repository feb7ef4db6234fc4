import { Injectable } from '@nestjs/common';
import type { AwardTier } from '@kipp/contracts';
import { buildAwardRows } from '../award-rows';
import { toCsv } from '@kipp/service-kit';
import { CSV_CONTENT_TYPE, type ExportFile } from '../export-file';
import { OutputRepository } from '../output.repository';
import { assessUnpsa } from '../unpsa-rule';

export interface UnpsaCandidate {
  proposalId: string;
  title: string;
  institutionId: string;
  institutionName: string;
  tier: AwardTier;
  innovationStartDate: string;
  yearsRunning: number;
  impactSections: { sectionId: string; words: number }[];
  reasons: string[];
}

export interface UnpsaCandidates {
  editionId: string;
  year: number;
  /** The date the innovation's age is measured at. */
  referenceDate: Date;
  candidates: UnpsaCandidate[];
}

const UNPSA_COLUMNS = [
  'proposal_id',
  'title',
  'institution',
  'tier',
  'innovation_start_date',
  'years_running',
  'impact_sections',
  'reasons',
] as const;

/** The edition's winners that qualify for a UN Public Service Awards nomination (see unpsa-rule). */
@Injectable()
export class ListUnpsaCandidatesUseCase {
  constructor(private readonly output: OutputRepository) {}

  async execute(editionId: string, now: Date = new Date()): Promise<UnpsaCandidates> {
    const { configuration } = await this.output.publishedEdition(editionId);
    const resultsPhase = configuration.calendar.find((entry) => entry.phase === 'results');
    const referenceDate = resultsPhase ? new Date(resultsPhase.startsAt) : now;
    const rows = buildAwardRows(configuration, await this.output.awardSources(editionId));
    const candidates: UnpsaCandidate[] = [];
    for (const row of rows) {
      const assessment = assessUnpsa(row.tiers, row.snapshot, referenceDate);
      if (
        !assessment.qualifies ||
        assessment.winningTier === null ||
        assessment.yearsRunning === null ||
        assessment.innovationStartDate === null
      ) {
        continue;
      }
      candidates.push({
        proposalId: row.proposalId,
        title: row.title,
        institutionId: row.institutionId,
        institutionName: row.institutionName,
        tier: assessment.winningTier,
        innovationStartDate: assessment.innovationStartDate,
        yearsRunning: assessment.yearsRunning,
        impactSections: assessment.impactSections,
        reasons: assessment.reasons,
      });
    }
    return { editionId, year: configuration.year, referenceDate, candidates };
  }

  async csv(editionId: string): Promise<ExportFile> {
    const result = await this.execute(editionId);
    const csv = toCsv(
      UNPSA_COLUMNS,
      result.candidates.map((candidate) => [
        candidate.proposalId,
        candidate.title,
        candidate.institutionName,
        candidate.tier,
        candidate.innovationStartDate,
        candidate.yearsRunning,
        candidate.impactSections.map((s) => `${s.sectionId} (${s.words})`).join('; '),
        candidate.reasons.join('; '),
      ]),
    );
    return {
      filename: `unpsa-candidates-${result.year}.csv`,
      contentType: CSV_CONTENT_TYPE,
      body: Buffer.from(csv, 'utf8'),
    };
  }
}
