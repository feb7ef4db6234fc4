import { Injectable } from '@nestjs/common';
import { Directory } from '../directory/directory';
import { ledToReplication } from './led-to-replication';
import { VisitRepository, type StoredVisit } from './visit.repository';

/** A visit as the API shows it: with the visitor's name and whether it led to a replication. */
export interface ListedVisit extends StoredVisit {
  visitorInstitutionName: string | null;
  ledToReplication: boolean;
}

@Injectable()
export class VisitAnnotator {
  constructor(
    private readonly visits: VisitRepository,
    private readonly directory: Directory,
  ) {}

  /** Visits of one innovation, annotated with two reads whatever their number. */
  async annotate(innovationId: string, visits: readonly StoredVisit[]): Promise<ListedVisit[]> {
    const visitors = visits.map((visit) => visit.visitorInstitutionId);
    const links = await this.visits.links(innovationId, visitors);
    const institutions = await this.directory.institutionsById(visitors);
    return visits.map((visit) => ({
      ...visit,
      visitorInstitutionName: institutions.get(visit.visitorInstitutionId)?.name ?? null,
      ledToReplication: ledToReplication(visit, links),
    }));
  }

  async annotateOne(visit: StoredVisit): Promise<ListedVisit> {
    const [annotated] = await this.annotate(visit.innovationId, [visit]);
    return annotated as ListedVisit;
  }
}
