import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { REPLICATION_CONFIRMATIONS, REPLICATION_STATUSES } from '@kipp/contracts';
import { ReplicationForbiddenError } from '../ledger.errors';
import {
  ReplicationLinkRepository,
  type StoredReplicationLink,
} from '../replication-link.repository';

const id = z.string().min(1).max(64);
const page = {
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export const listReplicationsQuerySchema = z.strictObject({
  innovationId: id.optional(),
  institutionId: id.optional(),
  confirmation: z.enum(REPLICATION_CONFIRMATIONS).optional(),
  status: z.enum(REPLICATION_STATUSES).optional(),
  ...page,
});
export type ListReplicationsQuery = z.infer<typeof listReplicationsQuerySchema>;

export const listPublicReplicationsQuerySchema = z.strictObject({
  innovationId: id.optional(),
  adopterInstitutionId: id.optional(),
  province: z.string().min(2).max(13).optional(),
  ...page,
});
export type ListPublicReplicationsQuery = z.infer<typeof listPublicReplicationsQuerySchema>;

export interface LinkPage {
  links: StoredReplicationLink[];
  total: number;
}

/**
 * The links a signed-in party may see: its own institution's, as adopter or origin; the
 * ministry sees every link (and may narrow to one institution).
 */
@Injectable()
export class ListReplicationsUseCase {
  constructor(private readonly links: ReplicationLinkRepository) {}

  async execute(user: AuthenticatedUser, query: ListReplicationsQuery): Promise<LinkPage> {
    const { offset, limit, institutionId, ...filter } = query;
    let scope = institutionId;
    if (!user.roles.includes('national_admin')) {
      if (!user.institutionId || (institutionId && institutionId !== user.institutionId)) {
        throw new ReplicationForbiddenError(
          null,
          "only your own institution's replications can be listed",
        );
      }
      scope = user.institutionId;
    }
    return this.links.list(
      { ...filter, ...(scope === undefined ? {} : { institutionId: scope }) },
      { offset, limit },
    );
  }
}
