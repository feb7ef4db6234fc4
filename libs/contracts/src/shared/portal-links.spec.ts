import { portalLinkPatternOf } from './portal-links';

describe('portal link patterns', () => {
  it('should match a path by its fixed segments and non-empty parameters', () => {
    expect(portalLinkPatternOf('/proposals/prop_1')).toBe('/proposals/:proposalId');
    expect(portalLinkPatternOf('/proposals/prop_1/results')).toBe('/proposals/:proposalId/results');
    expect(portalLinkPatternOf('/innovations/inn_1/check-ins/chk_1')).toBe(
      '/innovations/:innovationId/check-ins/:checkInId',
    );
    expect(portalLinkPatternOf('/inbox')).toBe('/inbox');
  });

  it('should match nothing for an unknown page, an empty parameter or a longer path', () => {
    expect(portalLinkPatternOf('/certificates/verify/KIPP-1')).toBeNull();
    expect(portalLinkPatternOf('/proposals/')).toBeNull();
    expect(portalLinkPatternOf('/proposals/prop_1/results/extra')).toBeNull();
    expect(portalLinkPatternOf('/proposals/prop_1/unknown')).toBeNull();
  });
});
