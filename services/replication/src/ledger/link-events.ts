import {
  CountersignRequestedV1,
  ReplicationCountersignedV1,
  ReplicationDisputedV1,
  ReplicationRecordedV1,
  ReplicationStatusChangedV1,
} from '@kipp/contracts';
import { createEvent, type PendingEvent } from '@kipp/messaging';
import type { StoredReplicationLink } from './replication-link.repository';
import {
  toReplicationLink,
  type LinkActor,
  type LinkHistoryEntry,
  type ReplicationLinkDocument,
} from './replication-link.schema';

/** What differs between new links: where the replication comes from and what it says. */
export type NewLinkFields = Pick<
  ReplicationLinkDocument,
  | '_id'
  | 'innovationId'
  | 'innovationTitle'
  | 'originInstitutionId'
  | 'originUnitId'
  | 'adopterInstitutionId'
  | 'adopterProvinceCode'
  | 'title'
  | 'status'
  | 'source'
  | 'proposalId'
  | 'visitId'
  | 'evidence'
>;

/** A link as first recorded: revision 1, waiting for the origin's counter-signature. */
export function newLink(fields: NewLinkFields, by: LinkActor, now: Date): ReplicationLinkDocument {
  return {
    ...fields,
    revision: 1,
    confirmation: 'pending',
    disputeReason: null,
    history: [
      {
        revision: 1,
        action: 'recorded',
        by,
        at: now,
        status: fields.status,
        confirmation: 'pending',
        note: null,
      },
    ],
    active: fields.status !== 'stopped',
    withdrawnAt: null,
    recordedAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** A new link: the ledger records it, and the origin is asked to counter-sign it. */
export function recordedEvents(
  link: ReplicationLinkDocument,
  actor: LinkActor,
  now: Date,
): PendingEvent[] {
  return [
    createEvent(ReplicationRecordedV1, {
      link: toReplicationLink(link),
      changedBy: actor,
      changedAt: now.toISOString(),
    }),
    createEvent(CountersignRequestedV1, {
      replicationId: link._id,
      innovationId: link.innovationId,
      innovationTitle: link.innovationTitle,
      originInstitutionId: link.originInstitutionId,
      originUnitId: link.originUnitId,
      adopterInstitutionId: link.adopterInstitutionId,
      replicationTitle: link.title,
      // No deadline: the origin may answer whenever; the link stays pending until then.
      respondBy: null,
      requestedBy: actor,
      requestedAt: now.toISOString(),
    }),
  ];
}

const CHANGE_EVENTS = {
  countersigned: ReplicationCountersignedV1,
  disputed: ReplicationDisputedV1,
  'status-changed': ReplicationStatusChangedV1,
} as const;

/** The link after a change, its history entry and the event that announces it. */
export function changeOf(
  link: StoredReplicationLink,
  action: keyof typeof CHANGE_EVENTS,
  change: Partial<Pick<ReplicationLinkDocument, 'status' | 'confirmation' | 'disputeReason'>>,
  actor: LinkActor,
  note: string | null,
  now: Date,
): { next: StoredReplicationLink; entry: LinkHistoryEntry; event: PendingEvent } {
  const status = change.status ?? link.status;
  const confirmation = change.confirmation ?? link.confirmation;
  const entry: LinkHistoryEntry = {
    revision: link.revision + 1,
    action,
    by: actor,
    at: now,
    status,
    confirmation,
    note,
  };
  const next: StoredReplicationLink = {
    ...link,
    ...change,
    revision: entry.revision,
    history: [...link.history, entry],
    updatedAt: now,
  };
  const event = createEvent(CHANGE_EVENTS[action], {
    link: toReplicationLink(next),
    changedBy: actor,
    changedAt: now.toISOString(),
  });
  return { next, entry, event };
}
