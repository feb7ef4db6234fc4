import type { Proposal, ProposalChanges } from './proposal-api';

/** What the unit edits in a proposal, in the shape the editor keeps it. */
export interface DraftContent {
  readonly title: string;
  readonly innovationStartDate: string | null;
  readonly sections: Readonly<Record<string, string>>;
  readonly sdgTargets: readonly string[];
  readonly sourceInnovationIds: readonly string[];
}

/** A part of the content a conflict can be decided on, one at a time. */
export type FieldKey =
  'title' | 'innovationStartDate' | 'sdgTargets' | 'sourceInnovationIds' | `section:${string}`;

/** Counts words as submissions does (runs of non-space), so both show the same number. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

export function contentOf(proposal: Proposal): DraftContent {
  return {
    title: proposal.title,
    innovationStartDate: proposal.innovationStartDate,
    sections: Object.fromEntries(proposal.sections.map((s) => [s.sectionId, s.text])),
    sdgTargets: [...proposal.sdgTargets.selected],
    sourceInnovationIds: [...proposal.sourceInnovationIds],
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function sectionIds(a: DraftContent, b: DraftContent): string[] {
  return [...new Set([...Object.keys(a.sections), ...Object.keys(b.sections)])];
}

/** The parts in which two versions differ, in form order (title, date, sections, lists). */
export function differingFields(a: DraftContent, b: DraftContent): FieldKey[] {
  const fields: FieldKey[] = [];
  if (a.title !== b.title) fields.push('title');
  if (a.innovationStartDate !== b.innovationStartDate) fields.push('innovationStartDate');
  for (const id of sectionIds(a, b)) {
    if ((a.sections[id] ?? '') !== (b.sections[id] ?? '')) fields.push(`section:${id}`);
  }
  if (!sameList(a.sdgTargets, b.sdgTargets)) fields.push('sdgTargets');
  if (!sameList(a.sourceInnovationIds, b.sourceInnovationIds)) fields.push('sourceInnovationIds');
  return fields;
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return differingFields(a, b).length === 0;
}

/** Only what changed since `base`, as a save of submissions takes it. */
export function changesSince(base: DraftContent, draft: DraftContent): ProposalChanges {
  const fields = differingFields(base, draft);
  const sections = fields
    .filter((field): field is `section:${string}` => field.startsWith('section:'))
    .map((field) => {
      const sectionId = field.slice('section:'.length);
      return { sectionId, text: draft.sections[sectionId] ?? '' };
    });
  return {
    ...(fields.includes('title') ? { title: draft.title } : {}),
    ...(fields.includes('innovationStartDate')
      ? { innovationStartDate: draft.innovationStartDate }
      : {}),
    ...(sections.length > 0 ? { sections } : {}),
    ...(fields.includes('sdgTargets') ? { sdgTargets: [...draft.sdgTargets] } : {}),
    ...(fields.includes('sourceInnovationIds')
      ? { sourceInnovationIds: [...draft.sourceInnovationIds] }
      : {}),
  };
}

export type Choice = 'mine' | 'theirs';

/** One version out of two: each differing part from the side the person chose (mine by default). */
export function mergeContent(
  mine: DraftContent,
  theirs: DraftContent,
  choices: Readonly<Partial<Record<FieldKey, Choice>>>,
): DraftContent {
  const pick = (field: FieldKey) => (choices[field] ?? 'mine') === 'mine';
  const sections: Record<string, string> = {};
  for (const id of sectionIds(mine, theirs)) {
    sections[id] = pick(`section:${id}`) ? (mine.sections[id] ?? '') : (theirs.sections[id] ?? '');
  }
  return {
    title: pick('title') ? mine.title : theirs.title,
    innovationStartDate: pick('innovationStartDate')
      ? mine.innovationStartDate
      : theirs.innovationStartDate,
    sections,
    sdgTargets: pick('sdgTargets') ? mine.sdgTargets : theirs.sdgTargets,
    sourceInnovationIds: pick('sourceInnovationIds')
      ? mine.sourceInnovationIds
      : theirs.sourceInnovationIds,
  };
}
