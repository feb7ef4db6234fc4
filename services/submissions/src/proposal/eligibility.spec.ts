import { editionConfigurationExample } from '@kipp/contracts';
import {
  checkEligibility,
  countWords,
  titleSimilarity,
  type EligibilityInput,
} from './eligibility';
import { formatInZone, timeZoneOfProvince } from './close-time';

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
const run = (input: Partial<EligibilityInput>, otherTitles = []) =>
  checkEligibility(
    { ...base, ...input },
    { configuration: editionConfigurationExample, closesAt, otherTitles },
  );
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
    const checks = checkEligibility(base, {
      configuration: editionConfigurationExample,
      closesAt,
      otherTitles: [
        { proposalId: 'p2', editionId: 'ed_2026', title: 'POSYANDU digital kota Bandung' },
      ],
    });
    expect(outcome(checks, 'duplicate-title')).toBe('warn');
  });

  it('should name the close in WITA when the institution is in province 73', () => {
    expect(timeZoneOfProvince('73')).toBe('WITA');
    expect(timeZoneOfProvince('94')).toBe('WIT');
    expect(timeZoneOfProvince(null)).toBe('WIB');
    expect(formatInZone(closesAt, 'WITA')).toBe('2027-04-01 00:59:59 WITA');
  });
});
