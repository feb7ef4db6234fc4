import type { AwardTier } from '@kipp/contracts';

/** A source innovation as the eligibility checks see it. */
export interface KnownInnovation {
  readonly innovationId: string;
  readonly title: string;
  readonly institutionId: string;
  readonly tiers: readonly AwardTier[];
}

/** An award one institution received in one edition, from either source. */
export interface InstitutionAward {
  readonly editionId: string;
  readonly year: number;
  readonly title: string;
  readonly tiers: readonly AwardTier[];
}

/**
 * What eligibility needs from the innovation database and the award history. An abstract
 * class so it is both the injection token and the shape a test fake implements.
 */
export abstract class InnovationLookup {
  /** The innovations among `innovationIds` that the projection holds (unknown ones are absent). */
  abstract findInnovations(innovationIds: readonly string[]): Promise<KnownInnovation[]>;

  /**
   * Every award of the institution: evaluation's (recent editions) and the innovation
   * database's (earlier ones, incl. editions before this platform); may repeat an edition.
   */
  abstract awardsOf(institutionId: string): Promise<InstitutionAward[]>;
}
