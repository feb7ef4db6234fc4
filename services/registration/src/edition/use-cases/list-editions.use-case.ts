import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionRepository } from '../edition.repository';
import type { Edition, EditionStatus } from '../edition.schema';
import { canSeeDrafts } from '../edition.view';

export interface ListEditionsFilter {
  readonly status?: EditionStatus | undefined;
  readonly year?: number | undefined;
}

@Injectable()
export class ListEditionsUseCase {
  constructor(private readonly editions: EditionRepository) {}

  /** `actor` null: the anonymous public. */
  async execute(filter: ListEditionsFilter, actor: AuthenticatedUser | null): Promise<Edition[]> {
    if (!canSeeDrafts(actor) && filter.status === 'draft') return [];
    const status = canSeeDrafts(actor) ? filter.status : 'published';
    return this.editions.list({
      ...(status ? { status } : {}),
      ...(filter.year !== undefined ? { year: filter.year } : {}),
    });
  }
}
