/** The part of a ledger link (part R2's `replication_links`) a visit is matched against. */
export interface LinkTrace {
  adopterInstitutionId: string;
  confirmation: string;
  /** Withdrawn by the adopter: recorded by mistake, no replication. */
  withdrawn: boolean;
  recordedAt: Date;
}

export interface VisitTrace {
  visitorInstitutionId: string;
  visitedOn: string;
  confirmed: boolean;
}

/**
 * A confirmed visit led to a replication when the visitor recorded a replication link of
 * the same innovation on or after the day of the visit. A disputed or withdrawn link is no
 * replication.
 * `links` are the innovation's links.
 */
export function ledToReplication(visit: VisitTrace, links: readonly LinkTrace[]): boolean {
  if (!visit.confirmed) return false;
  const visitDay = Date.parse(`${visit.visitedOn}T00:00:00.000Z`);
  return links.some(
    (link) =>
      link.adopterInstitutionId === visit.visitorInstitutionId &&
      link.confirmation !== 'disputed' &&
      !link.withdrawn &&
      link.recordedAt.getTime() >= visitDay,
  );
}
