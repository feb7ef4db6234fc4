import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { REPLICATION_STATUSES } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { changeOf } from '../link-events';
import { canCountersign, canDispute, canMoveStatus, sideOf, type Side } from '../link-rules';
import {
  ConfirmationTransitionInvalidError,
  ReplicationChangedError,
  ReplicationForbiddenError,
  ReplicationNotFoundError,
  StatusTransitionInvalidError,
} from '../ledger.errors';
import {
  ReplicationLinkRepository,
  type StoredReplicationLink,
} from '../replication-link.repository';
import type { LinkActor } from '../replication-link.schema';

/**
 * The revision the caller decided on (as it read the link). Given, a link changed since is a
 * 409 `REPLICATION_CHANGED` rather than a change applied on top of one the caller never saw.
 */
const expectedRevision = z.number().int().min(1).optional();

export const countersignReplicationBodySchema = z.strictObject({ expectedRevision }).default({});
export type CountersignReplicationBody = z.infer<typeof countersignReplicationBodySchema>;

export const disputeReplicationBodySchema = z.strictObject({
  reason: z.string().trim().min(10).max(2000),
  expectedRevision,
});
export type DisputeReplicationBody = z.infer<typeof disputeReplicationBodySchema>;

export const changeReplicationStatusBodySchema = z.strictObject({
  status: z.enum(REPLICATION_STATUSES),
  note: z.string().trim().min(1).max(2000).optional(),
  expectedRevision,
});
export type ChangeReplicationStatusBody = z.infer<typeof changeReplicationStatusBodySchema>;

/**
 * The changes of a link after it was recorded: the origin counter-signs or disputes it, the
 * adopter moves its status. Only the two institutions may change it, each its own part.
 * Every change is conditional on the revision it was decided on, so of two concurrent
 * changes exactly one wins and the other is a 409 `REPLICATION_CHANGED`.
 */
@Injectable()
export class ChangeReplicationUseCase {
  constructor(
    private readonly links: ReplicationLinkRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async countersign(
    user: AuthenticatedUser,
    replicationId: string,
    body: CountersignReplicationBody = {},
    now = new Date(),
  ): Promise<StoredReplicationLink> {
    const link = await this.load(user, replicationId, 'origin', body.expectedRevision);
    if (!canCountersign(link.confirmation)) {
      throw new ConfirmationTransitionInvalidError(replicationId, link.confirmation, 'countersign');
    }
    // A settled dispute leaves its reason in the history, not on the confirmed link.
    return this.apply(
      user,
      link,
      'countersigned',
      { confirmation: 'confirmed', disputeReason: null },
      null,
      now,
    );
  }

  async dispute(
    user: AuthenticatedUser,
    replicationId: string,
    body: DisputeReplicationBody,
    now = new Date(),
  ): Promise<StoredReplicationLink> {
    const link = await this.load(user, replicationId, 'origin', body.expectedRevision);
    if (!canDispute(link.confirmation)) {
      throw new ConfirmationTransitionInvalidError(replicationId, link.confirmation, 'dispute');
    }
    return this.apply(
      user,
      link,
      'disputed',
      { confirmation: 'disputed', disputeReason: body.reason },
      body.reason,
      now,
    );
  }

  async changeStatus(
    user: AuthenticatedUser,
    replicationId: string,
    body: ChangeReplicationStatusBody,
    now = new Date(),
  ): Promise<StoredReplicationLink> {
    const link = await this.load(user, replicationId, 'adopter', body.expectedRevision);
    if (!canMoveStatus(link.status, body.status)) {
      throw new StatusTransitionInvalidError(replicationId, link.status, body.status);
    }
    return this.apply(
      user,
      link,
      'status-changed',
      { status: body.status, active: body.status !== 'stopped' },
      body.note ?? null,
      now,
    );
  }

  private async load(
    user: AuthenticatedUser,
    replicationId: string,
    side: Side,
    expected: number | undefined,
  ): Promise<StoredReplicationLink> {
    const link = await this.links.findById(replicationId);
    if (!link) throw new ReplicationNotFoundError(replicationId);
    if (sideOf(user, link) !== side) {
      throw new ReplicationForbiddenError(
        replicationId,
        side === 'origin'
          ? 'only the origin institution may counter-sign or dispute this replication'
          : 'only the adopting institution may change the status of this replication',
      );
    }
    if (expected !== undefined && expected !== link.revision) {
      throw new ReplicationChangedError(replicationId, link.revision);
    }
    return link;
  }

  private async apply(
    user: AuthenticatedUser,
    link: StoredReplicationLink,
    action: Parameters<typeof changeOf>[1],
    change: Parameters<typeof changeOf>[2] & { active?: boolean },
    note: string | null,
    now: Date,
  ): Promise<StoredReplicationLink> {
    const actor: LinkActor = { kind: 'account', accountId: user.accountId };
    const { active, ...visible } = change;
    const { next, entry, event } = changeOf(link, action, visible, actor, note, now);
    const applied = await this.links.applyChange(
      link._id,
      link.revision,
      { ...visible, ...(active === undefined ? {} : { active }) },
      entry,
      [event],
      now,
    );
    if (!applied) throw new ReplicationChangedError(link._id, link.revision);
    this.outbox.nudge();
    return { ...next, ...(active === undefined ? {} : { active }) };
  }
}
