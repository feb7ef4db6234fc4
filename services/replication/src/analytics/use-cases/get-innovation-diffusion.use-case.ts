import { Injectable } from '@nestjs/common';
import { Directory } from '../../directory/directory';
import { AnalyticsCache } from '../analytics.cache';
import { InnovationNotFoundError } from '../analytics.errors';
import { AnalyticsRepository } from '../analytics.repository';
import {
  innovationDiffusion,
  type ConfirmedLinkFacts,
  type DiffusionReach,
  type InnovationDiffusion,
} from '../diffusion';

/** How many steps of replication the graph follows (innovation → adopter → its innovation …). */
export const DIFFUSION_GRAPH_DEPTH = 3;

/**
 * An innovation's replications, the provinces they reach, the time to the first one and
 * the diffusion graph, following adopters' own innovations in the database further.
 */
@Injectable()
export class GetInnovationDiffusionUseCase {
  constructor(
    private readonly repository: AnalyticsRepository,
    private readonly directory: Directory,
    private readonly cache: AnalyticsCache,
  ) {}

  async execute(innovationId: string): Promise<InnovationDiffusion> {
    return this.cache.getOrCompute(`innovation:${innovationId}`, async () =>
      innovationDiffusion(await this.reach(innovationId)),
    );
  }

  private async reach(innovationId: string): Promise<DiffusionReach> {
    const root = await this.repository.innovation(innovationId);
    if (!root) throw new InnovationNotFoundError(innovationId);

    const innovations: DiffusionReach['innovations'] = [{ innovation: root, depth: 0 }];
    const seenInnovations = new Set([root.innovationId]);
    const seenInstitutions = new Set([root.institutionId]);
    const links: ConfirmedLinkFacts[] = [];
    let level = [root.innovationId];
    for (let depth = 1; depth <= DIFFUSION_GRAPH_DEPTH && level.length > 0; depth += 1) {
      const found = await this.repository.confirmedLinksOf(level);
      links.push(...found);
      const adopters = [...new Set(found.map((link) => link.adopterInstitutionId))].filter(
        (id) => !seenInstitutions.has(id),
      );
      adopters.forEach((id) => seenInstitutions.add(id));
      if (depth === DIFFUSION_GRAPH_DEPTH) break;
      const next = (await this.repository.innovationsOf(adopters)).filter(
        (innovation) => !seenInnovations.has(innovation.innovationId),
      );
      next.forEach((innovation) => {
        seenInnovations.add(innovation.innovationId);
        innovations.push({ innovation, depth });
      });
      level = next.map((innovation) => innovation.innovationId);
    }

    const registry = await this.directory.institutionsById([...seenInstitutions]);
    const institutions = new Map(
      [...registry].map(([id, entry]) => [
        id,
        { name: entry.name, provinceCode: entry.provinceCode },
      ]),
    );
    return { root, innovations, links, institutions };
  }
}
