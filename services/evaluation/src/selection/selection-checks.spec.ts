import { editionConfigurationExample, proposalSnapshotExample } from '@kipp/contracts';
import {
  checkCarelessAnswers,
  checkDuplicateTitle,
  findDuplicateTitles,
  prefillChecks,
  titleKey,
} from './selection-checks';

const form = editionConfigurationExample.form; // summary 200 words, innovative-idea 600 (general)
const words = (n: number, prefix = 'kata') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
const section = (sectionId: string, text: string) => ({
  sectionId,
  text,
  wordCount: text.split(/\s+/).filter(Boolean).length,
});

describe('checkCarelessAnswers', () => {
  it('should pass when every section is a real answer of sensible length', () => {
    const result = checkCarelessAnswers(
      {
        groupId: 'general',
        sections: [section('summary', words(120)), section('innovative-idea', words(300, 'ide'))],
      },
      form,
    );
    expect(result).toEqual({
      check: 'careless-answers',
      outcome: 'pass',
      detail: 'no careless answer found',
    });
  });

  it.each(['-', 'Tidak ada', 'N/A', 'lorem ipsum dolor sit amet', '  .  ', ''])(
    'should fail when a section holds the placeholder %p',
    (placeholder) => {
      const result = checkCarelessAnswers(
        {
          groupId: 'general',
          sections: [section('summary', words(120)), section('innovative-idea', placeholder)],
        },
        form,
      );
      expect(result.outcome).toBe('fail');
      expect(result.detail).toContain('placeholder text in innovative-idea');
    },
  );

  it('should fail when the same text is pasted into several sections, whatever its case and punctuation', () => {
    const text = words(150);
    const result = checkCarelessAnswers(
      {
        groupId: 'general',
        sections: [section('summary', text), section('innovative-idea', `${text.toUpperCase()}!`)],
      },
      form,
    );
    expect(result).toMatchObject({ outcome: 'fail' });
    expect(result.detail).toContain('same text in innovative-idea, summary');
  });

  it('should warn (not fail) when a section is far under its word limit', () => {
    const result = checkCarelessAnswers(
      {
        groupId: 'general',
        sections: [section('summary', words(120)), section('innovative-idea', words(30))],
      },
      form,
    );
    expect(result).toMatchObject({ outcome: 'warn' });
    expect(result.detail).toContain('innovative-idea (30/600 words)');
  });

  it('should honour the share it is given and ignore sections not in the group’s form', () => {
    const input = {
      groupId: 'replication' as const,
      // innovative-idea is a general-group section only: not judged for replication.
      sections: [section('summary', words(50)), section('innovative-idea', '-')],
    };
    expect(checkCarelessAnswers(input, form).outcome).toBe('pass');
    expect(checkCarelessAnswers(input, form, 0.5).outcome).toBe('warn');
  });

  it('should not call short identical answers pasted copies', () => {
    const result = checkCarelessAnswers(
      {
        groupId: 'general',
        sections: [section('summary', 'Ya'), section('innovative-idea', 'Ya')],
      },
      form,
      0,
    );
    expect(result.outcome).toBe('pass');
  });
});

describe('duplicate titles', () => {
  it('should compare titles regardless of case, punctuation, accents and word order', () => {
    expect(titleKey('Posyandu Digital, Kota Bandung!')).toBe(
      titleKey('kota bandung posyandu digital'),
    );
    expect(titleKey('Café Layanan')).toBe(titleKey('cafe layanan'));
    expect(titleKey('Posyandu Digital')).not.toBe(titleKey('Posyandu Digital Terpadu'));
  });

  it('should list the other proposals with the same title across institutions, in id order', () => {
    const duplicates = findDuplicateTitles([
      { proposalId: 'p3', institutionId: 'inst_c', title: 'SIMPEL' },
      { proposalId: 'p1', institutionId: 'inst_a', title: 'Simpel' },
      { proposalId: 'p2', institutionId: 'inst_b', title: 'Lain' },
      { proposalId: 'p4', institutionId: 'inst_a', title: 'simpel.' },
    ]);
    expect(duplicates.get('p1')?.map((d) => d.proposalId)).toEqual(['p3', 'p4']);
    expect(duplicates.has('p2')).toBe(false);
    expect(checkDuplicateTitle('p2', duplicates).outcome).toBe('pass');
    expect(checkDuplicateTitle('p3', duplicates)).toEqual({
      check: 'duplicate-title',
      outcome: 'fail',
      detail: 'same title as p1 (inst_a), p4 (inst_a)',
    });
  });
});

describe('prefillChecks', () => {
  it('should take age, completeness and prior awards from the submission pre-checks, worst first', () => {
    const checks = prefillChecks(
      {
        ...proposalSnapshotExample,
        sections: [section('summary', words(120)), section('innovative-idea', words(300))],
        eligibility: [
          { check: 'innovation-age', outcome: 'pass', detail: '3.1 years at the close' },
          { check: 'required-sections', outcome: 'pass', detail: 'all filled' },
          { check: 'required-evidence', outcome: 'fail', detail: 'missing: service-standard' },
          { check: 'prior-awards', outcome: 'warn', detail: 'Top 99 in 2024' },
        ],
      },
      form,
      new Map(),
    );
    expect(checks).toEqual([
      { check: 'innovation-age', outcome: 'pass', detail: '3.1 years at the close' },
      {
        check: 'completeness',
        outcome: 'fail',
        detail: 'required-evidence: missing: service-standard',
      },
      { check: 'careless-answers', outcome: 'pass', detail: 'no careless answer found' },
      {
        check: 'duplicate-title',
        outcome: 'pass',
        detail: 'no other proposal of the edition has this title',
      },
      { check: 'prior-awards', outcome: 'warn', detail: 'Top 99 in 2024' },
    ]);
  });

  it('should ask for a manual check when the submission did not run one', () => {
    const checks = prefillChecks({ ...proposalSnapshotExample, eligibility: [] }, form, new Map());
    expect(checks.find((c) => c.check === 'innovation-age')).toMatchObject({ outcome: 'warn' });
    expect(checks.find((c) => c.check === 'completeness')?.detail).toContain('check by hand');
  });
});
