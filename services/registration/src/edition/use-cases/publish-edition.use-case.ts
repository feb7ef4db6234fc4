import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionPublishedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import {
  EditionAlreadyPublishedError,
  EditionInvalidError,
  EditionNotFoundError,
} from '../edition.errors';
import { EditionRepository } from '../edition.repository';
import { editionIssues, InstitutionRegistry } from '../institution-registry';
import type { Edition } from '../edition.schema';
import { actorOf, configurationOf } from '../edition.view';

/** Publishes a draft: the other services learn its full configuration, as revision 1. */
@Injectable()
export class PublishEditionUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly outbox: OutboxNotifier,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(editionId: string, actor: AuthenticatedUser, now = new Date()): Promise<Edition> {
    const edition = await this.editions.findById(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    if (edition.status === 'published') throw new EditionAlreadyPublishedError(editionId);
    // The rules may have tightened since the draft was written; never publish a bad edition.
    const issues = await editionIssues(edition.settings, this.registry);
    if (issues.length > 0) throw new EditionInvalidError(issues);

    const event = createEvent(EditionPublishedV1, {
      edition: configurationOf(edition),
      revision: 1,
      publishedBy: actorOf(actor),
      publishedAt: now.toISOString(),
    });
    const published = await this.editions.publish(editionId, {
      publishedAt: now,
      history: { at: now, by: actorOf(actor), action: 'published', revision: 1 },
      events: [event],
    });
    if (!published) throw new EditionAlreadyPublishedError(editionId);
    this.outbox.nudge();
    return published;
  }
}
