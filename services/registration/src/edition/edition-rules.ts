import { EDITION_PHASES, type EditionConfiguration } from '@kipp/contracts';

/** An edition configuration without its id: what the national admin writes. */
export type EditionSettings = Omit<EditionConfiguration, 'editionId'>;

/** One broken rule; `path` is dotted like the request body (`calendar.2.startsAt`). */
export interface EditionIssue {
  readonly path: string;
  readonly code: Uppercase<string>;
  readonly message: string;
}

type Rubric = EditionSettings['rubric'];

/** What the rules cannot know themselves; the use case looks it up and passes it in. */
export interface EditionRuleContext {
  /** Invited institution ids that are not in the registry. */
  readonly unknownInstitutionIds?: ReadonlySet<string>;
}

/** Every institution id invited to any group of the edition. */
export function invitedInstitutionIds(settings: EditionSettings): string[] {
  return [...new Set(settings.groups.flatMap((group) => group.invitedInstitutionIds ?? []))];
}

/**
 * The rules an edition must keep beyond the shape of its fields (which the request schema
 * checks). Pure, so the same rules hold for creating, cloning, editing and publishing.
 */
export function validateEditionSettings(
  settings: EditionSettings,
  context: EditionRuleContext = {},
): EditionIssue[] {
  return [
    ...invitationIssues(settings.groups, context.unknownInstitutionIds ?? new Set()),
    ...evaluationIssues(settings),
    ...calendarIssues(settings.calendar),
    ...duplicateIssues(settings.categories, 'categoryId', 'categories', 'DUPLICATE_CATEGORY'),
    ...groupIssues(settings.groups),
    ...formIssues(settings),
    ...rubricIssues(settings.rubric, 'rubric'),
    ...rubricIssues(settings.panelRubric, 'panelRubric'),
    ...passingGradeIssues(settings),
    ...stageSizeIssues(settings.stageSizes),
  ];
}

function calendarIssues(calendar: EditionSettings['calendar']): EditionIssue[] {
  const issues: EditionIssue[] = [];
  const seen = new Set<string>();
  calendar.forEach((entry, index) => {
    const path = `calendar.${index}`;
    if (seen.has(entry.phase)) {
      issues.push({
        path: `${path}.phase`,
        code: 'DUPLICATE_PHASE',
        message: `phase ${entry.phase} appears more than once`,
      });
    }
    seen.add(entry.phase);
    if (Date.parse(entry.endsAt) <= Date.parse(entry.startsAt)) {
      issues.push({
        path: `${path}.endsAt`,
        code: 'PHASE_ENDS_BEFORE_START',
        message: `phase ${entry.phase} must end after it starts`,
      });
    }
    const previous = calendar[index - 1];
    if (!previous) return;
    if (EDITION_PHASES.indexOf(entry.phase) < EDITION_PHASES.indexOf(previous.phase)) {
      issues.push({
        path: `${path}.phase`,
        code: 'PHASE_OUT_OF_ORDER',
        message: `phase ${entry.phase} must come before ${previous.phase} (order: ${EDITION_PHASES.join(', ')})`,
      });
    }
    if (Date.parse(entry.startsAt) < Date.parse(previous.endsAt)) {
      issues.push({
        path: `${path}.startsAt`,
        code: 'PHASES_OVERLAP',
        message: `phase ${entry.phase} starts before ${previous.phase} ends`,
      });
    }
  });
  return issues;
}

function groupIssues(groups: EditionSettings['groups']): EditionIssue[] {
  const issues = duplicateIssues(groups, 'groupId', 'groups', 'DUPLICATE_GROUP');
  groups.forEach((group, index) => {
    if (group.quotaPerInstitution < 0) {
      issues.push({
        path: `groups.${index}.quotaPerInstitution`,
        code: 'NEGATIVE_QUOTA',
        message: 'a quota cannot be negative',
      });
    }
  });
  return issues;
}

function invitationIssues(
  groups: EditionSettings['groups'],
  unknown: ReadonlySet<string>,
): EditionIssue[] {
  return groups.flatMap((group, index) => {
    const invited = group.invitedInstitutionIds ?? [];
    const path = `groups.${index}.invitedInstitutionIds`;
    const issues: EditionIssue[] = invited
      .map((institutionId, position) => ({ institutionId, position }))
      .filter(({ institutionId }) => unknown.has(institutionId))
      .map(({ institutionId, position }) => ({
        path: `${path}.${position}`,
        code: 'INVITED_INSTITUTION_UNKNOWN',
        message: `institution ${institutionId} is not in the registry`,
      }));
    if (invited.length > 0 && !group.eligibility.invitationOnly) {
      issues.unshift({
        path,
        code: 'INVITATIONS_ON_OPEN_GROUP',
        message: `group ${group.groupId} is open to every institution; only an invitation-only group takes invitations`,
      });
    }
    return issues;
  });
}

/**
 * Registration publishes the evaluation settings with every edition; a draft written (or an
 * edition cloned) from before they existed must get them before it is published.
 */
function evaluationIssues(settings: EditionSettings): EditionIssue[] {
  const { evaluation } = settings;
  if (!evaluation) {
    return [
      {
        path: 'evaluation',
        code: 'EVALUATION_SETTINGS_MISSING',
        message:
          'the evaluation settings (review, scoring, representation, interview) are required',
      },
    ];
  }
  const finalists = settings.stageSizes.finalistsGeneral + settings.stageSizes.finalistsSpecial;
  // `maxProposalsPerEvaluator × evaluators` needs the evaluator pool, which evaluation owns.
  return evaluation.representation.flatMap((rule, index) => {
    const path = `evaluation.representation.${index}`;
    const issues: EditionIssue[] = [];
    if (rule.min !== null && rule.max !== null && rule.min > rule.max) {
      issues.push({
        path: `${path}.min`,
        code: 'REPRESENTATION_MIN_ABOVE_MAX',
        message: `at least ${rule.min} cannot exceed at most ${rule.max}`,
      });
    }
    if (rule.min !== null && rule.min > finalists) {
      issues.push({
        path: `${path}.min`,
        code: 'REPRESENTATION_MIN_ABOVE_FINALISTS',
        message: `at least ${rule.min} cannot exceed the ${finalists} finalists`,
      });
    }
    return issues;
  });
}

function formIssues(settings: EditionSettings): EditionIssue[] {
  const groupIds = new Set<string>(settings.groups.map((group) => group.groupId));
  const unknownGroups = (
    items: readonly { groups: readonly string[] }[],
    path: string,
  ): EditionIssue[] =>
    items.flatMap((item, index) =>
      item.groups
        .map((groupId, position) => ({ groupId, position }))
        .filter(({ groupId }) => !groupIds.has(groupId))
        .map(({ groupId, position }) => ({
          path: `${path}.${index}.groups.${position}`,
          code: 'UNKNOWN_GROUP' as const,
          message: `group ${groupId} is not a group of this edition`,
        })),
    );
  return [
    ...duplicateIssues(settings.form.sections, 'sectionId', 'form.sections', 'DUPLICATE_SECTION'),
    ...unknownGroups(settings.form.sections, 'form.sections'),
    ...duplicateIssues(settings.form.evidence, 'evidenceId', 'form.evidence', 'DUPLICATE_EVIDENCE'),
    ...unknownGroups(settings.form.evidence, 'form.evidence'),
  ];
}

function rubricIssues(rubric: Rubric, path: string): EditionIssue[] {
  const issues = duplicateIssues(
    rubric.criteria,
    'criterionId',
    `${path}.criteria`,
    'DUPLICATE_CRITERION',
  );
  const total = rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  // Weights may be fractional (e.g. 33.3 + 33.3 + 33.4); compare with a float tolerance.
  if (Math.abs(total - 100) > 1e-9) {
    issues.push({
      path: `${path}.criteria`,
      code: 'WEIGHTS_NOT_100',
      message: `criterion weights add up to ${total}, not 100`,
    });
  }
  if (rubric.scale.min >= rubric.scale.max) {
    issues.push({
      path: `${path}.scale`,
      code: 'INVALID_SCALE',
      message: 'the scale minimum must be below its maximum',
    });
  }
  return issues;
}

function passingGradeIssues(settings: EditionSettings): EditionIssue[] {
  const { min, max } = settings.rubric.scale;
  if (settings.passingGrade >= min && settings.passingGrade <= max) return [];
  return [
    {
      path: 'passingGrade',
      code: 'PASSING_GRADE_OUT_OF_SCALE',
      message: `the passing grade must lie within the rubric scale ${min}–${max}`,
    },
  ];
}

function stageSizeIssues(sizes: EditionSettings['stageSizes']): EditionIssue[] {
  // Each later stage is chosen from the one before it, so it cannot be larger.
  const rules: [keyof typeof sizes, keyof typeof sizes][] = [
    ['finalistsGeneral', 'shortlist'],
    ['winnersTop', 'finalistsGeneral'],
    ['winnersOutstanding', 'winnersTop'],
    ['winnersReplicationTop', 'finalistsGeneral'],
  ];
  return rules
    .filter(([smaller, larger]) => sizes[smaller] > sizes[larger])
    .map(([smaller, larger]) => ({
      path: `stageSizes.${smaller}`,
      code: 'STAGE_SIZE_INCONSISTENT' as const,
      message: `${smaller} (${sizes[smaller]}) cannot exceed ${larger} (${sizes[larger]})`,
    }));
}

function duplicateIssues<T>(
  items: readonly T[],
  key: keyof T & string,
  path: string,
  code: Uppercase<string>,
): EditionIssue[] {
  const seen = new Set<unknown>();
  const issues: EditionIssue[] = [];
  items.forEach((item, index) => {
    if (seen.has(item[key])) {
      issues.push({
        path: `${path}.${index}.${key}`,
        code,
        message: `${String(item[key])} appears more than once`,
      });
    }
    seen.add(item[key]);
  });
  return issues;
}
