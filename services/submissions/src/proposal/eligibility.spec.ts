import {
  editionConfigurationExample,
  timeZoneOfProvince,
  type EditionConfiguration,
} from '@kipp/contracts';
import type { InstitutionAward, KnownInnovation } from '../innovation/innovation-lookup';
import {
  checkEligibility,
  countWords,
  titleSimilarity,
  type EligibilityContext,
  type EligibilityInput,
} from './eligibility';
import { formatInZone } from './close-time';

const closesAt = new Date('2027-03-31T16:59:59.000Z');
const base: EligibilityInput = {
  _id: 'p1',
  editionId: 'ed_2027',
  groupId: 'general',
  title: 'Posyandu Digital Kota Bandung',
  innovationStartDate: '2024-03-01',
  sections: [
    { sectionId: 'summary', text: 'a b c' },
    { sectionId: 'innovative-idea', text: 'idea' },
  ],
  evidence: [],
  sourceInnovationIds: [],
  integrityDeclaration: { signedBy: 'acct', signedAt: new Date() },
};
const context: EligibilityContext = {
  configuration: editionConfigurationExample,
  closesAt,
  institutionId: 'inst_a',
  otherTitles: [],
  sourceInnovations: [],
  priorAwards: [],
};
const run = (input: Partial<EligibilityInput>, more: Partial<EligibilityContext> = {}) =>
  checkEligibility({ ...base, ...input }, { ...context, ...more });
const detail = (checks: ReturnType<typeof run>, name: string) =>
  checks.find((c) => c.check === name)?.detail;
const award = (
  editionId: string,
  tiers: InstitutionAward['tiers'],
  title = base.title,
): InstitutionAward => ({ editionId, year: Number(editionId.slice(3)), title, tiers });
/** The example's general group with its limits replaced. */
const generalWith = (
  eligibility: Partial<EditionConfiguration['groups'][number]['eligibility']>,
): EditionConfiguration => ({
  ...editionConfigurationExample,
  groups: editionConfigurationExample.groups.map((g) =>
    g.groupId === 'general' ? { ...g, eligibility: { ...g.eligibility, ...eligibility } } : g,
  ),
});
const outcome = (checks: ReturnType<typeof run>, name: string) =>
  checks.find((c) => c.check === name)?.outcome;

describe('eligibility pre-checks', () => {
  it('should count words split on whitespace when text has odd spacing', () => {
    expect(countWords('  satu\tdua\n tiga ')).toBe(3);
    expect(countWords('   ')).toBe(0);
  });

  it('should fail the innovation age when the innovation is too young at the close', () => {
    expect(outcome(run({ innovationStartDate: '2026-06-01' }), 'innovation-age')).toBe('fail');
    expect(outcome(run({}), 'innovation-age')).toBe('pass');
    expect(outcome(run({ innovationStartDate: null }), 'innovation-age')).toBe('warn');
  });

  it('should fail when a required section is missing or over its word limit', () => {
    expect(
      outcome(run({ sections: [{ sectionId: 'summary', text: 'x' }] }), 'required-sections'),
    ).toBe('fail');
    const long = Array.from({ length: 201 }, () => 'kata').join(' ');
    expect(
      outcome(
        run({ sections: [...base.sections, { sectionId: 'summary', text: long }] }),
        'word-limits',
      ),
    ).toBe('fail');
  });

  it('should fail when required evidence or the integrity declaration is missing', () => {
    const checks = run({ integrityDeclaration: null });
    expect(outcome(checks, 'required-evidence')).toBe('fail');
    expect(outcome(checks, 'integrity-declaration')).toBe('fail');
  });

  it('should warn when a title nearly duplicates another of the institution', () => {
    expect(
      titleSimilarity('Posyandu Digital, Kota Bandung!', 'posyandu digital kota bandung'),
    ).toBe(1);
    const checks = run(
      {},
      {
        otherTitles: [
          { proposalId: 'p2', editionId: 'ed_2026', title: 'POSYANDU digital kota Bandung' },
        ],
      },
    );
    expect(outcome(checks, 'duplicate-title')).toBe('warn');
  });

  it('should name the close in WITA when the institution is in province 73', () => {
    expect(timeZoneOfProvince('73')).toBe('WITA');
    expect(timeZoneOfProvince('94')).toBe('WIT');
    expect(timeZoneOfProvince(null)).toBe('WIB');
    expect(formatInZone(closesAt, 'WITA')).toBe('2027-04-01 00:59:59 WITA');
  });

  describe('source innovations', () => {
    const replication = { groupId: 'replication' as const, sourceInnovationIds: ['inv_1'] };
    const innovation = (over: Partial<KnownInnovation> = {}): KnownInnovation => ({
      innovationId: 'inv_1',
      title: 'Mal Pelayanan Publik',
      institutionId: 'inst_b',
      tiers: ['finalist'],
      ...over,
    });

    it('should pass when the source is another institution’s finalist innovation', () => {
      const checks = run(replication, { sourceInnovations: [innovation()] });
      expect(outcome(checks, 'source-innovation')).toBe('pass');
    });

    it('should fail naming the id when the source is not in the innovation database', () => {
      const checks = run(replication);
      expect(outcome(checks, 'source-innovation')).toBe('fail');
      expect(detail(checks, 'source-innovation')).toContain('inv_1');
    });

    it('should fail when the source never reached the finalists', () => {
      const checks = run(replication, { sourceInnovations: [innovation({ tiers: [] })] });
      expect(outcome(checks, 'source-innovation')).toBe('fail');
    });

    it('should fail when the source is the institution’s own innovation', () => {
      const checks = run(replication, {
        sourceInnovations: [innovation({ institutionId: 'inst_a' })],
      });
      expect(detail(checks, 'source-innovation')).toContain('own innovation');
    });

    it('should fail when no source is named in a replication proposal', () => {
      expect(outcome(run({ groupId: 'replication' }), 'source-innovation')).toBe('fail');
      expect(outcome(run({}), 'source-innovation')).toBeUndefined();
    });
  });

  describe('prior awards', () => {
    const twice = generalWith({ maxPriorTop99: 2, excludesPastWinners: false });

    it('should pass when the institution has no earlier award of this title', () => {
      const checks = run({}, { priorAwards: [award('ed_2024', ['finalist'], 'Other thing')] });
      expect(outcome(checks, 'prior-awards')).toBe('pass');
      expect(detail(checks, 'prior-awards')).toBe('no earlier award found');
    });

    it('should fail naming the editions when the same title reached the Top 99 as often as allowed', () => {
      const checks = run(
        {},
        {
          configuration: twice,
          priorAwards: [award('ed_2023', ['finalist']), award('ed_2025', ['finalist'])],
        },
      );
      expect(outcome(checks, 'prior-awards')).toBe('fail');
      expect(detail(checks, 'prior-awards')).toContain('ed_2023, ed_2025');
    });

    it('should count an edition once when both sources report it', () => {
      const checks = run(
        {},
        {
          configuration: twice,
          priorAwards: [award('ed_2023', ['finalist']), award('ed_2023', ['finalist'])],
        },
      );
      expect(outcome(checks, 'prior-awards')).toBe('pass');
    });

    it('should ignore an award of this edition and pass when the group sets no limit', () => {
      const awards = [award('ed_2027', ['finalist']), award('ed_2025', ['finalist'])];
      expect(outcome(run({}, { configuration: twice, priorAwards: awards }), 'prior-awards')).toBe(
        'pass',
      );
      const unlimited = generalWith({ maxPriorTop99: null, excludesPastWinners: false });
      expect(
        outcome(
          run(
            {},
            { configuration: unlimited, priorAwards: [...awards, award('ed_2024', ['finalist'])] },
          ),
          'prior-awards',
        ),
      ).toBe('pass');
    });

    it('should only warn when the earlier titles are near-duplicates', () => {
      const similar = 'Posyandu Digital Kota Bandung Baru';
      expect(titleSimilarity(base.title, similar)).toBeGreaterThanOrEqual(0.8);
      const checks = run(
        {},
        {
          configuration: twice,
          priorAwards: [award('ed_2023', ['finalist'], similar), award('ed_2025', ['finalist'])],
        },
      );
      expect(outcome(checks, 'prior-awards')).toBe('warn');
    });

    it('should fail a past winner when the group excludes past winners', () => {
      const winners = generalWith({ maxPriorTop99: null, excludesPastWinners: true });
      const checks = run(
        {},
        { configuration: winners, priorAwards: [award('ed_2024', ['finalist', 'top'])] },
      );
      expect(outcome(checks, 'prior-awards')).toBe('fail');
      expect(detail(checks, 'prior-awards')).toContain('past winner (ed_2024)');
    });

    it('should warn a near-duplicate past winner and pass a mere finalist when past winners are excluded', () => {
      const winners = generalWith({ maxPriorTop99: null, excludesPastWinners: true });
      const near = award('ed_2024', ['finalist', 'outstanding'], `${base.title} Baru`);
      expect(
        outcome(run({}, { configuration: winners, priorAwards: [near] }), 'prior-awards'),
      ).toBe('warn');
      expect(
        outcome(
          run({}, { configuration: winners, priorAwards: [award('ed_2024', ['finalist'])] }),
          'prior-awards',
        ),
      ).toBe('pass');
    });
  });
});
