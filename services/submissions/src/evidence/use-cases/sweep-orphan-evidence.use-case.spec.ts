import type { EvidenceStorage } from '../evidence-storage';
import type { EvidenceRepository } from '../evidence.repository';
import { SweepOrphanEvidenceUseCase } from './sweep-orphan-evidence.use-case';

const NOW = new Date('2027-03-01T03:00:00.000Z');
const HOUR = 3_600_000;

function setUp(pages: string[][], referenced: readonly string[]) {
  const listStoredBefore = jest.fn((_before: Date, _pageSize: number) =>
    (async function* () {
      await Promise.resolve();
      yield* pages;
    })(),
  );
  const storage = {
    putStream: jest.fn(),
    describe: jest.fn(),
    get: jest.fn(),
    delete: jest.fn(() => Promise.resolve()),
    listStoredBefore,
  } satisfies EvidenceStorage;
  const repository = {
    referencedFileIds: jest.fn((ids: readonly string[]) =>
      Promise.resolve(new Set(ids.filter((id) => referenced.includes(id)))),
    ),
  } as unknown as EvidenceRepository;
  const useCase = new SweepOrphanEvidenceUseCase(repository, storage, {
    intervalMs: HOUR,
    minAgeMs: HOUR,
    pageSize: 2,
  });
  return { useCase, storage, listStoredBefore };
}

describe('SweepOrphanEvidenceUseCase', () => {
  it('should delete only the files no proposal references when it sweeps', async () => {
    const { useCase, storage } = setUp([['f1', 'f2'], ['f3']], ['f2']);

    await expect(useCase.execute(NOW)).resolves.toBe(2);

    expect(storage.delete.mock.calls.map(([id]: unknown[]) => id)).toEqual(['f1', 'f3']);
  });

  it('should only look at files older than the minimum age when it lists the storage', async () => {
    const { useCase, listStoredBefore } = setUp([], []);

    await useCase.execute(NOW);

    expect(listStoredBefore).toHaveBeenCalledWith(new Date(NOW.getTime() - HOUR), 2);
  });

  it('should delete nothing when every old file is referenced', async () => {
    const { useCase, storage } = setUp([['f1']], ['f1']);

    await expect(useCase.execute(NOW)).resolves.toBe(0);
    expect(storage.delete).not.toHaveBeenCalled();
  });
});
