import { PROVINCE_CODES } from '@kipp/contracts';
import { ApiError } from '../../api/api-error';
import { adoptionsPerYear, groupResults, spreadSteps, tierCounts, topProvinces } from './diffusion';
import { currentEdition, editionOfYear, yearsBetween } from './editions';
import {
  checkObjection,
  objectionFormData,
  parseWibText,
  windowOfClosedError,
  windowState,
} from './objection-form';
import { PROVINCES, provinceName, shadeOf, shadeRanges } from './provinces';
import type {
  InnovationDiffusion,
  InnovationRow,
  PublicResult,
  RegisteredEdition,
} from './public-api';
import {
  activeFilterCount,
  formFromQuery,
  institutionOfInput,
  isInstitutionReference,
  paramsFromQuery,
  queryFromForm,
  queryFromParams,
  regionCodeOf,
} from './search-state';

describe('search state in the URL', () => {
  it('should read every filter and leave out what the service would refuse', () => {
    const query = queryFromParams(
      new URLSearchParams(
        'q=antrean+online&year=2023&tier=top&province=35&status=bogus&page=0&sort=title&sdg=3.8',
      ),
    );
    expect(query).toEqual({
      q: 'antrean online',
      year: 2023,
      tier: 'top',
      province: '35',
      sort: 'title',
      sdg: '3.8',
    });
    expect(
      queryFromParams(new URLSearchParams('province=99&year=1999&institutionType=ministry')),
    ).toEqual({
      institutionType: 'ministry',
    });
  });

  it('should write a stable URL without page 1 and read it back to the same search', () => {
    const query = { page: 1, q: 'kesehatan', status: 'active', year: 2022 } as const;
    const params = paramsFromQuery(query);
    expect(params.toString()).toBe('q=kesehatan&year=2022&status=active');
    expect(queryFromParams(params)).toEqual({ q: 'kesehatan', year: 2022, status: 'active' });
    expect(paramsFromQuery({ ...query, page: 3 }).get('page')).toBe('3');
  });

  it('should start a search from the form at page 1 and count only the filters', () => {
    const form = { ...formFromQuery({ page: 4, q: 'x' }), province: '51', tier: 'outstanding' };
    const query = queryFromForm(form);
    expect(query).toEqual({ q: 'x', province: '51', tier: 'outstanding' });
    expect(activeFilterCount(query)).toBe(2);
  });

  it('should turn a regency or city region code into its government institution and show it back as the code', () => {
    expect(institutionOfInput(' 32.73 ')).toBe('inst_3273');
    expect(institutionOfInput('3578')).toBe('inst_3578');
    expect(institutionOfInput('inst_kemenkes')).toBe('inst_kemenkes');
    const query = queryFromForm({ ...formFromQuery({}), institution: '32.73' });
    expect(query).toEqual({ institution: 'inst_3273' });
    expect(formFromQuery(query).institution).toBe('32.73');
    expect(regionCodeOf('inst_kemenkes')).toBeNull();
    expect(formFromQuery({ institution: 'inst_kemenkes' }).institution).toBe('inst_kemenkes');
  });

  it('should take region codes and institution ids as typed, and leave names to be chosen', () => {
    for (const input of ['', '  ', '32.73', ' 3578 ', 'inst_kemenkes'])
      expect(isInstitutionReference(input)).toBe(true);
    for (const input of ['Kota Bandung', 'bandung', '32.7', 'kemenkes'])
      expect(isInstitutionReference(input)).toBe(false);
  });
});

describe('province tiles', () => {
  it('should place all 38 provinces on distinct tiles with a name each', () => {
    expect(PROVINCES.map((p) => p.code)).toEqual(PROVINCE_CODES);
    const places = new Set(PROVINCES.map((p) => `${p.column},${p.row}`));
    expect(places.size).toBe(38);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(38);
    expect(provinceName('3578')).toBe('Jawa Timur');
    expect(provinceName(null)).toBeNull();
  });

  it('should shade zero apart and put every value in the legend range of its shade', () => {
    expect(shadeOf(0, 10)).toBe(0);
    expect(shadeOf(1, 1000)).toBe(1);
    expect(shadeOf(10, 10)).toBe(4);
    for (const max of [1, 3, 7, 40]) {
      const ranges = shadeRanges(max);
      for (let value = 0; value <= max; value += 1) {
        const shade = shadeOf(value, max);
        const range = ranges.find((r) => r.shade === shade);
        expect(range).toBeDefined();
        expect(value >= range!.from && value <= range!.to).toBe(true);
      }
    }
  });
});

describe('objection form', () => {
  const pdf = (size: number, name = 'bukti.pdf', type = 'application/pdf') =>
    new File([new Uint8Array(size)], name, { type });
  const draft = {
    proposalId: 'p-1',
    name: 'Sari',
    email: 'sari@contoh.go.id',
    grounds: 'x'.repeat(20),
    files: [],
  };

  it('should accept a complete objection and name each field that is not', () => {
    expect(checkObjection(draft)).toEqual({});
    expect(
      checkObjection({
        proposalId: '',
        name: ' ',
        email: 'sari@',
        grounds: 'terlalu pendek',
        files: [],
      }),
    ).toEqual({
      proposalId: 'proposalMissing',
      name: 'nameMissing',
      email: 'emailInvalid',
      grounds: 'groundsShort',
    });
    expect(checkObjection({ ...draft, grounds: 'x'.repeat(5001) }).grounds).toBe('groundsLong');
  });

  it('should refuse more than 3 files, files over 5 MB and other types before sending', () => {
    expect(checkObjection({ ...draft, files: [pdf(1), pdf(1), pdf(1), pdf(1)] }).files).toBe(
      'tooManyFiles',
    );
    expect(checkObjection({ ...draft, files: [pdf(5 * 1024 * 1024 + 1)] }).files).toBe(
      'fileTooLarge',
    );
    expect(
      checkObjection({ ...draft, files: [pdf(10, 'a.docx', 'application/msword')] }).files,
    ).toBe('fileType');
    expect(checkObjection({ ...draft, files: [pdf(10, 'foto.JPG', '')] })).toEqual({});
  });

  it('should send the fields trimmed and each file as evidence', () => {
    const form = objectionFormData({
      ...draft,
      name: ' Sari ',
      files: [pdf(3), pdf(4, 'b.png', 'image/png')],
    });
    expect(form.get('name')).toBe('Sari');
    expect(form.getAll('evidence').map((f) => (f as File).name)).toEqual(['bukti.pdf', 'b.png']);
  });

  it('should read the window a closed-window error names and tell the state at an instant', () => {
    expect(parseWibText('2027-06-03 10:00 WIB')?.toISOString()).toBe('2027-06-03T03:00:00.000Z');
    expect(parseWibText('3 Juni 2027')).toBeNull();
    const error = new ApiError({
      status: 409,
      code: 'OBJECTION_WINDOW_CLOSED',
      message: 'closed',
      details: {
        editionId: 'e',
        window: { startsAt: '2027-06-01 08:00 WIB', endsAt: '2027-06-05 16:00 WIB' },
      },
      requestId: 'r',
    });
    const window = windowOfClosedError(error);
    expect(window?.endsAt.toISOString()).toBe('2027-06-05T09:00:00.000Z');
    expect(windowState(window, new Date('2027-05-31T00:00:00Z'))).toBe('upcoming');
    expect(windowState(window, new Date('2027-06-05T08:59:00Z'))).toBe('open');
    expect(windowState(window, new Date('2027-06-05T09:00:00Z'))).toBe('closed');
    expect(windowState(null, new Date())).toBe('unknown');
    // The phase decides when known: a secretariat that moved it by hand is followed.
    expect(windowState(window, new Date('2027-05-31T00:00:00Z'), 'objection')).toBe('open');
    expect(windowState(window, new Date('2027-06-02T00:00:00Z'), 'panel-review')).toBe('upcoming');
    expect(windowState(window, new Date('2027-06-02T00:00:00Z'), 'interview')).toBe('closed');
    expect(
      windowOfClosedError(
        new ApiError({
          status: 409,
          code: 'OBJECTION_WINDOW_CLOSED',
          message: '',
          details: { window: null },
          requestId: null,
        }),
      ),
    ).toBeNull();
  });
});

describe('diffusion and results shaping', () => {
  it('should read the graph as steps of replication, at most three', () => {
    const node = (
      id: string,
      label: string,
      depth: number,
      provinceCode: string | null = null,
    ) => ({
      id,
      kind: id.startsWith('innovation') ? ('innovation' as const) : ('institution' as const),
      refId: id,
      label,
      provinceCode,
      depth,
    });
    const edge = (from: string, to: string, kind: 'owns' | 'replicates') => ({
      from,
      to,
      kind,
      replicationId: kind === 'replicates' ? `${from}>${to}` : null,
      status: kind === 'replicates' ? 'implemented' : null,
    });
    const steps = spreadSteps({
      nodes: [
        node('innovation:a', 'Antrean Online', 0),
        node('institution:b', 'Kota Malang', 1, '3573'),
        node('innovation:b', 'Antrean Malang', 1),
        node('institution:c', 'Kab. Badung', 2, '5103'),
        node('institution:d', 'Far away', 4),
      ],
      edges: [
        edge('innovation:a', 'institution:b', 'replicates'),
        edge('institution:b', 'innovation:b', 'owns'),
        edge('innovation:b', 'institution:c', 'replicates'),
        edge('innovation:b', 'institution:d', 'replicates'),
      ],
    });
    expect(steps).toEqual([
      {
        step: 1,
        links: [
          {
            from: 'Antrean Online',
            adopter: 'Kota Malang',
            adopterProvince: 'Jawa Timur',
            status: 'implemented',
          },
        ],
      },
      {
        step: 2,
        links: [
          {
            from: 'Antrean Malang',
            adopter: 'Kab. Badung',
            adopterProvince: 'Bali',
            status: 'implemented',
          },
        ],
      },
    ]);
  });

  it('should count adoptions per year with the years between filled with zero', () => {
    const adopter = (recordedAt: string) => ({
      replicationId: recordedAt,
      institutionId: 'i',
      name: null,
      provinceCode: null,
      status: 'implemented',
      recordedAt,
      confirmedAt: null,
    });
    const diffusion = {
      adopters: [
        adopter('2021-03-01T00:00:00Z'),
        adopter('2023-01-01T00:00:00Z'),
        adopter('2023-05-01T00:00:00Z'),
      ],
    };
    expect(adoptionsPerYear(diffusion as unknown as InnovationDiffusion)).toEqual([
      { year: '2021', count: 1 },
      { year: '2022', count: 0 },
      { year: '2023', count: 2 },
    ]);
  });

  it('should group results by group then category, highest tier first, and count each at its highest tier', () => {
    const result = (
      proposalId: string,
      groupId: string,
      categoryId: string,
      tiers: PublicResult['tiers'],
    ): PublicResult => ({
      proposalId,
      title: proposalId,
      institutionId: 'i',
      institutionName: null,
      categoryId,
      groupId,
      tiers,
    });
    const results = [
      result('b', 'replication', 'c1', ['finalist']),
      result('a', 'general', 'c2', ['finalist']),
      result('c', 'general', 'c2', ['finalist', 'top', 'outstanding']),
      result('d', 'general', 'c1', ['finalist', 'top']),
    ];
    const groups = groupResults(results);
    expect(groups.map((g) => g.groupId)).toEqual(['general', 'replication']);
    expect(
      groups[0]!.categories.map((c) => [c.categoryId, c.results.map((r) => r.proposalId)]),
    ).toEqual([
      ['c1', ['d']],
      ['c2', ['c', 'a']],
    ]);
    expect(tierCounts(results)).toEqual([
      { tier: 'outstanding', count: 1 },
      { tier: 'top', count: 1 },
      { tier: 'replication-top', count: 0 },
      { tier: 'finalist', count: 2 },
    ]);
  });

  it('should rank provinces by a figure without the zeros', () => {
    const province = (provinceCode: string, innovations: number) => ({
      provinceCode,
      innovations,
      replicationsIn: 0,
      replicationsOut: 0,
      byStatus: { active: 0, scaled: 0, stopped: 0, lapsed: 0 },
    });
    expect(
      topProvinces([province('11', 2), province('51', 9), province('91', 0)], 'innovations', 5),
    ).toEqual([
      { label: 'Bali', value: 9 },
      { label: 'Aceh', value: 2 },
    ]);
  });
});

describe('editions', () => {
  const row = (awards: InnovationRow['awards']) => ({ awards }) as unknown as InnovationRow;

  it('should name the edition of a year from a finalist of that year', () => {
    const page = {
      total: 99,
      items: [
        row([
          { editionId: 'kipp-2021', year: 2021, groupId: 'general', tier: 'finalist' },
          { editionId: 'kipp-2023', year: 2023, groupId: 'special', tier: 'finalist' },
        ]),
      ],
    };
    expect(editionOfYear(2023, page)).toEqual({
      editionId: 'kipp-2023',
      year: 2023,
      finalists: 99,
    });
    expect(editionOfYear(2024, { total: 0, items: [] })).toBeNull();
    expect(yearsBetween(2021, 2023)).toEqual([2021, 2022, 2023]);
  });

  it('should take the newest edition and its phase, from the calendar when none is set', () => {
    const edition = (year: number, currentPhase: RegisteredEdition['currentPhase']) =>
      ({
        editionId: `e-${year}`,
        status: 'published',
        currentPhase,
        configuration: {
          name: `KIPP ${year}`,
          year,
          calendar: [
            {
              phase: 'registration',
              startsAt: `${year}-01-01T00:00:00Z`,
              endsAt: `${year}-02-01T00:00:00Z`,
            },
            {
              phase: 'submission',
              startsAt: `${year}-02-01T00:00:00Z`,
              endsAt: `${year}-03-01T00:00:00Z`,
            },
          ],
        },
      }) as unknown as RegisteredEdition;
    const current = currentEdition(
      [edition(2026, 'closed'), edition(2027, null)],
      new Date('2027-02-10T00:00:00Z'),
    );
    expect(current?.edition.editionId).toBe('e-2027');
    expect(current?.phase).toBe('submission');
    expect(currentEdition([], new Date())).toBeNull();
  });
});
