import { Injectable } from '@nestjs/common';
import { AnalyticsCache } from '../analytics.cache';
import { AnalyticsRepository } from '../analytics.repository';
import { provinceDiffusion, type ProvinceDiffusion } from '../diffusion';
import type { ProvinceCode } from '@kipp/contracts';

/** Innovations, replications in and out and statuses of every province (or of one). */
@Injectable()
export class GetProvinceDiffusionUseCase {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly cache: AnalyticsCache,
  ) {}

  async all(): Promise<ProvinceDiffusion[]> {
    return this.cache.getOrCompute('provinces', async () => {
      const innovations = await this.repository.innovationSummaries();
      const links = await this.repository.confirmedLinkGroups();
      return provinceDiffusion(innovations, links);
    });
  }

  async one(provinceCode: ProvinceCode): Promise<ProvinceDiffusion> {
    const all = await this.all();
    // Every known province is in the list, with zeros when it has nothing yet.
    const found = all.find((province) => province.provinceCode === provinceCode);
    if (!found) throw new Error(`province ${provinceCode} is missing from the figures`);
    return found;
  }
}
