import { editionConfigurationExample } from '@kipp/contracts';
import {
  invitedInstitutionIds,
  validateEditionSettings,
  type EditionSettings,
} from './edition-rules';

const { editionId: _ignored, ...valid } = editionConfigurationExample;

function settingsWith(change: (settings: EditionSettings) => void): EditionSettings {
  const settings = structuredClone(valid);
  change(settings);
  return settings;
}

describe('validateEditionSettings', () => {
  it('should accept the catalogue example edition', () => {
    expect(validateEditionSettings(valid)).toEqual([]);
  });

  it('should point at the phase that comes out of order', () => {
    const settings = settingsWith((s) => {
      s.calendar = [s.calendar[1]!, s.calendar[0]!];
    });
    expect(validateEditionSettings(settings)).toContainEqual(
      expect.objectContaining({ path: 'calendar.1.phase', code: 'PHASE_OUT_OF_ORDER' }),
    );
  });

  it('should report a phase ending before it starts, an overlap and a repeated phase', () => {
    const settings = settingsWith((s) => {
      s.calendar = [
        {
          phase: 'registration',
          startsAt: '2027-01-10T00:00:00.000Z',
          endsAt: '2027-01-05T00:00:00.000Z',
        },
        {
          phase: 'submission',
          startsAt: '2027-01-04T00:00:00.000Z',
          endsAt: '2027-02-01T00:00:00.000Z',
        },
        {
          phase: 'submission',
          startsAt: '2027-02-02T00:00:00.000Z',
          endsAt: '2027-03-01T00:00:00.000Z',
        },
      ];
    });
    expect(validateEditionSettings(settings).map((issue) => [issue.path, issue.code])).toEqual([
      ['calendar.0.endsAt', 'PHASE_ENDS_BEFORE_START'],
      ['calendar.1.startsAt', 'PHASES_OVERLAP'],
      ['calendar.2.phase', 'DUPLICATE_PHASE'],
    ]);
  });

  it('should reject a negative quota and weights that do not add up to 100', () => {
    const settings = settingsWith((s) => {
      s.groups[1]!.quotaPerInstitution = -1;
      s.rubric.criteria[0]!.weight = 40;
    });
    expect(validateEditionSettings(settings).map((issue) => [issue.path, issue.code])).toEqual([
      ['groups.1.quotaPerInstitution', 'NEGATIVE_QUOTA'],
      ['rubric.criteria', 'WEIGHTS_NOT_100'],
    ]);
  });

  it('should accept fractional weights that add up to 100', () => {
    const settings = settingsWith((s) => {
      s.rubric.criteria = [
        { criterionId: 'a', name: { id: 'A', en: 'A' }, weight: 33.3 },
        { criterionId: 'b', name: { id: 'B', en: 'B' }, weight: 33.3 },
        { criterionId: 'c', name: { id: 'C', en: 'C' }, weight: 33.4 },
      ];
    });
    expect(validateEditionSettings(settings)).toEqual([]);
  });

  it('should reject form parts for groups the edition does not have, and repeated ids', () => {
    const settings = settingsWith((s) => {
      s.form.sections[1]!.groups = ['general', 'special'];
      s.form.evidence[0]!.groups = ['special'];
      s.categories.push({ ...s.categories[0]! });
    });
    expect(validateEditionSettings(settings).map((issue) => [issue.path, issue.code])).toEqual([
      ['categories.2.categoryId', 'DUPLICATE_CATEGORY'],
      ['form.sections.1.groups.1', 'UNKNOWN_GROUP'],
      ['form.evidence.0.groups.0', 'UNKNOWN_GROUP'],
    ]);
  });

  it('should reject an upside-down scale, a passing grade outside it and inconsistent stage sizes', () => {
    const settings = settingsWith((s) => {
      s.rubric.scale = { min: 0, max: 10 };
      s.panelRubric.scale = { min: 5, max: 5 };
      s.stageSizes.finalistsGeneral = 200;
      s.stageSizes.winnersOutstanding = 50;
    });
    expect(validateEditionSettings(settings).map((issue) => [issue.path, issue.code])).toEqual([
      ['panelRubric.scale', 'INVALID_SCALE'],
      ['passingGrade', 'PASSING_GRADE_OUT_OF_SCALE'],
      ['stageSizes.finalistsGeneral', 'STAGE_SIZE_INCONSISTENT'],
      ['stageSizes.winnersOutstanding', 'STAGE_SIZE_INCONSISTENT'],
    ]);
  });

  describe('evaluation settings and invitations', () => {
    const codes = (settings: EditionSettings, unknown: string[] = []) =>
      validateEditionSettings(settings, { unknownInstitutionIds: new Set(unknown) }).map(
        (issue) => `${issue.path} ${issue.code}`,
      );

    it('should report the evaluation settings missing when an edition (e.g. a clone of an old one) has none', () => {
      const settings = settingsWith((s) => {
        delete s.evaluation;
      });
      expect(codes(settings)).toEqual(['evaluation EVALUATION_SETTINGS_MISSING']);
    });

    it('should report a representation rule whose minimum exceeds its maximum or the finalists', () => {
      const settings = settingsWith((s) => {
        s.evaluation!.representation = [
          { dimension: 'category', value: 'health', min: 5, max: 3 },
          { dimension: 'province', value: null, min: 200, max: null },
        ];
      });
      expect(codes(settings)).toEqual([
        'evaluation.representation.0.min REPRESENTATION_MIN_ABOVE_MAX',
        'evaluation.representation.1.min REPRESENTATION_MIN_ABOVE_FINALISTS',
      ]);
    });

    it('should refuse invitations on an open group and name unknown invited institutions', () => {
      const settings = settingsWith((s) => {
        s.groups[0]!.invitedInstitutionIds = ['inst_a'];
        s.groups.push({
          groupId: 'special',
          name: { id: 'Khusus', en: 'Special' },
          quotaPerInstitution: 1,
          eligibility: {
            invitationOnly: true,
            requiresSourceInnovation: false,
            maxPriorTop99: null,
            excludesPastWinners: false,
          },
          invitedInstitutionIds: ['inst_a', 'inst_ghost'],
        });
      });
      expect(codes(settings, ['inst_ghost'])).toEqual([
        'groups.0.invitedInstitutionIds INVITATIONS_ON_OPEN_GROUP',
        'groups.2.invitedInstitutionIds.1 INVITED_INSTITUTION_UNKNOWN',
      ]);
      expect(invitedInstitutionIds(settings)).toEqual(['inst_a', 'inst_ghost']);
    });
  });
});
