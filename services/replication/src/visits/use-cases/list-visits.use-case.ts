import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { VisitAnnotator, type ListedVisit } from '../visit-annotator';
import { VisitInnovationNotFoundError } from '../visit.errors';
import { VisitRepository } from '../visit.repository';

export interface PublicVisit {
  visitId: string;
  visitedOn: string;
  visitorInstitutionName: string | null;
  purpose: string;
  ledToReplication: boolean;
}

/**
 * An innovation's visits: the origin institution and national admins see every visit, a
 * visiting institution its own; the public sees confirmed visits only.
 */
@Injectable()
export class ListVisitsUseCase {
  constructor(
    private readonly visits: VisitRepository,
    private readonly annotator: VisitAnnotator,
  ) {}

  async execute(actor: AuthenticatedUser, innovationId: string): Promise<ListedVisit[]> {
    const innovation = await this.visits.innovation(innovationId);
    if (!innovation) throw new VisitInnovationNotFoundError(innovationId);
    const seesAll =
      actor.roles.includes('national_admin') || actor.institutionId === innovation.institutionId;
    // Anyone else sees only the visits their institution made (none without one).
    const visits = await this.visits.listByInnovation(
      innovationId,
      seesAll ? {} : { visitorInstitutionId: actor.institutionId ?? '\u0000' },
    );
    return this.annotator.annotate(innovationId, visits);
  }

  async executePublic(innovationId: string): Promise<PublicVisit[]> {
    const innovation = await this.visits.innovation(innovationId);
    if (!innovation) throw new VisitInnovationNotFoundError(innovationId);
    const visits = await this.visits.listByInnovation(innovationId, { confirmedOnly: true });
    return (await this.annotator.annotate(innovationId, visits)).map((visit) => ({
      visitId: visit._id,
      visitedOn: visit.visitedOn,
      visitorInstitutionName: visit.visitorInstitutionName,
      purpose: visit.purpose,
      ledToReplication: visit.ledToReplication,
    }));
  }
}
