import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { canRead } from '../link-rules';
import { ReplicationForbiddenError, ReplicationNotFoundError } from '../ledger.errors';
import {
  ReplicationLinkRepository,
  type StoredReplicationLink,
} from '../replication-link.repository';

/** A link in full (evidence list, history) for its two institutions and the ministry. */
@Injectable()
export class GetReplicationUseCase {
  constructor(private readonly links: ReplicationLinkRepository) {}

  async execute(user: AuthenticatedUser, replicationId: string): Promise<StoredReplicationLink> {
    const link = await this.links.findById(replicationId);
    if (!link) throw new ReplicationNotFoundError(replicationId);
    if (!canRead(user, link)) {
      throw new ReplicationForbiddenError(
        replicationId,
        'only the adopting and the origin institutions may read this replication',
      );
    }
    return link;
  }
}
