import type { EditionConfiguration, ProposalSnapshot } from '@kipp/contracts';

/** A check as the secretariat sees it before deciding: pre-filled, never binding. */
export interface PrefilledCheck {
  check: SelectionCheckId;
  outcome: 'pass' | 'warn' | 'fail';
  detail: string;
}

/** The checks of administrative selection, in the order the secretariat works through them. */
export const SELECTION_CHECKS = [
  'innovation-age',
  'completeness',
  'careless-answers',
  'duplicate-title',
  'prior-awards',
] as const;
export type SelectionCheckId = (typeof SELECTION_CHECKS)[number];

/**
 * A section below this share of its word limit looks unanswered. Generous on purpose: the
 * check only flags for a human, and a short but real answer should not look careless.
 */
export const DEFAULT_MIN_WORD_SHARE = 0.1;

/** Texts participants put in a field they did not answer (Indonesian and English). */
const PLACEHOLDERS = new Set([
  '',
  '-',
  '--',
  '.',
  '...',
  'x',
  'xx',
  'xxx',
  'n/a',
  'na',
  'tidak ada',
  'belum ada',
  'tidak',
  'kosong',
  'none',
  'nil',
  'test',
  'tes',
  'coba',
  'todo',
  'tbd',
]);

/** Texts shorter than this (after normalising) are not compared as pasted copies. */
const MIN_COPIED_TEXT_LENGTH = 40;

/** Lower case, punctuation dropped, whitespace collapsed. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}/\s]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .join(' ');
}

function isPlaceholder(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (PLACEHOLDERS.has(trimmed)) return true;
  const normalised = normaliseText(text);
  return PLACEHOLDERS.has(normalised) || normalised.includes('lorem ipsum');
}

/**
 * Careless answers: placeholder text, the same text pasted into several sections (fail),
 * sections far under a sensible share of their word limit (warn). Only the sections the
 * proposal's group has in the edition's form are judged.
 */
export function checkCarelessAnswers(
  snapshot: Pick<ProposalSnapshot, 'groupId' | 'sections'>,
  form: EditionConfiguration['form'],
  minWordShare = DEFAULT_MIN_WORD_SHARE,
): PrefilledCheck {
  const limits = new Map(
    form.sections
      .filter((section) => section.groups.includes(snapshot.groupId))
      .map((section) => [section.sectionId, section.wordLimit]),
  );
  const sections = [...snapshot.sections]
    .filter((section) => limits.has(section.sectionId))
    .sort((a, b) => a.sectionId.localeCompare(b.sectionId));

  const placeholders = sections.filter((s) => isPlaceholder(s.text)).map((s) => s.sectionId);
  const byText = new Map<string, string[]>();
  for (const section of sections) {
    const text = normaliseText(section.text);
    if (text.length < MIN_COPIED_TEXT_LENGTH) continue;
    byText.set(text, [...(byText.get(text) ?? []), section.sectionId]);
  }
  const copied = [...byText.values()].filter((ids) => ids.length > 1);
  const short = sections
    .filter((s) => !placeholders.includes(s.sectionId))
    .filter((s) => s.wordCount < (limits.get(s.sectionId) ?? 0) * minWordShare)
    .map((s) => `${s.sectionId} (${s.wordCount}/${limits.get(s.sectionId)} words)`);

  const findings = [
    ...(placeholders.length > 0 ? [`placeholder text in ${placeholders.join(', ')}`] : []),
    ...copied.map((ids) => `same text in ${ids.join(', ')}`),
    ...(short.length > 0 ? [`far under the word limit: ${short.join(', ')}`] : []),
  ];
  if (findings.length === 0) {
    return { check: 'careless-answers', outcome: 'pass', detail: 'no careless answer found' };
  }
  const outcome = placeholders.length > 0 || copied.length > 0 ? 'fail' : 'warn';
  return { check: 'careless-answers', outcome, detail: findings.join('; ').slice(0, 1000) };
}

/** Lower case, punctuation removed, word order ignored: how titles are compared. */
export function titleKey(title: string): string {
  return normaliseText(title).split(' ').sort().join(' ');
}

export interface EditionTitle {
  proposalId: string;
  institutionId: string;
  title: string;
}

/** For every proposal, the other proposals of the edition with the same title (any institution). */
export function findDuplicateTitles(titles: readonly EditionTitle[]): Map<string, EditionTitle[]> {
  const byKey = new Map<string, EditionTitle[]>();
  for (const entry of titles) {
    const key = titleKey(entry.title);
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const duplicates = new Map<string, EditionTitle[]>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.proposalId.localeCompare(b.proposalId));
    for (const entry of sorted) {
      duplicates.set(
        entry.proposalId,
        sorted.filter((other) => other.proposalId !== entry.proposalId),
      );
    }
  }
  return duplicates;
}

export function checkDuplicateTitle(
  proposalId: string,
  duplicates: ReadonlyMap<string, readonly EditionTitle[]>,
): PrefilledCheck {
  const others = duplicates.get(proposalId) ?? [];
  if (others.length === 0) {
    return {
      check: 'duplicate-title',
      outcome: 'pass',
      detail: 'no other proposal of the edition has this title',
    };
  }
  const listed = others.slice(0, 10).map((o) => `${o.proposalId} (${o.institutionId})`);
  return {
    check: 'duplicate-title',
    outcome: 'fail',
    detail: `same title as ${listed.join(', ')}${others.length > 10 ? ` and ${others.length - 10} more` : ''}`,
  };
}

type Eligibility = ProposalSnapshot['eligibility'];
const SEVERITY = { pass: 0, warn: 1, fail: 2 } as const;

/** The worst of the snapshot's pre-checks with these names, or a warning when none ran. */
function fromEligibility(
  check: SelectionCheckId,
  eligibility: Eligibility,
  names: readonly string[],
): PrefilledCheck {
  const found = eligibility.filter((e) => names.includes(e.check));
  if (found.length === 0) {
    return { check, outcome: 'warn', detail: 'not checked at submission; check by hand' };
  }
  const worst = found.reduce((a, b) => (SEVERITY[b.outcome] > SEVERITY[a.outcome] ? b : a));
  const detail = found
    .filter((e) => e.outcome !== 'pass' || found.length === 1)
    .map((e) => (found.length > 1 ? `${e.check}: ${e.detail}` : e.detail))
    .join('; ');
  return { check, outcome: worst.outcome, detail: detail.slice(0, 1000) || 'all passed' };
}

/** Every check pre-filled: the snapshot's pre-checks plus careless answers and duplicate titles. */
export function prefillChecks(
  snapshot: ProposalSnapshot,
  form: EditionConfiguration['form'],
  duplicates: ReadonlyMap<string, readonly EditionTitle[]>,
  minWordShare = DEFAULT_MIN_WORD_SHARE,
): PrefilledCheck[] {
  const { eligibility } = snapshot;
  return [
    fromEligibility('innovation-age', eligibility, ['innovation-age']),
    fromEligibility('completeness', eligibility, [
      'required-sections',
      'required-evidence',
      'word-limits',
      'integrity-declaration',
      'source-innovation',
    ]),
    checkCarelessAnswers(snapshot, form, minWordShare),
    checkDuplicateTitle(snapshot.proposalId, duplicates),
    fromEligibility('prior-awards', eligibility, ['prior-awards']),
  ];
}
