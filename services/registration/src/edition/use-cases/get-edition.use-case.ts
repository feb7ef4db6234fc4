import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionNotFoundError } from '../edition.errors';
import { EditionRepository } from '../edition.repository';
import type { Edition } from '../edition.schema';
import { canSeeDrafts } from '../edition.view';

@Injectable()
export class GetEditionUseCase {
  constructor(private readonly editions: EditionRepository) {}

  /** `actor` null: the anonymous public. */
  async execute(editionId: string, actor: AuthenticatedUser | null): Promise<Edition> {
    const edition = await this.editions.findById(editionId);
    // A draft is answered as absent to anyone who may not see drafts: it does not exist yet.
    if (!edition || (edition.status === 'draft' && !canSeeDrafts(actor))) {
      throw new EditionNotFoundError(editionId);
    }
    return edition;
  }
}
