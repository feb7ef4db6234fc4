import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ProposalForwardedV1,
  ProposalNudgedV1,
  ProposalReturnedV1,
  ProposalStalledV1,
  ProposalWithdrawnV1,
} from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { NotifyProposalForwardedUseCase } from './use-cases/notify-proposal-forwarded.use-case';
import { NotifyProposalNudgedUseCase } from './use-cases/notify-proposal-nudged.use-case';
import { NotifyProposalReturnedUseCase } from './use-cases/notify-proposal-returned.use-case';
import { NotifyProposalWithdrawnUseCase } from './use-cases/notify-proposal-withdrawn.use-case';
import { NudgeStalledProposalUseCase } from './use-cases/nudge-stalled-proposal.use-case';

/** Submissions' events: what proposals are called, and the mail about their progress. */
@Injectable()
export class SubmissionsConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly notifyForwarded: NotifyProposalForwardedUseCase,
    private readonly notifyReturned: NotifyProposalReturnedUseCase,
    private readonly notifyWithdrawn: NotifyProposalWithdrawnUseCase,
    private readonly nudgeStalled: NudgeStalledProposalUseCase,
    private readonly notifyNudged: NotifyProposalNudgedUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ProposalForwardedV1, (event, { session }) =>
      this.notifyForwarded.execute(event, session),
    );
    this.consumer.on(ProposalReturnedV1, (event, { session }) =>
      this.notifyReturned.execute(event, session),
    );
    this.consumer.on(ProposalWithdrawnV1, (event, { session }) =>
      this.notifyWithdrawn.execute(event, session),
    );
    this.consumer.on(ProposalStalledV1, (event, { session }) =>
      this.nudgeStalled.execute(event, session),
    );
    this.consumer.on(ProposalNudgedV1, (event, { session }) =>
      this.notifyNudged.execute(event, session),
    );
  }
}
