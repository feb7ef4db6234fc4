import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProposalWithdrawnV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { WithdrawProposalLinksUseCase } from './use-cases/withdraw-proposal-links.use-case';

/** The only handler of `submissions.proposal.withdrawn.v1` in this service. */
@Injectable()
export class LedgerConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly withdrawProposalLinks: WithdrawProposalLinksUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ProposalWithdrawnV1, (event, { session }) =>
      this.withdrawProposalLinks.execute(event, session),
    );
  }
}
