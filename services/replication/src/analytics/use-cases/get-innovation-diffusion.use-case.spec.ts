import type { Directory } from '../../directory/directory';
import type { InstitutionEntry } from '../../directory/directory.schema';
import type { AnalyticsCache } from '../analytics.cache';
import { InnovationNotFoundError } from '../analytics.errors';
import type { AnalyticsRepository } from '../analytics.repository';
import type { ConfirmedLinkFacts, InnovationFacts } from '../diffusion';
import { GetInnovationDiffusionUseCase } from './get-innovation-diffusion.use-case';

const innovation = (id: string, institutionId: string): InnovationFacts => ({
  innovationId: id,
  title: `Inovasi ${id}`,
  institutionId,
  institutionName: institutionId,
  provinceCode: '32',
  status: 'active',
  awardYears: [2024],
  publishedAt: new Date('2024-12-01T00:00:00.000Z'),
});

const link = (
  replicationId: string,
  innovationId: string,
  adopter: string,
): ConfirmedLinkFacts => ({
  replicationId,
  innovationId,
  adopterInstitutionId: adopter,
  adopterProvinceCode: '34',
  status: 'plan',
  recordedAt: new Date('2025-01-01T00:00:00.000Z'),
  confirmedAt: null,
});

/** A chain a → B → b → C → c → D → d → E, and B's innovation also adopted back by A. */
function useCase() {
  const innovations = [
    innovation('a', 'A'),
    innovation('b', 'B'),
    innovation('c', 'C'),
    innovation('d', 'D'),
  ];
  const links = [
    link('r1', 'a', 'B'),
    link('r2', 'b', 'C'),
    link('r3', 'c', 'D'),
    link('r4', 'd', 'E'),
    link('r5', 'b', 'A'),
  ];
  const repository = {
    innovation: (id: string) =>
      Promise.resolve(innovations.find((i) => i.innovationId === id) ?? null),
    innovationsOf: (ids: readonly string[]) =>
      Promise.resolve(innovations.filter((i) => ids.includes(i.institutionId))),
    confirmedLinksOf: (ids: readonly string[]) =>
      Promise.resolve(links.filter((l) => ids.includes(l.innovationId))),
  } as unknown as AnalyticsRepository;
  const directory = {
    institutionsById: () => Promise.resolve(new Map<string, InstitutionEntry>()),
  } as unknown as Directory;
  const cache = {
    getOrCompute: <T>(_key: string, compute: () => Promise<T>) => compute(),
  } as unknown as AnalyticsCache;
  return new GetInnovationDiffusionUseCase(repository, directory, cache);
}

describe('GetInnovationDiffusionUseCase', () => {
  it('should stop after three steps and not loop when an adopter adopts back', async () => {
    const { graph, replications } = await useCase().execute('a');

    expect(replications).toBe(1);
    expect(
      graph.edges
        .filter((e) => e.kind === 'replicates')
        .map((e) => e.replicationId)
        .sort(),
    ).toEqual(['r1', 'r2', 'r3', 'r5']);
    expect(graph.nodes.map((n) => n.id)).not.toContain('innovation:d');
    expect(graph.nodes.find((n) => n.id === 'institution:A')?.depth).toBe(0);
  });

  it('should throw INNOVATION_NOT_FOUND for an unknown innovation', async () => {
    await expect(useCase().execute('zz')).rejects.toBeInstanceOf(InnovationNotFoundError);
  });
});
