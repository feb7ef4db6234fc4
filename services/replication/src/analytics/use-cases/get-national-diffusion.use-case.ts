import { Injectable } from '@nestjs/common';
import { ValidationError } from '@kipp/service-kit';
import { AnalyticsCache } from '../analytics.cache';
import { AnalyticsRepository } from '../analytics.repository';
import { nationalDiffusion, yearsWithData, type NationalDiffusion } from '../diffusion';

/** The widest range of years one answer covers. */
export const MAX_NATIONAL_YEARS = 50;

/**
 * National figures per year: innovations published, confirmed replications, provinces
 * reached so far and the share of innovations still active. The range defaults to the
 * years with data, up to the current one.
 */
@Injectable()
export class GetNationalDiffusionUseCase {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly cache: AnalyticsCache,
  ) {}

  async execute(
    range: { from?: number | undefined; to?: number | undefined },
    now = new Date(),
  ): Promise<NationalDiffusion> {
    if (range.from !== undefined && range.to !== undefined) checkRange(range.from, range.to);
    return this.cache.getOrCompute(`national:${range.from ?? ''}:${range.to ?? ''}`, async () => {
      const innovations = await this.repository.innovationSummaries();
      const links = await this.repository.confirmedLinkGroups();
      const thisYear = now.getUTCFullYear();
      const [first, last] = yearsWithData(innovations, links) ?? [thisYear, thisYear];
      const to = range.to ?? Math.max(last, thisYear);
      const from = range.from ?? Math.max(Math.min(first, to), to - MAX_NATIONAL_YEARS + 1);
      checkRange(from, to);
      return nationalDiffusion(innovations, links, from, to);
    });
  }
}

function checkRange(from: number, to: number): void {
  if (from > to) {
    throw new ValidationError([{ path: 'from', message: 'from must not be after to' }]);
  }
  if (to - from + 1 > MAX_NATIONAL_YEARS) {
    throw new ValidationError([
      { path: 'from', message: `at most ${MAX_NATIONAL_YEARS} years at once` },
    ]);
  }
}
