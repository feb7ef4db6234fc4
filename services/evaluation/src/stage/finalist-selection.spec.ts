import type { RepresentationRule } from '@kipp/contracts';
import { selectFinalists, type FinalistCandidate } from './finalist-selection';

function candidate(
  rank: number,
  attributes: Partial<FinalistCandidate['attributes']> = {},
): FinalistCandidate {
  return {
    proposalId: `p${String(rank).padStart(2, '0')}`,
    rank,
    score: 100 - rank,
    attributes: {
      category: 'health',
      group: 'general',
      'institution-type': 'regency',
      province: '32',
      'disadvantaged-region': 'false',
      institution: `inst_${rank}`,
      ...attributes,
    },
  };
}

const finalists = (selection: Awaited<ReturnType<typeof selectFinalists>>) =>
  selection.entries.filter((e) => e.advanced).map((e) => e.proposalId);

const rule = (r: Partial<RepresentationRule> & Pick<RepresentationRule, 'dimension'>) => ({
  value: null,
  min: null,
  max: null,
  ...r,
});

describe('selectFinalists', () => {
  it('should take the best by rank when there are no rules', async () => {
    const selection = await selectFinalists(
      [candidate(3), candidate(1), candidate(2), candidate(4)],
      [],
      { general: 2, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p02']);
    expect(selection.report.diff).toEqual({ added: [], removed: [] });
  });

  it('should bring in the best 3T candidate and push out the worst finalist when a min is short', async () => {
    const selection = await selectFinalists(
      [
        candidate(1),
        candidate(2),
        candidate(3),
        candidate(4, { 'disadvantaged-region': 'true' }),
        candidate(5, { 'disadvantaged-region': 'true' }),
      ],
      [rule({ dimension: 'disadvantaged-region', value: 'true', min: 1 })],
      { general: 3, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p02', 'p04']);
    const [report] = selection.report.rules;
    expect(report?.broughtIn).toEqual([{ proposalId: 'p04', rank: 4, score: 96 }]);
    expect(report?.pushedOut).toEqual([{ proposalId: 'p03', rank: 3, score: 97 }]);
    expect(report?.constraints).toEqual([
      { value: 'true', min: 1, max: null, pureCount: 0, finalCount: 1, available: 2 },
    ]);
    expect(selection.report.diff.added.map((p) => p.proposalId)).toEqual(['p04']);
    expect(selection.report.diff.removed.map((p) => p.proposalId)).toEqual(['p03']);
  });

  it('should never exceed a max per institution and fill the slot with the next best when one is hit', async () => {
    const selection = await selectFinalists(
      [
        candidate(1, { institution: 'x' }),
        candidate(2, { institution: 'x' }),
        candidate(3, { institution: 'x' }),
        candidate(4, { institution: 'y' }),
      ],
      [rule({ dimension: 'institution', max: 2 })],
      { general: 3, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p02', 'p04']);
    expect(selection.report.rules[0]?.pushedOut.map((p) => p.proposalId)).toEqual(['p03']);
    expect(selection.report.rules[0]?.broughtIn.map((p) => p.proposalId)).toEqual(['p04']);
  });

  it('should satisfy a min per value for every category present when the value is null', async () => {
    const selection = await selectFinalists(
      [
        candidate(1),
        candidate(2),
        candidate(3),
        candidate(4, { category: 'governance' }),
        candidate(5, { category: 'education' }),
      ],
      [rule({ dimension: 'category', min: 1 })],
      { general: 3, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p04', 'p05']);
    expect(selection.report.infeasible).toEqual([]);
  });

  it('should keep a met min when repairing another one', async () => {
    const selection = await selectFinalists(
      [
        candidate(1, { category: 'governance' }),
        candidate(2),
        candidate(3, { 'disadvantaged-region': 'true' }),
      ],
      [
        rule({ dimension: 'category', value: 'governance', min: 1 }),
        rule({ dimension: 'disadvantaged-region', value: 'true', min: 1 }),
      ],
      { general: 2, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p03']);
  });

  it('should report a min as infeasible when too few candidates have the value', async () => {
    const selection = await selectFinalists(
      [candidate(1), candidate(2), candidate(3, { 'disadvantaged-region': 'true' })],
      [rule({ dimension: 'disadvantaged-region', value: 'true', min: 2 })],
      { general: 3, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p02', 'p03']);
    expect(selection.report.infeasible).toEqual([
      {
        ruleIndex: 0,
        dimension: 'disadvantaged-region',
        value: 'true',
        min: 2,
        achieved: 1,
        reason: 'NOT_ENOUGH_CANDIDATES',
      },
    ]);
  });

  it('should swap within the same institution when that meets a min without exceeding its max', async () => {
    const selection = await selectFinalists(
      [
        candidate(1, { institution: 'x' }),
        candidate(2, { institution: 'x', category: 'governance' }),
        candidate(3, { institution: 'y' }),
      ],
      [
        rule({ dimension: 'institution', value: 'x', max: 1 }),
        rule({ dimension: 'category', value: 'governance', min: 1 }),
      ],
      { general: 2, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p02', 'p03']);
    expect(selection.report.infeasible).toEqual([]);
  });

  it('should swap out a finalist sharing a max when the pool has room but the max blocks a needed candidate', async () => {
    const selection = await selectFinalists(
      [
        candidate(1, { institution: 'x' }),
        candidate(2, { institution: 'x', category: 'governance' }),
        candidate(3, { institution: 'y' }),
      ],
      [
        rule({ dimension: 'institution', value: 'x', max: 1 }),
        rule({ dimension: 'category', value: 'governance', min: 1 }),
      ],
      { general: 3, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p02', 'p03']);
    expect(selection.report.rules[1]?.pushedOut.map((p) => p.proposalId)).toEqual(['p01']);
    expect(selection.report.infeasible).toEqual([]);
  });

  it('should report a min instead of exceeding a max when the two conflict', async () => {
    const selection = await selectFinalists(
      [
        candidate(1, { institution: 'y' }),
        candidate(2, { institution: 'x', category: 'governance' }),
        candidate(3, { institution: 'z' }),
      ],
      [
        rule({ dimension: 'institution', value: 'x', max: 0 }),
        rule({ dimension: 'category', value: 'governance', min: 1 }),
      ],
      { general: 2, special: 0 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p03']);
    expect(selection.report.infeasible[0]?.reason).toBe('CONFLICTS_WITH_OTHER_RULES_OR_SIZES');
  });

  it('should size the special group on its own when general and replication share a size', async () => {
    const selection = await selectFinalists(
      [
        candidate(1),
        candidate(2, { group: 'replication' }),
        candidate(3, { group: 'special' }),
        candidate(4, { group: 'special' }),
        candidate(5),
      ],
      [],
      { general: 2, special: 1 },
    );
    expect(finalists(selection)).toEqual(['p01', 'p02', 'p03']);
  });

  it('should give the same finalists when the input order changes', async () => {
    const pool = Array.from({ length: 40 }, (_, i) =>
      candidate(i + 1, {
        category: ['health', 'governance', 'education'][i % 3] as string,
        'disadvantaged-region': i % 5 === 0 ? 'true' : 'false',
        institution: `inst_${i % 6}`,
      }),
    );
    const rules = [
      rule({ dimension: 'category', min: 3 }),
      rule({ dimension: 'disadvantaged-region', value: 'true', min: 4 }),
      rule({ dimension: 'institution', max: 3 }),
    ];
    const once = await selectFinalists(pool, rules, { general: 12, special: 0 });
    const again = await selectFinalists([...pool].reverse(), rules, { general: 12, special: 0 });
    expect(finalists(again)).toEqual(finalists(once));
    expect(finalists(once)).toHaveLength(12);
    expect(once.report.infeasible).toEqual([]);
    const chosen = pool.filter((c) => finalists(once).includes(c.proposalId));
    const perInstitution = new Map<string, number>();
    for (const c of chosen) {
      const inst = c.attributes.institution as string;
      perInstitution.set(inst, (perInstitution.get(inst) ?? 0) + 1);
    }
    expect(Math.max(...perInstitution.values())).toBeLessThanOrEqual(3);
    expect(
      chosen.filter((c) => c.attributes['disadvantaged-region'] === 'true').length,
    ).toBeGreaterThanOrEqual(4);
  });
});
