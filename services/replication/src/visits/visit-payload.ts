import type { PayloadOf, VisitRecordedV1 } from '@kipp/contracts';
import type { Visit } from './visit.schema';

type VisitPayload = PayloadOf<typeof VisitRecordedV1>;

/** The payload of `replication.visit.recorded/confirmed.v1`. */
export function toVisitPayload(
  visit: Pick<
    Visit,
    | '_id'
    | 'innovationId'
    | 'originInstitutionId'
    | 'visitorInstitutionId'
    | 'visitedOn'
    | 'purpose'
    | 'confirmed'
  >,
  accountId: string,
  at: Date,
): VisitPayload {
  return {
    visitId: visit._id,
    innovationId: visit.innovationId,
    originInstitutionId: visit.originInstitutionId,
    visitorInstitutionId: visit.visitorInstitutionId,
    visitedOn: visit.visitedOn,
    purpose: visit.purpose,
    confirmed: visit.confirmed,
    changedBy: { kind: 'account', accountId },
    changedAt: at.toISOString(),
  };
}
