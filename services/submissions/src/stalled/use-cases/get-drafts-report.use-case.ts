import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { PROPOSAL_STATUSES, type ProposalStatus } from '../../proposal/proposal.schema';
import { DraftsReportEditionNotKnownError, DraftsReportForbiddenError } from '../stalled.errors';
import { StalledRepository, type StatusCountRow } from '../stalled.repository';
import { sittingWith } from './detect-stalled-proposals.use-case';

export interface InstitutionDrafts {
  institutionId: string;
  counts: Record<ProposalStatus, number>;
  withUnit: number;
  withLocalAdmin: number;
  /** Oldest `statusSince` of the proposals still with the unit or the local admin. */
  oldestSittingSince: Date | null;
}

export interface DraftsReport {
  editionId: string;
  institutions: InstitutionDrafts[];
}

/**
 * Where an edition's proposals are, per institution: the national admin sees every
 * institution, most stuck first; a local admin only its own.
 */
@Injectable()
export class GetDraftsReportUseCase {
  constructor(private readonly stalled: StalledRepository) {}

  async execute(editionId: string, actor: AuthenticatedUser): Promise<DraftsReport> {
    const institutionId = reportScope(actor);
    if (!(await this.stalled.editionExists(editionId))) {
      throw new DraftsReportEditionNotKnownError(editionId);
    }
    const rows = await this.stalled.countByInstitutionAndStatus(editionId, institutionId);
    return { editionId, institutions: summarize(rows) };
  }
}

/** Null: every institution. */
function reportScope(actor: AuthenticatedUser): string | null {
  if (actor.roles.includes('national_admin')) return null;
  if (actor.roles.includes('local_admin') && actor.institutionId !== null) {
    return actor.institutionId;
  }
  throw new DraftsReportForbiddenError();
}

export function summarize(rows: readonly StatusCountRow[]): InstitutionDrafts[] {
  const byInstitution = new Map<string, InstitutionDrafts>();
  for (const row of rows) {
    let entry = byInstitution.get(row.institutionId);
    if (!entry) {
      entry = {
        institutionId: row.institutionId,
        counts: Object.fromEntries(PROPOSAL_STATUSES.map((status) => [status, 0])) as Record<
          ProposalStatus,
          number
        >,
        withUnit: 0,
        withLocalAdmin: 0,
        oldestSittingSince: null,
      };
      byInstitution.set(row.institutionId, entry);
    }
    entry.counts[row.status] += row.count;
    const holder = sittingWith(row.status);
    if (holder === null) continue;
    if (holder === 'unit') entry.withUnit += row.count;
    else entry.withLocalAdmin += row.count;
    if (entry.oldestSittingSince === null || row.oldestSince < entry.oldestSittingSince) {
      entry.oldestSittingSince = row.oldestSince;
    }
  }
  return [...byInstitution.values()].sort(mostStuckFirst);
}

function mostStuckFirst(a: InstitutionDrafts, b: InstitutionDrafts): number {
  const stuck = b.withUnit + b.withLocalAdmin - (a.withUnit + a.withLocalAdmin);
  if (stuck !== 0) return stuck;
  const oldest =
    (a.oldestSittingSince?.getTime() ?? Infinity) - (b.oldestSittingSince?.getTime() ?? Infinity);
  if (oldest !== 0 && !Number.isNaN(oldest)) return oldest;
  return a.institutionId.localeCompare(b.institutionId);
}
