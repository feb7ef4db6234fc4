import type { Translation } from '../../../i18n';
import { issuesAt, type FieldIssue } from './edition-form';
import type { editionMessages } from './messages';

export type EditionTexts = Translation<(typeof editionMessages)['id']>;

/** What a person reads for a rejected field: the rule's message, else a generic one. */
export function issueText(t: EditionTexts, issue: FieldIssue): string {
  const texts: Readonly<Record<string, unknown>> = t;
  const byCode = issue.code ? texts[issue.code] : undefined;
  return typeof byCode === 'string' ? byCode : t.invalidValue;
}

/** A field's error text from the issues at its path (or under it), if any. */
export function errorAt(
  t: EditionTexts,
  issues: readonly FieldIssue[],
  path: string,
  exact = true,
): string | undefined {
  const found = issuesAt(issues, path, exact);
  if (found.length === 0) return undefined;
  return [...new Set(found.map((issue) => issueText(t, issue)))].join(' ');
}

const SECTION_OF_FIELD = {
  categories: 'sectionCategories',
  groups: 'sectionGroups',
  form: 'sectionForm',
  calendar: 'sectionCalendar',
  stageSizes: 'sectionStages',
  rubric: 'sectionRubric',
  panelRubric: 'sectionPanelRubric',
  evaluation: 'sectionEvaluation',
} as const satisfies Readonly<Record<string, keyof EditionTexts>>;

/** The builder section a rejected field sits in (its first path segment), for the summary. */
export function sectionOfIssue(t: EditionTexts, issue: FieldIssue): string {
  const head = issue.path.split('.')[0] ?? '';
  const key = (SECTION_OF_FIELD as Readonly<Record<string, keyof EditionTexts>>)[head];
  const text = key ? t[key] : t.sectionGeneral;
  return typeof text === 'string' ? text : t.sectionGeneral;
}
