import { Injectable } from '@nestjs/common';
import { ReplicationLinkRepository } from '../replication-link.repository';
import type { LinkPage, ListPublicReplicationsQuery } from './list-replications.use-case';

/** The public ledger: confirmed links only; pending and disputed ones never show. */
@Injectable()
export class ListPublicReplicationsUseCase {
  constructor(private readonly links: ReplicationLinkRepository) {}

  async execute(query: ListPublicReplicationsQuery): Promise<LinkPage> {
    const { offset, limit, province, ...filter } = query;
    return this.links.list(
      {
        ...filter,
        ...(province === undefined ? {} : { adopterProvinceCode: province }),
        confirmation: 'confirmed',
      },
      { offset, limit },
    );
  }
}
