import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { SubmissionsConsumer } from './submissions/submissions.consumer';
import { NotifyProposalForwardedUseCase } from './submissions/use-cases/notify-proposal-forwarded.use-case';
import { NotifyProposalNudgedUseCase } from './submissions/use-cases/notify-proposal-nudged.use-case';
import { NotifyProposalReturnedUseCase } from './submissions/use-cases/notify-proposal-returned.use-case';
import { NotifyProposalWithdrawnUseCase } from './submissions/use-cases/notify-proposal-withdrawn.use-case';
import { NudgeStalledProposalUseCase } from './submissions/use-cases/nudge-stalled-proposal.use-case';

/**
 * Submissions' events: proposals forwarded, returned or withdrawn, stuck-draft nudges (the
 * automatic ones and the local admin's by hand) and the institution-wide deadline reminders.
 */
@Module({
  imports: [DirectoryModule],
  providers: [
    SubmissionsConsumer,
    NotifyProposalForwardedUseCase,
    NotifyProposalReturnedUseCase,
    NotifyProposalWithdrawnUseCase,
    NudgeStalledProposalUseCase,
    NotifyProposalNudgedUseCase,
  ],
})
export class SubmissionsTriggersModule {}
