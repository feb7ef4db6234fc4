import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionInvalidError } from '../edition.errors';
import { EditionRepository } from '../edition.repository';
import { editionIssues, InstitutionRegistry } from '../institution-registry';
import type { EditionSettings } from '../edition-rules';
import type { Edition } from '../edition.schema';
import { actorOf } from '../edition.view';

/** Creates an edition as a draft; nothing is published until the national admin says so. */
@Injectable()
export class CreateEditionUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    settings: EditionSettings,
    actor: AuthenticatedUser,
    clonedFrom?: string,
  ): Promise<Edition> {
    const issues = await editionIssues(settings, this.registry);
    if (issues.length > 0) throw new EditionInvalidError(issues);
    return this.editions.insert({
      _id: `ed_${randomUUID()}`,
      status: 'draft',
      settings,
      revision: 0,
      currentPhase: null,
      history: [
        {
          at: new Date(),
          by: actorOf(actor),
          action: 'created',
          ...(clonedFrom ? { clonedFrom } : {}),
        },
      ],
      createdBy: actor.accountId,
      publishedAt: null,
    });
  }
}
