import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { InnovationPublishedV1, normaliseTitle } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { Directory } from '../../directory/directory';
import {
  ForwardedProposalNotFoundError,
  InnovationAlreadyPublishedError,
  ProposalOfAnotherInstitutionError,
} from '../catalogue.errors';
import {
  contentOfSnapshot,
  innovationIdFor,
  institutionFields,
  newInnovation,
} from '../innovation-content';
import { InnovationRepository, type StoredInnovation } from '../innovation.repository';
import { toInnovationRecord } from '../innovation.schema';
import { SearchCache } from '../search/search-cache';

export const publishChosenBodySchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
});
export type PublishChosenBody = z.infer<typeof publishChosenBodySchema>;

/**
 * A local admin publishes one of the institution's forwarded, non-awarded proposals as an
 * innovation of the public database (awards empty).
 */
@Injectable()
export class PublishChosenUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    private readonly directory: Directory,
    private readonly cache: SearchCache,
    private readonly notifier: OutboxNotifier,
  ) {}

  async execute(
    user: AuthenticatedUser,
    body: PublishChosenBody,
    now = new Date(),
  ): Promise<StoredInnovation> {
    const snapshot = await this.directory.snapshot(body.proposalId);
    if (!snapshot) throw new ForwardedProposalNotFoundError(body.proposalId);
    if (snapshot.institutionId !== user.institutionId)
      throw new ProposalOfAnotherInstitutionError(body.proposalId);
    const existing =
      (await this.innovations.findByProposal(body.proposalId)) ??
      (await this.innovations.findByTitle(snapshot.institutionId, normaliseTitle(snapshot.title)));
    if (existing) throw new InnovationAlreadyPublishedError(body.proposalId, existing._id);

    const institution = await this.directory.institution(snapshot.institutionId);
    const innovation = newInnovation(
      {
        _id: innovationIdFor(body.proposalId),
        ...contentOfSnapshot(snapshot),
        ...institutionFields(snapshot.institutionId, institution),
        proposalIds: [body.proposalId],
        awards: [],
        publishedAt: now,
      },
      now,
    );
    const event = createEvent(InnovationPublishedV1, {
      innovation: toInnovationRecord(innovation),
    });
    try {
      await this.innovations.insert(innovation, [event]);
    } catch (error) {
      // Two publications of the same proposal at once: the id is derived from it.
      if (isDuplicateKeyError(error))
        throw new InnovationAlreadyPublishedError(body.proposalId, innovation._id);
      throw error;
    }
    this.notifier.nudge();
    await this.cache.invalidate();
    return innovation;
  }
}
