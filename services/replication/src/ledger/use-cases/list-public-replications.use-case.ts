import { Injectable } from '@nestjs/common';
import { Directory } from '../../directory/directory';
import {
  ReplicationLinkRepository,
  type StoredReplicationLink,
} from '../replication-link.repository';
import type { ListPublicReplicationsQuery } from './list-replications.use-case';

/** A confirmed link with its adopter's registry name (null when the registry has none yet). */
export type PublicReplicationLink = StoredReplicationLink & {
  adopterInstitutionName: string | null;
};

export interface PublicLinkPage {
  links: PublicReplicationLink[];
  total: number;
}

/** The public ledger: confirmed links only; pending and disputed ones never show. */
@Injectable()
export class ListPublicReplicationsUseCase {
  constructor(
    private readonly links: ReplicationLinkRepository,
    private readonly directory: Directory,
  ) {}

  async execute(query: ListPublicReplicationsQuery): Promise<PublicLinkPage> {
    const { offset, limit, province, ...filter } = query;
    const page = await this.links.list(
      {
        ...filter,
        ...(province === undefined ? {} : { adopterProvinceCode: province }),
        confirmation: 'confirmed',
      },
      { offset, limit },
    );
    const adopters = await this.directory.institutionsById(
      page.links.map((link) => link.adopterInstitutionId),
    );
    return {
      links: page.links.map((link) => ({
        ...link,
        adopterInstitutionName: adopters.get(link.adopterInstitutionId)?.name ?? null,
      })),
      total: page.total,
    };
  }
}
