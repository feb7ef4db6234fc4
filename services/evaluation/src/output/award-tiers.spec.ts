import { highestTier, highestWinningTier } from './award-tiers';

describe('award tiers', () => {
  it('should pick outstanding over top when an award reached both', () => {
    expect(highestTier(['finalist', 'top', 'outstanding'])).toBe('outstanding');
  });

  it('should pick finalist as the highest tier but no winning tier when only a finalist', () => {
    expect(highestTier(['finalist'])).toBe('finalist');
    expect(highestWinningTier(['finalist'])).toBeNull();
  });

  it('should answer null when there is no tier', () => {
    expect(highestTier([])).toBeNull();
  });
});
