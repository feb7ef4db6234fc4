import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  AwardGrantedV1,
  CertificateIssuedV1,
  CertificateRevokedV1,
  EventEnvelope,
  PayloadOf,
  SelectionDecidedV1,
  StageResultPublishedV1,
} from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import { Notifier } from '../../notification/notifier';
import { EVALUATION_SENDER, proposalRefs } from './evaluation-notice';
import { ProposalTeam } from './proposal-team';

/** Decisions and results on a proposal, told to its team. */
@Injectable()
export class ResultsTriggers {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
    private readonly team: ProposalTeam,
  ) {}

  async selectionDecided(
    event: EventEnvelope<PayloadOf<typeof SelectionDecidedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const decision = event.payload;
    await this.team.notify(
      event,
      {
        template: 'selection.decided',
        params: (title) => ({
          proposalId: decision.proposalId,
          title,
          outcome: decision.outcome,
          reasons: decision.reasons,
        }),
        sentBy: decision.decidedBy,
      },
      session,
    );
  }

  /** The final stage's news is the award (or its absence), not a stage result. */
  async stageResultPublished(
    event: EventEnvelope<PayloadOf<typeof StageResultPublishedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const result = event.payload;
    if (result.stage === 'finalists') {
      await this.directory.recordFinalist(
        {
          proposalId: result.proposalId,
          editionId: result.editionId,
          institutionId: result.institutionId,
          isFinalist: result.advanced,
        },
        session,
      );
    }
    if (result.stage === 'final') return;
    await this.team.notify(
      event,
      {
        template: 'stage.result',
        params: (title) => ({
          proposalId: result.proposalId,
          title,
          editionId: result.editionId,
          stage: result.stage,
          advanced: result.advanced,
          rank: result.rank,
          score: result.score,
        }),
      },
      session,
    );
  }

  async awardGranted(
    event: EventEnvelope<PayloadOf<typeof AwardGrantedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const award = event.payload;
    await this.directory.recordProposal(
      {
        proposalId: award.proposalId,
        editionId: award.editionId,
        institutionId: award.institutionId,
        unitId: award.unitId,
        title: award.title,
      },
      session,
    );
    const recipients = await this.directory.proposalTeam(
      award.institutionId,
      award.unitId,
      session,
    );
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'award.granted',
        params: {
          proposalId: award.proposalId,
          title: award.title,
          editionId: award.editionId,
          year: award.year,
          tiers: award.tiers,
          rank: award.rank,
        },
        recipients,
        refs: proposalRefs(award),
        sentBy: EVALUATION_SENDER,
      },
      session,
    );
  }

  async certificateIssued(
    event: EventEnvelope<PayloadOf<typeof CertificateIssuedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const certificate = event.payload;
    await this.team.notify(
      event,
      {
        template: 'certificate.issued',
        params: (title) => ({
          certificateId: certificate.certificateId,
          proposalId: certificate.proposalId,
          title,
          tier: certificate.tier,
          verificationCode: certificate.verificationCode,
        }),
      },
      session,
    );
  }

  async certificateRevoked(
    event: EventEnvelope<PayloadOf<typeof CertificateRevokedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const certificate = event.payload;
    await this.team.notify(
      event,
      {
        template: 'certificate.revoked',
        params: (title) => ({
          certificateId: certificate.certificateId,
          proposalId: certificate.proposalId,
          title,
          tier: certificate.tier,
          reason: certificate.reason,
          replaced: certificate.replacedBy !== null,
        }),
      },
      session,
    );
  }
}
