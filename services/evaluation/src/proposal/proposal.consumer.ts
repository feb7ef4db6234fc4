import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProposalForwardedV1, ProposalWithdrawnV1 } from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { RecordForwardedProposalUseCase } from './use-cases/record-forwarded-proposal.use-case';
import { RecordWithdrawnProposalUseCase } from './use-cases/record-withdrawn-proposal.use-case';

@Injectable()
export class ProposalConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordForwarded: RecordForwardedProposalUseCase,
    private readonly recordWithdrawn: RecordWithdrawnProposalUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ProposalForwardedV1, (event, { session }) =>
      this.recordForwarded.execute(event, session),
    );
    this.consumer.on(ProposalWithdrawnV1, (event, { session }) =>
      this.recordWithdrawn.execute(event, session),
    );
  }
}
