import {
  innovationDiffusion,
  nationalDiffusion,
  provinceDiffusion,
  yearsWithData,
  type ConfirmedLinkFacts,
  type InnovationFacts,
  type LinkGroup,
} from './diffusion';

const innovation = (id: string, over: Partial<InnovationFacts> = {}): InnovationFacts => ({
  innovationId: id,
  title: `Innovation ${id}`,
  institutionId: `inst_${id}`,
  institutionName: `Institution ${id}`,
  provinceCode: '32',
  status: 'active',
  awardYears: [2024],
  publishedAt: new Date('2024-11-01T00:00:00.000Z'),
  ...over,
});

const link = (
  replicationId: string,
  innovationId: string,
  adopter: string,
  province: string | null,
  recordedAt: string,
): ConfirmedLinkFacts => ({
  replicationId,
  innovationId,
  adopterInstitutionId: adopter,
  adopterProvinceCode: province,
  status: 'implemented',
  recordedAt: new Date(recordedAt),
  confirmedAt: null,
});

describe('innovationDiffusion', () => {
  const root = innovation('a');
  const adopterInnovation = innovation('b', { institutionId: 'inst_b', provinceCode: '34' });
  const reach = {
    root,
    innovations: [
      { innovation: root, depth: 0 },
      { innovation: adopterInnovation, depth: 1 },
    ],
    links: [
      link('rep_2', 'a', 'inst_c', '35', '2025-03-01T00:00:00.000Z'),
      link('rep_1', 'a', 'inst_b', '34', '2025-01-11T00:00:00.000Z'),
      link('rep_3', 'b', 'inst_d', '3578', '2025-06-01T00:00:00.000Z'),
    ],
    institutions: new Map([
      ['inst_b', { name: 'Kota Yogyakarta', provinceCode: '34' }],
      ['inst_c', { name: 'Kota Malang', provinceCode: '35' }],
    ]),
  };

  it('should count direct replications, provinces and days to the first one', () => {
    const figures = innovationDiffusion(reach);

    expect(figures.replications).toBe(2);
    expect(figures.adopters.map((a) => [a.institutionId, a.name, a.provinceCode])).toEqual([
      ['inst_b', 'Kota Yogyakarta', '34'],
      ['inst_c', 'Kota Malang', '35'],
    ]);
    expect(figures.provincesReached).toEqual({ count: 2, provinceCodes: ['34', '35'] });
    expect(figures.timeToFirstReplicationDays).toBe(71);
  });

  it('should draw the second-order spread through the adopter’s own innovation', () => {
    const { nodes, edges } = innovationDiffusion(reach).graph;

    expect(nodes.map((n) => [n.id, n.depth])).toEqual(
      expect.arrayContaining([
        ['innovation:a', 0],
        ['institution:inst_a', 0],
        ['institution:inst_b', 1],
        ['innovation:b', 1],
        ['institution:inst_d', 2],
      ]),
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          from: 'institution:inst_b',
          to: 'innovation:b',
          kind: 'owns',
          replicationId: null,
          status: null,
        },
        {
          from: 'innovation:b',
          to: 'institution:inst_d',
          kind: 'replicates',
          replicationId: 'rep_3',
          status: 'implemented',
        },
      ]),
    );
  });

  it('should give no time to first replication when there is none', () => {
    const figures = innovationDiffusion({
      ...reach,
      links: [],
      innovations: [reach.innovations[0]!],
    });

    expect(figures.replications).toBe(0);
    expect(figures.timeToFirstReplicationDays).toBeNull();
    expect(figures.graph.edges).toEqual([
      {
        from: 'institution:inst_a',
        to: 'innovation:a',
        kind: 'owns',
        replicationId: null,
        status: null,
      },
    ]);
  });
});

describe('provinceDiffusion and nationalDiffusion', () => {
  const innovations = [
    innovation('a', { provinceCode: '32', awardYears: [2023, 2025] }),
    innovation('b', { provinceCode: '3273', status: 'stopped', awardYears: [2024] }),
    innovation('c', { provinceCode: '34', status: 'lapsed', awardYears: [] }),
  ];
  const groups: LinkGroup[] = [
    { innovationId: 'a', adopterProvinceCode: '34', year: 2024, count: 2 },
    { innovationId: 'a', adopterProvinceCode: '3578', year: 2025, count: 1 },
    { innovationId: 'c', adopterProvinceCode: '32', year: 2025, count: 1 },
  ];

  it('should count innovations, replications in and out and statuses per province', () => {
    const all = provinceDiffusion(innovations, groups);
    const of = (code: string) => all.find((p) => p.provinceCode === code);

    expect(all).toHaveLength(38);
    expect(of('32')).toEqual({
      provinceCode: '32',
      innovations: 2,
      replicationsIn: 1,
      replicationsOut: 3,
      byStatus: { active: 1, scaled: 0, stopped: 1, lapsed: 0 },
    });
    expect(of('34')).toMatchObject({ innovations: 1, replicationsIn: 2, replicationsOut: 1 });
    expect(of('35')).toMatchObject({ innovations: 0, replicationsIn: 1, replicationsOut: 0 });
  });

  it('should give the national series by award and recording year', () => {
    expect(yearsWithData(innovations, groups)).toEqual([2023, 2025]);
    const national = nationalDiffusion(innovations, groups, 2023, 2025);

    expect(national.years).toEqual([
      {
        year: 2023,
        innovationsPublished: 1,
        confirmedReplications: 0,
        provincesReachedCumulative: 0,
        activeShare: 1,
      },
      {
        year: 2024,
        innovationsPublished: 2,
        confirmedReplications: 2,
        provincesReachedCumulative: 1,
        activeShare: 0.3333,
      },
      {
        year: 2025,
        innovationsPublished: 0,
        confirmedReplications: 2,
        provincesReachedCumulative: 3,
        activeShare: 0.3333,
      },
    ]);
    expect(national.totals).toEqual({
      innovations: 3,
      confirmedReplications: 4,
      innovationsReplicated: 2,
      provincesReached: 3,
      activeShare: 0.3333,
    });
  });
});
