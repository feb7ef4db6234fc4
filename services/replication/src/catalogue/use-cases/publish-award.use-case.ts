import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import {
  InnovationPublishedV1,
  InnovationUpdatedV1,
  normaliseTitle,
  type AwardGrantedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { Directory } from '../../directory/directory';
import {
  contentOfSnapshot,
  innovationIdFor,
  institutionFields,
  newInnovation,
  nextState,
  withEditionAwards,
} from '../innovation-content';
import { InnovationRepository } from '../innovation.repository';
import { toInnovationRecord, type InnovationAwardEntry } from '../innovation.schema';

export type AwardGranted = PayloadOf<typeof AwardGrantedV1>;

/**
 * Puts an awarded proposal into the public database. The same innovation entered again (by
 * the proposal itself, a source innovation of the same institution it names, or the same
 * institution and normalised title) keeps its id and gets the edition's award; otherwise a
 * new innovation is published. Returns whether anything changed.
 */
@Injectable()
export class PublishAwardUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    private readonly directory: Directory,
  ) {}

  async execute(award: AwardGranted, session: ClientSession, now = new Date()): Promise<boolean> {
    await this.innovations.touchProposal(award.proposalId, session);
    await this.innovations.touchInstitution(award.institutionId, session);
    const snapshot = await this.directory.snapshot(award.proposalId, session);
    const institution = await this.directory.institution(award.institutionId, session);
    const entries: InnovationAwardEntry[] = award.tiers.map((tier) => ({
      editionId: award.editionId,
      year: award.year,
      groupId: award.groupId,
      tier,
    }));
    const content = snapshot
      ? contentOfSnapshot(snapshot)
      : {
          title: award.title,
          unitId: award.unitId,
          categoryId: award.categoryId,
          sdgTargets: [],
          sections: [],
        };

    const current =
      (await this.innovations.findByProposal(award.proposalId, session)) ??
      (await this.innovations.findOwnSource(
        award.institutionId,
        snapshot?.sourceInnovationIds ?? [],
        session,
      )) ??
      (await this.innovations.findByTitle(
        award.institutionId,
        normaliseTitle(award.title),
        session,
      ));

    if (!current) {
      const innovation = newInnovation(
        {
          _id: innovationIdFor(award.proposalId),
          ...content,
          ...institutionFields(award.institutionId, institution),
          proposalIds: [award.proposalId],
          awards: withEditionAwards([], award.editionId, entries),
          publishedAt: now,
        },
        now,
      );
      const event = createEvent(InnovationPublishedV1, {
        innovation: toInnovationRecord(innovation),
      });
      await this.innovations.insert(innovation, [event], session);
      return true;
    }

    const known = current.proposalIds.includes(award.proposalId);
    // The content follows the latest proposal the innovation was entered as.
    const isLatest =
      !known || current.proposalIds[current.proposalIds.length - 1] === award.proposalId;
    const next = nextState(
      current,
      {
        ...(isLatest && (snapshot || !known) ? content : {}),
        ...institutionFields(award.institutionId, institution, current),
        proposalIds: known ? current.proposalIds : [...current.proposalIds, award.proposalId],
        awards: withEditionAwards(current.awards, award.editionId, entries),
      },
      now,
    );
    if (!next) return false;
    const event = createEvent(InnovationUpdatedV1, { innovation: toInnovationRecord(next) });
    if (!(await this.innovations.replace(current.revision, next, [event], session)))
      throw new Error(`innovation ${current._id} changed while an award was applied; retrying`);
    return true;
  }
}
