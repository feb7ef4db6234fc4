import type { EditionSummary } from './proposal-api';

export interface NewProposalInput {
  readonly editionId: string;
  readonly groupId: string;
  readonly categoryId: string;
  readonly title: string;
}

export type NewProposalErrors = Partial<Record<keyof NewProposalInput, 'required' | 'length'>>;

/** The same rules as submissions' create body: every choice made, a title of 3–300 characters. */
export function validateNewProposal(input: NewProposalInput): NewProposalErrors {
  const errors: NewProposalErrors = {};
  if (!input.editionId) errors.editionId = 'required';
  if (!input.groupId) errors.groupId = 'required';
  if (!input.categoryId) errors.categoryId = 'required';
  const title = input.title.trim();
  if (title.length < 3 || title.length > 300) errors.title = 'length';
  return errors;
}

/**
 * Editions a unit may start a draft in: published and in the submission phase, and groups
 * open to everyone or to which the institution is invited.
 */
export function openEditions(editions: readonly EditionSummary[]): EditionSummary[] {
  return editions.filter(
    (edition) => edition.status === 'published' && edition.currentPhase === 'submission',
  );
}

export function groupsFor(edition: EditionSummary | undefined, institutionId: string | null) {
  return (edition?.configuration.groups ?? []).filter(
    (group) =>
      !group.eligibility.invitationOnly ||
      (institutionId !== null && (group.invitedInstitutionIds ?? []).includes(institutionId)),
  );
}
