import { createHash } from 'node:crypto';
import type { ProposalSnapshot } from '@kipp/contracts';
import type { InstitutionEntry } from '../directory/directory.schema';
import type { InnovationAwardEntry, InnovationDocument } from './innovation.schema';
import { searchFieldsOf } from './search/search-text';

type Content = Pick<
  InnovationDocument,
  'title' | 'unitId' | 'categoryId' | 'sdgTargets' | 'sections'
>;
type InstitutionFields = Pick<
  InnovationDocument,
  'institutionId' | 'institutionName' | 'institutionType' | 'provinceCode'
>;

/**
 * The persistent id, derived from the first proposal the innovation was entered as: stable,
 * and two publications of one proposal at the same instant collide on it.
 */
export function innovationIdFor(proposalId: string): string {
  return `inv_${createHash('sha256').update(proposalId).digest('hex').slice(0, 16)}`;
}

export function contentOfSnapshot(snapshot: ProposalSnapshot): Content {
  return {
    title: snapshot.title,
    unitId: snapshot.unitId,
    categoryId: snapshot.categoryId,
    sdgTargets: [...snapshot.sdgTargets],
    sections: snapshot.sections.map((s) => ({ sectionId: s.sectionId, text: s.text })),
  };
}

/**
 * The institution as the registry published it. Until its record arrives (registration
 * publishes it long before any award, so only on a replay out of order) the id stands in
 * for the name; the institution's own event fills it in.
 */
export function institutionFields(
  institutionId: string,
  entry: InstitutionEntry | null,
  current?: InstitutionFields,
): InstitutionFields {
  if (entry)
    return {
      institutionId,
      institutionName: entry.name,
      institutionType: entry.type,
      provinceCode: entry.provinceCode,
    };
  return current
    ? { ...current, institutionId }
    : {
        institutionId,
        institutionName: institutionId,
        institutionType: 'agency',
        provinceCode: null,
      };
}

/** The awards with one edition's tiers replaced. */
export function withEditionAwards(
  awards: readonly InnovationAwardEntry[],
  editionId: string,
  entries: readonly InnovationAwardEntry[],
): InnovationAwardEntry[] {
  return [...awards.filter((a) => a.editionId !== editionId), ...entries].sort(
    (a, b) => a.year - b.year || a.editionId.localeCompare(b.editionId),
  );
}

/** The next state with fresh search fields; null when nothing public changed. */
export function nextState(
  current: InnovationDocument,
  changes: Partial<InnovationDocument>,
  now: Date,
): InnovationDocument | null {
  const merged: InnovationDocument = { ...current, ...changes };
  if (samePublicState(current, merged)) return null;
  return {
    ...merged,
    revision: current.revision + 1,
    updatedAt: now,
    search: searchFieldsOf(merged),
  };
}

const COMPARED: readonly (keyof InnovationDocument)[] = [
  'title',
  'institutionId',
  'institutionName',
  'institutionType',
  'provinceCode',
  'unitId',
  'categoryId',
  'sdgTargets',
  'sections',
  'proposalIds',
  'awards',
  'status',
];

function samePublicState(a: InnovationDocument, b: InnovationDocument): boolean {
  return COMPARED.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export function newInnovation(
  fields: Omit<InnovationDocument, 'revision' | 'search' | 'createdAt' | 'updatedAt' | 'status'>,
  now: Date,
): InnovationDocument {
  const base = {
    ...fields,
    revision: 1,
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
  };
  return { ...base, search: searchFieldsOf(base) };
}
