import type { OptionalCategory } from '../../notification/catalogue';
import { CategoryMandatoryError } from '../preferences.errors';
import type { PreferencesRepository } from '../preferences.repository';
import {
  updatePreferencesBodySchema,
  UpdatePreferencesUseCase,
} from './update-preferences.use-case';

function useCase() {
  const saved: { optedOut: readonly OptionalCategory[]; dailyDigest: boolean }[] = [];
  const repository = {
    replace: (_accountId: string, choices: (typeof saved)[number]) => {
      saved.push(choices);
      return Promise.resolve();
    },
  } as unknown as PreferencesRepository;
  return { saved, update: new UpdatePreferencesUseCase(repository) };
}

describe('UpdatePreferencesUseCase', () => {
  it('should save optional categories once each, in catalogue order', async () => {
    const { saved, update } = useCase();

    await update.execute('acct-1', {
      optedOut: ['broadcast', 'proposal', 'broadcast'],
      dailyDigest: true,
    });

    expect(saved).toEqual([{ optedOut: ['proposal', 'broadcast'], dailyDigest: true }]);
  });

  it('should refuse a mandatory category and save nothing', async () => {
    const { saved, update } = useCase();

    await expect(
      update.execute('acct-1', { optedOut: ['reminder', 'results'], dailyDigest: false }),
    ).rejects.toThrow(CategoryMandatoryError);
    expect(saved).toEqual([]);
  });

  it('should reject an unknown category when the body is parsed', () => {
    expect(
      updatePreferencesBodySchema.safeParse({ optedOut: ['spam'], dailyDigest: false }).success,
    ).toBe(false);
  });
});
