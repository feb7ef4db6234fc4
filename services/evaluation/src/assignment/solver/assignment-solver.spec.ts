import {
  EXPERTISE_MISMATCH_COST,
  solveAssignment,
  type SolverEvaluator,
  type SolverInput,
  type SolverProposal,
} from './assignment-solver';

function proposal(id: string, overrides: Partial<SolverProposal> = {}): SolverProposal {
  return {
    id,
    institutionId: `inst_${id}`,
    institutionName: `Institution ${id}`,
    institutionType: 'ministry',
    provinceCode: null,
    categoryId: 'health',
    needed: 3,
    ...overrides,
  };
}

function evaluator(id: string, overrides: Partial<SolverEvaluator> = {}): SolverEvaluator {
  return {
    id,
    affiliation: `University ${id}`,
    homeProvinceCode: '31',
    pastEngagementInstitutionIds: [],
    declaredConflictInstitutionIds: [],
    expertiseCategoryIds: ['health'],
    currentLoad: 0,
    ...overrides,
  };
}

const ids = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

function loadsOf(result: ReturnType<typeof solveAssignment>): number[] {
  return Object.values(result.loads);
}

describe('solveAssignment', () => {
  it('should give every proposal k evaluators when enough are eligible', () => {
    const result = solveAssignment({
      proposals: ids(10, 'p').map((id) => proposal(id)),
      evaluators: ids(6, 'e').map((id) => evaluator(id)),
      maxLoad: 10,
      existingPairs: [],
    });
    expect(result.pairs).toHaveLength(30);
    expect(result.shortfalls).toEqual([]);
    for (const id of ids(10, 'p')) {
      const evaluators = result.pairs.filter((p) => p.proposalId === id).map((p) => p.evaluatorId);
      expect(new Set(evaluators).size).toBe(3);
    }
  });

  it('should exclude an evaluator affiliated with the institution when names match loosely', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { institutionName: 'Kota  Bandung', needed: 1 })],
      evaluators: [evaluator('e1', { affiliation: 'kota bandung' }), evaluator('e2')],
      maxLoad: 5,
      existingPairs: [],
    });
    expect(result.pairs.map((p) => p.evaluatorId)).toEqual(['e2']);
    expect(result.exclusions[0]?.excluded).toEqual([{ evaluatorId: 'e1', reason: 'affiliation' }]);
  });

  it('should exclude past engagements and declared conflicts when they name the institution', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { needed: 3 })],
      evaluators: [
        evaluator('e1', { pastEngagementInstitutionIds: ['inst_p1'] }),
        evaluator('e2', { declaredConflictInstitutionIds: ['inst_p1'] }),
        evaluator('e3'),
      ],
      maxLoad: 5,
      existingPairs: [],
    });
    expect(result.pairs.map((p) => p.evaluatorId)).toEqual(['e3']);
    expect(result.exclusions[0]?.excluded).toEqual([
      { evaluatorId: 'e1', reason: 'past-engagement' },
      { evaluatorId: 'e2', reason: 'declared-conflict' },
    ]);
    expect(result.shortfalls).toEqual([
      expect.objectContaining({ proposalId: 'p1', needed: 3, assigned: 1, eligibleEvaluators: 1 }),
    ]);
  });

  it('should exclude a home-province evaluator only when the proposal comes from a Pemda', () => {
    const evaluators = [evaluator('e1', { homeProvinceCode: '32' }), evaluator('e2')];
    const result = solveAssignment({
      proposals: [
        proposal('city', { institutionType: 'city', provinceCode: '32', needed: 2 }),
        proposal('regency', { institutionType: 'regency', provinceCode: '32', needed: 2 }),
        proposal('province', { institutionType: 'province', provinceCode: '32', needed: 2 }),
        proposal('bumd', { institutionType: 'bumd', provinceCode: '32', needed: 2 }),
      ],
      evaluators,
      maxLoad: 10,
      existingPairs: [],
    });
    for (const pemda of ['city', 'regency', 'province']) {
      expect(result.pairs.filter((p) => p.proposalId === pemda).map((p) => p.evaluatorId)).toEqual([
        'e2',
      ]);
      expect(result.exclusions.find((e) => e.proposalId === pemda)?.excluded).toEqual([
        { evaluatorId: 'e1', reason: 'same-province' },
      ]);
    }
    expect(result.pairs.filter((p) => p.proposalId === 'bumd')).toHaveLength(2);
  });

  it('should never repeat an existing pair when it is listed', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { needed: 1 })],
      evaluators: [evaluator('e1'), evaluator('e2')],
      maxLoad: 5,
      existingPairs: [{ proposalId: 'p1', evaluatorId: 'e1' }],
    });
    expect(result.pairs.map((p) => p.evaluatorId)).toEqual(['e2']);
    expect(result.exclusions[0]?.excluded).toEqual([
      { evaluatorId: 'e1', reason: 'already-paired' },
    ]);
  });

  it('should respect the maximum load when demand exceeds capacity', () => {
    const result = solveAssignment({
      proposals: ids(10, 'p').map((id) => proposal(id, { needed: 2 })),
      evaluators: [evaluator('e1', { currentLoad: 2 }), evaluator('e2'), evaluator('e3')],
      maxLoad: 4,
      existingPairs: [],
    });
    expect(result.loads).toEqual({ e1: 4, e2: 4, e3: 4 });
    expect(result.pairs).toHaveLength(10);
    expect(result.shortfalls.reduce((sum, s) => sum + s.needed - s.assigned, 0)).toBe(10);
    expect(result.shortfalls[0]?.why).toMatch(/maximum load/);
  });

  it('should exclude an evaluator at full load when the run starts', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { needed: 1 })],
      evaluators: [evaluator('e1', { currentLoad: 3 }), evaluator('e2')],
      maxLoad: 3,
      existingPairs: [],
    });
    expect(result.exclusions[0]?.excluded).toEqual([{ evaluatorId: 'e1', reason: 'max-load' }]);
  });

  it('should balance loads within one when nothing else differs', () => {
    const result = solveAssignment({
      proposals: ids(37, 'p').map((id) => proposal(id)),
      evaluators: ids(10, 'e').map((id) => evaluator(id)),
      maxLoad: 40,
      existingPairs: [],
    });
    const loads = loadsOf(result);
    expect(result.pairs).toHaveLength(111);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('should take existing loads into account when balancing', () => {
    const result = solveAssignment({
      proposals: ids(4, 'p').map((id) => proposal(id, { needed: 1 })),
      evaluators: [evaluator('e1', { currentLoad: 4 }), evaluator('e2')],
      maxLoad: 10,
      existingPairs: [],
    });
    expect(result.loads).toEqual({ e1: 4, e2: 4 });
  });

  it('should prefer the evaluator whose expertise matches the category when loads are equal', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { categoryId: 'governance', needed: 1 })],
      evaluators: [evaluator('e1'), evaluator('e2', { expertiseCategoryIds: ['governance'] })],
      maxLoad: 5,
      existingPairs: [],
    });
    expect(result.pairs).toEqual([
      expect.objectContaining({
        evaluatorId: 'e2',
        factors: expect.arrayContaining([
          'expertise matches category governance',
          'load 1 of 5 after assignment',
        ]) as string[],
      }),
    ]);
  });

  it('should explain a pair without matching expertise with its higher cost', () => {
    const result = solveAssignment({
      proposals: [proposal('p1', { categoryId: 'governance', needed: 1 })],
      evaluators: [evaluator('e1')],
      maxLoad: 5,
      existingPairs: [],
    });
    expect(result.pairs[0]?.cost).toBeGreaterThanOrEqual(EXPERTISE_MISMATCH_COST);
    expect(result.pairs[0]?.factors[0]).toBe('no listed expertise in category governance');
  });

  describe('determinism', () => {
    const input: SolverInput = {
      proposals: ids(40, 'p').map((id, i) =>
        proposal(id, {
          categoryId: i % 3 === 0 ? 'governance' : 'health',
          institutionType: i % 2 === 0 ? 'city' : 'agency',
          provinceCode: String(30 + (i % 4)),
        }),
      ),
      evaluators: ids(12, 'e').map((id, j) =>
        evaluator(id, {
          homeProvinceCode: String(30 + (j % 4)),
          expertiseCategoryIds: j % 2 === 0 ? ['governance'] : ['health'],
          declaredConflictInstitutionIds: [`inst_p${String(j).padStart(3, '0')}`],
        }),
      ),
      maxLoad: 12,
      existingPairs: [{ proposalId: 'p001', evaluatorId: 'e003' }],
    };

    it('should give identical output when the same input is solved twice', () => {
      expect(solveAssignment(input)).toEqual(solveAssignment(input));
    });

    it('should give identical output when the input order is shuffled', () => {
      const shuffled: SolverInput = {
        ...input,
        proposals: [...input.proposals].reverse(),
        evaluators: [...input.evaluators.slice(5), ...input.evaluators.slice(0, 5)],
      };
      expect(solveAssignment(shuffled)).toEqual(solveAssignment(input));
    });
  });
});
