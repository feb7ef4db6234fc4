import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { ProposalSnapshot } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { Directory } from '../directory/directory';
import { newLink, recordedEvents } from './link-events';
import { ReplicationLinkRepository } from './replication-link.repository';
import type { LinkActor } from './replication-link.schema';

export const PROPOSAL_LINKER_ACTOR: LinkActor = { kind: 'system', process: 'proposal-linker' };

/**
 * Turns a forwarded replication-group proposal into pending ledger links to the
 * innovation(s) it names. Called by the catalogue's handler of
 * `submissions.proposal.forwarded.v1` in that event's session.
 *
 * One link per (proposal, innovation), however often the proposal is forwarded (a new
 * snapshot version names the same innovations). Skipped, with a log line: an innovation
 * not in the public database, the proposing institution's own innovation, and one the
 * institution already has an active link to (e.g. registered by hand).
 */
@Injectable()
export class ProposalLinker {
  private readonly logger = new Logger(ProposalLinker.name);

  constructor(
    private readonly links: ReplicationLinkRepository,
    private readonly directory: Directory,
    private readonly notifier: OutboxNotifier,
  ) {}

  async linkForwarded(snapshot: ProposalSnapshot, session: ClientSession): Promise<void> {
    const named = [...new Set(snapshot.sourceInnovationIds)];
    if (named.length === 0) return;
    const adopter = await this.directory.institution(snapshot.institutionId, session);
    let created = 0;
    // One query at a time: a transaction's session carries no concurrent operations.
    for (const innovationId of named) {
      if (await this.linkOne(snapshot, innovationId, adopter?.provinceCode ?? null, session)) {
        created += 1;
      }
    }
    // Relay the new links' events as soon as the event's transaction has ended.
    if (created > 0) session.once('ended', () => this.notifier.nudge());
  }

  private async linkOne(
    snapshot: ProposalSnapshot,
    innovationId: string,
    adopterProvinceCode: string | null,
    session: ClientSession,
  ): Promise<boolean> {
    const context = { proposalId: snapshot.proposalId, innovationId };
    if (await this.links.existsForProposal(snapshot.proposalId, innovationId, session))
      return false;
    const innovation = await this.links.findInnovation(innovationId, session);
    if (!innovation) {
      this.logger.warn(context, 'no link: the proposal names an unknown innovation');
      return false;
    }
    if (innovation.institutionId === snapshot.institutionId) {
      this.logger.warn(context, "no link: the proposal names its institution's own innovation");
      return false;
    }
    const active = await this.links.findActive(snapshot.institutionId, innovationId, session);
    if (active) {
      this.logger.log({ ...context, replicationId: active }, 'no link: an active one exists');
      return false;
    }
    const now = new Date();
    const link = newLink(
      {
        _id: `rep_${randomUUID()}`,
        innovationId,
        innovationTitle: innovation.title,
        originInstitutionId: innovation.institutionId,
        originUnitId: innovation.unitId,
        adopterInstitutionId: snapshot.institutionId,
        adopterProvinceCode,
        title: snapshot.title,
        status: 'plan',
        source: 'proposal',
        proposalId: snapshot.proposalId,
        visitId: null,
        evidence: [],
      },
      PROPOSAL_LINKER_ACTOR,
      now,
    );
    await this.links.insert(link, recordedEvents(link, PROPOSAL_LINKER_ACTOR, now), session);
    return true;
  }
}
