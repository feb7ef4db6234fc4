import {
  EDITION_PHASES,
  REPRESENTATION_DIMENSIONS,
  RUBRIC_GUIDANCE_MAX_LENGTH,
  TIME_ZONES,
  type EditionConfiguration,
  type EditionPhase,
  type TimeZone,
} from '@kipp/contracts';
import { formatNumber, LOCALES, useI18n, useMessages } from '../../../i18n';
import { Button } from '../../../ui/button';
import { Checkbox, Field, Select, TextArea } from '../../../ui/field';
import { Table } from '../../../ui/table';
import type { EditionSettings } from './edition-api';
import {
  fromZonedInput,
  numberInput,
  numberValue,
  removePhase,
  setPhaseTime,
  toZonedInput,
  weightTotal,
  withGuidance,
  type FieldIssue,
} from './edition-form';
import { errorAt, type EditionTexts } from './issue-text';
import { editionMessages, phaseMessages } from './messages';

export interface SectionProps {
  readonly draft: EditionSettings;
  readonly onChange: (next: EditionSettings) => void;
  readonly issues: readonly FieldIssue[];
  readonly disabled?: boolean;
}

type Rubric = EditionConfiguration['rubric'];
type Group = EditionConfiguration['groups'][number];
type Section = EditionConfiguration['form']['sections'][number];

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((current, i) => (i === index ? item : current));
}

function useTexts(): EditionTexts {
  return useMessages(editionMessages);
}

export function GeneralSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  return (
    <fieldset>
      <legend>{t.sectionGeneral}</legend>
      <Field
        label={t.name}
        value={draft.name}
        required
        error={errorAt(t, issues, 'name')}
        onChange={(e) => onChange({ ...draft, name: e.target.value })}
      />
      <Field
        label={t.year}
        type="number"
        inputMode="numeric"
        value={numberValue(draft.year)}
        required
        error={errorAt(t, issues, 'year')}
        onChange={(e) => onChange({ ...draft, year: numberInput(e.target.value) })}
      />
      <Field
        label={t.themeId}
        value={draft.theme.id}
        required
        lang="id"
        error={errorAt(t, issues, 'theme.id')}
        onChange={(e) => onChange({ ...draft, theme: { ...draft.theme, id: e.target.value } })}
      />
      <Field
        label={t.themeEn}
        value={draft.theme.en}
        required
        lang="en"
        error={errorAt(t, issues, 'theme.en')}
        onChange={(e) => onChange({ ...draft, theme: { ...draft.theme, en: e.target.value } })}
      />
      <Field
        label={t.minimumAge}
        hint={t.minimumAgeHint}
        type="number"
        step="0.5"
        min={0}
        value={numberValue(draft.minimumInnovationAgeYears)}
        error={errorAt(t, issues, 'minimumInnovationAgeYears')}
        onChange={(e) =>
          onChange({ ...draft, minimumInnovationAgeYears: numberInput(e.target.value) })
        }
      />
      <Field
        label={t.passingGrade}
        hint={t.passingGradeHint}
        type="number"
        min={0}
        max={100}
        value={numberValue(draft.passingGrade)}
        error={errorAt(t, issues, 'passingGrade')}
        onChange={(e) => onChange({ ...draft, passingGrade: numberInput(e.target.value) })}
      />
      <Field
        label={t.evaluatorsPerProposal}
        type="number"
        min={1}
        max={10}
        value={numberValue(draft.evaluatorsPerProposal)}
        error={errorAt(t, issues, 'evaluatorsPerProposal')}
        onChange={(e) => onChange({ ...draft, evaluatorsPerProposal: numberInput(e.target.value) })}
      />
    </fieldset>
  );
}

export function CategoriesSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  const set = (categories: EditionSettings['categories']) => onChange({ ...draft, categories });
  return (
    <fieldset>
      <legend>{t.sectionCategories}</legend>
      {errorAt(t, issues, 'categories') ? (
        <p className="field-error">{errorAt(t, issues, 'categories')}</p>
      ) : null}
      {draft.categories.map((category, index) => {
        const n = index + 1;
        const path = `categories.${index}`;
        return (
          <div key={index} className="builder-row">
            <Field
              label={t.categoryId(n)}
              value={category.categoryId}
              error={errorAt(t, issues, `${path}.categoryId`)}
              onChange={(e) =>
                set(replaceAt(draft.categories, index, { ...category, categoryId: e.target.value }))
              }
            />
            <Field
              label={t.categoryNameId(n)}
              lang="id"
              value={category.name.id}
              error={errorAt(t, issues, `${path}.name.id`)}
              onChange={(e) =>
                set(
                  replaceAt(draft.categories, index, {
                    ...category,
                    name: { ...category.name, id: e.target.value },
                  }),
                )
              }
            />
            <Field
              label={t.categoryNameEn(n)}
              lang="en"
              value={category.name.en}
              error={errorAt(t, issues, `${path}.name.en`)}
              onChange={(e) =>
                set(
                  replaceAt(draft.categories, index, {
                    ...category,
                    name: { ...category.name, en: e.target.value },
                  }),
                )
              }
            />
            <Button
              variant="secondary"
              disabled={draft.categories.length <= 1}
              onClick={() => set(draft.categories.filter((_, i) => i !== index))}
            >
              {t.removeCategory(n)}
            </Button>
          </div>
        );
      })}
      <Button
        variant="secondary"
        onClick={() => set([...draft.categories, { categoryId: '', name: { id: '', en: '' } }])}
      >
        {t.addCategory}
      </Button>
    </fieldset>
  );
}

export function GroupsSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  const { locale } = useI18n();
  const setGroup = (index: number, group: Group) =>
    onChange({ ...draft, groups: replaceAt(draft.groups, index, group) });
  return (
    <fieldset>
      <legend>{t.sectionGroups}</legend>
      {draft.groups.map((group, index) => {
        const path = `groups.${index}`;
        const label = group.name[locale] || group.groupId;
        const eligibility = (patch: Partial<Group['eligibility']>) =>
          setGroup(index, { ...group, eligibility: { ...group.eligibility, ...patch } });
        return (
          <fieldset key={group.groupId}>
            <legend>{t.groupLegend(label)}</legend>
            <Field
              label={t.groupNameId(label)}
              lang="id"
              value={group.name.id}
              error={errorAt(t, issues, `${path}.name.id`)}
              onChange={(e) =>
                setGroup(index, { ...group, name: { ...group.name, id: e.target.value } })
              }
            />
            <Field
              label={t.groupNameEn(label)}
              lang="en"
              value={group.name.en}
              error={errorAt(t, issues, `${path}.name.en`)}
              onChange={(e) =>
                setGroup(index, { ...group, name: { ...group.name, en: e.target.value } })
              }
            />
            <Field
              label={t.quota(label)}
              type="number"
              value={numberValue(group.quotaPerInstitution)}
              error={errorAt(t, issues, `${path}.quotaPerInstitution`)}
              onChange={(e) =>
                setGroup(index, { ...group, quotaPerInstitution: numberInput(e.target.value) })
              }
            />
            <Field
              label={t.maxPriorTop99(label)}
              hint={t.maxPriorTop99Hint}
              type="number"
              min={0}
              value={
                group.eligibility.maxPriorTop99 === null
                  ? ''
                  : numberValue(group.eligibility.maxPriorTop99)
              }
              error={errorAt(t, issues, `${path}.eligibility.maxPriorTop99`)}
              onChange={(e) =>
                eligibility({
                  maxPriorTop99: e.target.value.trim() === '' ? null : numberInput(e.target.value),
                })
              }
            />
            <Checkbox
              label={t.invitationOnly}
              checked={group.eligibility.invitationOnly}
              onChange={(e) => eligibility({ invitationOnly: e.target.checked })}
            />
            <Checkbox
              label={t.requiresSource}
              checked={group.eligibility.requiresSourceInnovation}
              onChange={(e) => eligibility({ requiresSourceInnovation: e.target.checked })}
            />
            <Checkbox
              label={t.excludesPastWinners}
              checked={group.eligibility.excludesPastWinners}
              onChange={(e) => eligibility({ excludesPastWinners: e.target.checked })}
            />
            {group.invitedInstitutionIds?.length ? (
              <p>{t.invited(group.invitedInstitutionIds.length)}</p>
            ) : null}
            {errorAt(t, issues, `${path}.invitedInstitutionIds`, false) ? (
              <p className="field-error">
                {errorAt(t, issues, `${path}.invitedInstitutionIds`, false)}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export function FormSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  const { locale } = useI18n();
  const form = draft.form;
  const setSections = (sections: Section[]) => onChange({ ...draft, form: { ...form, sections } });
  const setSection = (index: number, section: Section) =>
    setSections(replaceAt(form.sections, index, section));
  const groupIds = draft.groups.map((g) => g.groupId);
  return (
    <fieldset>
      <legend>{t.sectionForm}</legend>
      {form.sections.map((section, index) => {
        const n = index + 1;
        const path = `form.sections.${index}`;
        const groupsError = errorAt(t, issues, `${path}.groups`, false);
        return (
          <fieldset key={index}>
            <legend>{t.sectionLegend(n)}</legend>
            <Field
              label={t.sectionId(n)}
              value={section.sectionId}
              error={errorAt(t, issues, `${path}.sectionId`)}
              onChange={(e) => setSection(index, { ...section, sectionId: e.target.value })}
            />
            <Field
              label={t.sectionTitleId(n)}
              lang="id"
              value={section.title.id}
              error={errorAt(t, issues, `${path}.title.id`)}
              onChange={(e) =>
                setSection(index, { ...section, title: { ...section.title, id: e.target.value } })
              }
            />
            <Field
              label={t.sectionTitleEn(n)}
              lang="en"
              value={section.title.en}
              error={errorAt(t, issues, `${path}.title.en`)}
              onChange={(e) =>
                setSection(index, { ...section, title: { ...section.title, en: e.target.value } })
              }
            />
            <Field
              label={t.wordLimit(n)}
              type="number"
              min={1}
              value={numberValue(section.wordLimit)}
              error={errorAt(t, issues, `${path}.wordLimit`)}
              onChange={(e) =>
                setSection(index, { ...section, wordLimit: numberInput(e.target.value) })
              }
            />
            <Checkbox
              label={t.sectionRequired(n)}
              checked={section.required}
              onChange={(e) => setSection(index, { ...section, required: e.target.checked })}
            />
            <fieldset>
              <legend>{t.sectionGroupsOf(n)}</legend>
              {groupIds.map((groupId) => {
                const name =
                  draft.groups.find((g) => g.groupId === groupId)?.name[locale] ?? groupId;
                return (
                  <Checkbox
                    key={groupId}
                    label={t.sectionGroup(n, name)}
                    checked={section.groups.includes(groupId)}
                    onChange={(e) =>
                      setSection(index, {
                        ...section,
                        groups: e.target.checked
                          ? [...section.groups, groupId]
                          : section.groups.filter((g) => g !== groupId),
                      })
                    }
                  />
                );
              })}
              {groupsError ? <p className="field-error">{groupsError}</p> : null}
            </fieldset>
            <Button
              variant="secondary"
              disabled={form.sections.length <= 1}
              onClick={() => setSections(form.sections.filter((_, i) => i !== index))}
            >
              {t.removeSection(n)}
            </Button>
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        onClick={() =>
          setSections([
            ...form.sections,
            {
              sectionId: '',
              title: { id: '', en: '' },
              groups: groupIds.slice(0, 1),
              wordLimit: 200,
              required: true,
            },
          ])
        }
      >
        {t.addSection}
      </Button>
      <Table
        caption={t.evidenceCaption}
        rows={form.evidence}
        rowKey={(e) => e.evidenceId}
        columns={[
          { key: 'title', header: t.colEvidence, rowHeader: true, cell: (e) => e.title[locale] },
          { key: 'required', header: t.colRequired, cell: (e) => (e.required ? '✓' : '–') },
          { key: 'types', header: t.colTypes, cell: (e) => e.allowedTypes.join(', ') },
          {
            key: 'size',
            header: t.colMaxSize,
            numeric: true,
            cell: (e) => `${formatNumber(locale, e.maxSizeBytes / 1024 / 1024, 1)} MB`,
          },
        ]}
      />
      <Field
        label={t.sdgTargets}
        hint={t.sdgTargetsHint}
        defaultValue={form.sdgTargets.join(', ')}
        error={errorAt(t, issues, 'form.sdgTargets', false)}
        onBlur={(e) =>
          onChange({
            ...draft,
            form: {
              ...form,
              sdgTargets: e.target.value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            },
          })
        }
      />
      <Checkbox
        label={t.integrity}
        checked={form.requiresIntegrityDeclaration}
        onChange={(e) =>
          onChange({ ...draft, form: { ...form, requiresIntegrityDeclaration: e.target.checked } })
        }
      />
    </fieldset>
  );
}

export function CalendarSection({
  draft,
  onChange,
  issues,
  zone,
  onZone,
}: SectionProps & { zone: TimeZone; onZone: (zone: TimeZone) => void }) {
  const t = useTexts();
  const phases = useMessages(phaseMessages);
  const indexOf = (phase: EditionPhase) =>
    draft.calendar.findIndex((entry) => entry.phase === phase);
  const edit = (phase: EditionPhase, edge: 'startsAt' | 'endsAt', value: string) => {
    const instant = value === '' ? '' : (fromZonedInput(value, zone) ?? '');
    onChange({ ...draft, calendar: setPhaseTime(draft.calendar, phase, edge, instant) });
  };
  return (
    <fieldset>
      <legend>{t.sectionCalendar}</legend>
      <Select
        label={t.zone}
        hint={t.zoneHint}
        value={zone}
        options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
        onChange={(e) => onZone(TIME_ZONES.find((z) => z === e.target.value) ?? 'WIB')}
      />
      {errorAt(t, issues, 'calendar') ? (
        <p className="field-error">{errorAt(t, issues, 'calendar')}</p>
      ) : null}
      <Table
        caption={t.calendarCaption}
        rows={[...EDITION_PHASES]}
        rowKey={(phase) => phase}
        columns={[
          { key: 'phase', header: t.colPhaseName, rowHeader: true, cell: (phase) => phases[phase] },
          {
            key: 'start',
            header: `${t.colStart} (${zone})`,
            cell: (phase) => {
              const index = indexOf(phase);
              const entry = draft.calendar[index];
              return (
                <Field
                  label={t.phaseStart(phases[phase])}
                  className="input-datetime"
                  type="datetime-local"
                  value={entry ? toZonedInput(entry.startsAt, zone) : ''}
                  error={
                    index >= 0
                      ? (errorAt(t, issues, `calendar.${index}.startsAt`) ??
                        errorAt(t, issues, `calendar.${index}.phase`) ??
                        errorAt(t, issues, `calendar.${index}`))
                      : undefined
                  }
                  onChange={(e) => edit(phase, 'startsAt', e.target.value)}
                />
              );
            },
          },
          {
            key: 'end',
            header: `${t.colEnd} (${zone})`,
            cell: (phase) => {
              const index = indexOf(phase);
              const entry = draft.calendar[index];
              return (
                <Field
                  label={t.phaseEnd(phases[phase])}
                  className="input-datetime"
                  type="datetime-local"
                  value={entry ? toZonedInput(entry.endsAt, zone) : ''}
                  error={index >= 0 ? errorAt(t, issues, `calendar.${index}.endsAt`) : undefined}
                  onChange={(e) => edit(phase, 'endsAt', e.target.value)}
                />
              );
            },
          },
          {
            key: 'clear',
            header: '',
            cell: (phase) =>
              indexOf(phase) >= 0 ? (
                <Button
                  variant="link"
                  onClick={() =>
                    onChange({ ...draft, calendar: removePhase(draft.calendar, phase) })
                  }
                >
                  {t.clearPhase(phases[phase])}
                </Button>
              ) : null,
          },
        ]}
      />
    </fieldset>
  );
}

const STAGE_KEYS = [
  'shortlist',
  'finalistsGeneral',
  'finalistsSpecial',
  'winnersTop',
  'winnersOutstanding',
  'winnersReplicationTop',
] as const satisfies readonly (keyof EditionSettings['stageSizes'])[];

export function StageSizesSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  return (
    <fieldset>
      <legend>{t.sectionStages}</legend>
      {STAGE_KEYS.map((key) => (
        <Field
          key={key}
          label={t[`stage_${key}`]}
          type="number"
          min={0}
          value={numberValue(draft.stageSizes[key])}
          error={errorAt(t, issues, `stageSizes.${key}`)}
          onChange={(e) =>
            onChange({
              ...draft,
              stageSizes: { ...draft.stageSizes, [key]: numberInput(e.target.value) },
            })
          }
        />
      ))}
    </fieldset>
  );
}

export function RubricSection({
  draft,
  onChange,
  issues,
  which,
}: SectionProps & { which: 'rubric' | 'panelRubric' }) {
  const t = useTexts();
  const { locale } = useI18n();
  const rubric = draft[which];
  const title = which === 'rubric' ? t.sectionRubric : t.sectionPanelRubric;
  const set = (next: Rubric) => onChange({ ...draft, [which]: next });
  const setCriterion = (index: number, criterion: Rubric['criteria'][number]) =>
    set({ ...rubric, criteria: replaceAt(rubric.criteria, index, criterion) });
  const total = weightTotal(rubric.criteria);
  const weightsError = errorAt(t, issues, `${which}.criteria`);
  return (
    <fieldset>
      <legend>{title}</legend>
      <Field
        label={t.scaleMin(title)}
        type="number"
        value={numberValue(rubric.scale.min)}
        error={errorAt(t, issues, `${which}.scale`) ?? errorAt(t, issues, `${which}.scale.min`)}
        onChange={(e) =>
          set({ ...rubric, scale: { ...rubric.scale, min: numberInput(e.target.value) } })
        }
      />
      <Field
        label={t.scaleMax(title)}
        type="number"
        value={numberValue(rubric.scale.max)}
        error={errorAt(t, issues, `${which}.scale.max`)}
        onChange={(e) =>
          set({ ...rubric, scale: { ...rubric.scale, max: numberInput(e.target.value) } })
        }
      />
      {rubric.criteria.map((criterion, index) => {
        const n = index + 1;
        const path = `${which}.criteria.${index}`;
        return (
          <fieldset key={index}>
            <legend>{t.criterionLegend(n)}</legend>
            <Field
              label={t.criterionId(title, n)}
              value={criterion.criterionId}
              error={errorAt(t, issues, `${path}.criterionId`)}
              onChange={(e) => setCriterion(index, { ...criterion, criterionId: e.target.value })}
            />
            <Field
              label={t.criterionNameId(title, n)}
              lang="id"
              value={criterion.name.id}
              error={errorAt(t, issues, `${path}.name.id`)}
              onChange={(e) =>
                setCriterion(index, {
                  ...criterion,
                  name: { ...criterion.name, id: e.target.value },
                })
              }
            />
            <Field
              label={t.criterionNameEn(title, n)}
              lang="en"
              value={criterion.name.en}
              error={errorAt(t, issues, `${path}.name.en`)}
              onChange={(e) =>
                setCriterion(index, {
                  ...criterion,
                  name: { ...criterion.name, en: e.target.value },
                })
              }
            />
            {LOCALES.map((language) => (
              <TextArea
                key={language}
                label={
                  language === 'id'
                    ? t.criterionGuidanceId(title, n)
                    : t.criterionGuidanceEn(title, n)
                }
                hint={t.criterionGuidanceHint}
                lang={language}
                rows={4}
                maxLength={RUBRIC_GUIDANCE_MAX_LENGTH}
                value={criterion.guidance?.[language] ?? ''}
                error={errorAt(t, issues, `${path}.guidance.${language}`)}
                onChange={(e) =>
                  setCriterion(index, withGuidance(criterion, language, e.target.value))
                }
              />
            ))}
            <Field
              label={t.criterionWeight(title, n)}
              type="number"
              min={0}
              max={100}
              value={numberValue(criterion.weight)}
              error={errorAt(t, issues, `${path}.weight`)}
              onChange={(e) =>
                setCriterion(index, { ...criterion, weight: numberInput(e.target.value) })
              }
            />
            <Button
              variant="secondary"
              disabled={rubric.criteria.length <= 1}
              onClick={() =>
                set({ ...rubric, criteria: rubric.criteria.filter((_, i) => i !== index) })
              }
            >
              {t.removeCriterion(title, n)}
            </Button>
          </fieldset>
        );
      })}
      <p role="status" className={total === 100 ? undefined : 'field-error'}>
        {t.weightTotal(formatNumber(locale, total))}
        {weightsError ? ` — ${weightsError}` : ''}
      </p>
      <Button
        variant="secondary"
        onClick={() =>
          set({
            ...rubric,
            criteria: [
              ...rubric.criteria,
              { criterionId: '', name: { id: '', en: '' }, weight: 0 },
            ],
          })
        }
      >
        {t.addCriterion(title)}
      </Button>
    </fieldset>
  );
}

export function EvaluationSection({ draft, onChange, issues }: SectionProps) {
  const t = useTexts();
  const evaluation = draft.evaluation;
  if (!evaluation) return <p className="field-error">{t.EVALUATION_SETTINGS_MISSING}</p>;
  const set = (patch: Partial<NonNullable<EditionSettings['evaluation']>>) =>
    onChange({ ...draft, evaluation: { ...evaluation, ...patch } });
  const num = (
    label: string,
    key:
      | 'maxProposalsPerEvaluator'
      | 'scoringGraceMinutes'
      | 'minScoresForNormalization'
      | 'divergenceMargin',
  ) => (
    <Field
      label={label}
      type="number"
      value={numberValue(evaluation[key])}
      error={errorAt(t, issues, `evaluation.${key}`)}
      onChange={(e) => set({ [key]: numberInput(e.target.value) })}
    />
  );
  const interview = (label: string, key: keyof typeof evaluation.interview) => (
    <Field
      label={label}
      type="number"
      value={numberValue(evaluation.interview[key])}
      error={errorAt(t, issues, `evaluation.interview.${key}`)}
      onChange={(e) =>
        set({ interview: { ...evaluation.interview, [key]: numberInput(e.target.value) } })
      }
    />
  );
  return (
    <fieldset>
      <legend>{t.sectionEvaluation}</legend>
      {errorAt(t, issues, 'evaluation') ? (
        <p className="field-error">{errorAt(t, issues, 'evaluation')}</p>
      ) : null}
      <Checkbox
        label={t.blindReview}
        checked={evaluation.blindReview}
        onChange={(e) => set({ blindReview: e.target.checked })}
      />
      {num(t.maxPerEvaluator, 'maxProposalsPerEvaluator')}
      {num(t.graceMinutes, 'scoringGraceMinutes')}
      {num(t.minScoresForNormalization, 'minScoresForNormalization')}
      {num(t.divergenceMargin, 'divergenceMargin')}
      {interview(t.presentationMinutes, 'presentationMinutes')}
      {interview(t.interviewMinutes, 'interviewMinutes')}
      {interview(t.confirmationLeadHours, 'confirmationLeadHours')}
      <RepresentationRules
        rules={evaluation.representation}
        issues={issues}
        onChange={(representation) => set({ representation })}
      />
    </fieldset>
  );
}

type Rule = NonNullable<EditionSettings['evaluation']>['representation'][number];

/** The finalist representation rules: a dimension, one value or every value, a min and a max. */
function RepresentationRules({
  rules,
  issues,
  onChange,
}: {
  rules: readonly Rule[];
  issues: readonly FieldIssue[];
  onChange: (rules: Rule[]) => void;
}) {
  const t = useTexts();
  const setRule = (index: number, rule: Rule) => onChange(replaceAt(rules, index, rule));
  const bound = (value: string): number | null => (value.trim() === '' ? null : numberInput(value));
  return (
    <fieldset>
      <legend>{t.representationCaption}</legend>
      {rules.map((rule, index) => {
        const n = index + 1;
        const path = `evaluation.representation.${index}`;
        return (
          <div key={index} className="builder-row">
            <Select
              label={t.ruleDimension(n)}
              value={rule.dimension}
              options={REPRESENTATION_DIMENSIONS.map((d) => ({
                value: d,
                label: t[`dimension_${d}`],
              }))}
              onChange={(e) =>
                setRule(index, {
                  ...rule,
                  dimension:
                    REPRESENTATION_DIMENSIONS.find((d) => d === e.target.value) ?? rule.dimension,
                })
              }
            />
            <Field
              label={t.ruleValue(n)}
              hint={t.ruleValueHint}
              value={rule.value ?? ''}
              error={errorAt(t, issues, `${path}.value`)}
              onChange={(e) =>
                setRule(index, {
                  ...rule,
                  value: e.target.value.trim() === '' ? null : e.target.value,
                })
              }
            />
            <Field
              label={t.ruleMin(n)}
              type="number"
              min={0}
              value={rule.min === null ? '' : numberValue(rule.min)}
              error={errorAt(t, issues, `${path}.min`)}
              onChange={(e) => setRule(index, { ...rule, min: bound(e.target.value) })}
            />
            <Field
              label={t.ruleMax(n)}
              type="number"
              min={0}
              value={rule.max === null ? '' : numberValue(rule.max)}
              error={errorAt(t, issues, `${path}.max`)}
              onChange={(e) => setRule(index, { ...rule, max: bound(e.target.value) })}
            />
            <Button
              variant="secondary"
              onClick={() => onChange(rules.filter((_, i) => i !== index))}
            >
              {t.removeRule(n)}
            </Button>
          </div>
        );
      })}
      <Button
        variant="secondary"
        onClick={() =>
          onChange([...rules, { dimension: 'category', value: null, min: 1, max: null }])
        }
      >
        {t.addRule}
      </Button>
    </fieldset>
  );
}
