import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionUpdatedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import {
  EditionInvalidError,
  EditionNotFoundError,
  EditionRevisionConflictError,
} from '../edition.errors';
import { EditionRepository } from '../edition.repository';
import { editionIssues, InstitutionRegistry } from '../institution-registry';
import type { EditionSettings } from '../edition-rules';
import type { Edition } from '../edition.schema';
import { actorOf, configurationOf } from '../edition.view';

/** Top-level settings whose value differs (deeply) between two configurations. */
export function changedKeys(before: EditionSettings, after: EditionSettings): string[] {
  return (Object.keys(after) as (keyof EditionSettings)[]).filter(
    (key) => !isDeepStrictEqual(before[key], after[key]),
  );
}

/**
 * Replaces the configuration of an edition. A draft changes silently; a published edition
 * only from the revision the caller read (optimistic concurrency), and the change is
 * published with the full configuration and the changed fields.
 */
@Injectable()
export class UpdateEditionUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly outbox: OutboxNotifier,
    private readonly registry: InstitutionRegistry,
  ) {}

  async execute(
    editionId: string,
    // The request schema requires every field; the rules re-check what older callers omit.
    input: EditionSettings & { readonly expectedRevision?: number },
    actor: AuthenticatedUser,
    now = new Date(),
  ): Promise<Edition> {
    const { expectedRevision, ...settings } = input;
    const issues = await editionIssues(settings, this.registry);
    if (issues.length > 0) throw new EditionInvalidError(issues);

    const edition = await this.editions.findById(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    if (expectedRevision !== undefined && expectedRevision !== edition.revision) {
      throw new EditionRevisionConflictError(editionId, expectedRevision, edition.revision);
    }
    if (edition.status === 'published' && expectedRevision === undefined) {
      throw new EditionInvalidError([
        {
          path: 'expectedRevision',
          code: 'REVISION_REQUIRED',
          message: 'a published edition changes only from the revision you read',
        },
      ]);
    }

    const changed = changedKeys(edition.settings, settings);
    if (changed.length === 0) return edition;

    const published = edition.status === 'published';
    const revision = published ? edition.revision + 1 : edition.revision;
    const events = published
      ? [
          createEvent(EditionUpdatedV1, {
            edition: configurationOf({ _id: editionId, settings }),
            revision,
            changed,
            updatedBy: actorOf(actor),
            updatedAt: now.toISOString(),
          }),
        ]
      : [];
    const updated = await this.editions.replaceSettings(
      editionId,
      { status: edition.status, revision: edition.revision },
      {
        settings,
        revision,
        clearPhaseOverride: changed.includes('calendar'),
        history: { at: now, by: actorOf(actor), action: 'updated', changed, revision },
        events,
      },
    );
    if (!updated) {
      const current = await this.editions.findById(editionId);
      if (!current) throw new EditionNotFoundError(editionId);
      throw new EditionRevisionConflictError(editionId, edition.revision, current.revision);
    }
    if (events.length > 0) this.outbox.nudge();
    return updated;
  }
}
