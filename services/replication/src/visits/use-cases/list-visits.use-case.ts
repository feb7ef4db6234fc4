import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { Directory } from '../../directory/directory';
import { ledToReplication } from '../led-to-replication';
import { VisitInnovationNotFoundError } from '../visit.errors';
import { VisitRepository, type StoredVisit } from '../visit.repository';

export interface ListedVisit extends StoredVisit {
  visitorInstitutionName: string | null;
  ledToReplication: boolean;
}

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
    private readonly directory: Directory,
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
    return this.annotate(innovationId, visits);
  }

  async executePublic(innovationId: string): Promise<PublicVisit[]> {
    const innovation = await this.visits.innovation(innovationId);
    if (!innovation) throw new VisitInnovationNotFoundError(innovationId);
    const visits = await this.visits.listByInnovation(innovationId, { confirmedOnly: true });
    return (await this.annotate(innovationId, visits)).map((visit) => ({
      visitId: visit._id,
      visitedOn: visit.visitedOn,
      visitorInstitutionName: visit.visitorInstitutionName,
      purpose: visit.purpose,
      ledToReplication: visit.ledToReplication,
    }));
  }

  private async annotate(innovationId: string, visits: StoredVisit[]): Promise<ListedVisit[]> {
    const visitors = visits.map((visit) => visit.visitorInstitutionId);
    const links = await this.visits.links(innovationId, visitors);
    const institutions = await this.directory.institutionsById(visitors);
    return visits.map((visit) => ({
      ...visit,
      visitorInstitutionName: institutions.get(visit.visitorInstitutionId)?.name ?? null,
      ledToReplication: ledToReplication(visit, links),
    }));
  }
}
