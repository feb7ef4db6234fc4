import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';
import { DirectoryModule } from '../directory/directory.module';
import { SubmissionsConsumer } from './submissions/submissions.consumer';
import { NotifyProposalForwardedUseCase } from './submissions/use-cases/notify-proposal-forwarded.use-case';
import { NotifyProposalReturnedUseCase } from './submissions/use-cases/notify-proposal-returned.use-case';
import { NotifyProposalWithdrawnUseCase } from './submissions/use-cases/notify-proposal-withdrawn.use-case';
import { NudgeStalledProposalUseCase } from './submissions/use-cases/nudge-stalled-proposal.use-case';

/**
 * Submissions' events: proposals forwarded, returned or withdrawn, stuck-draft nudges and
 * the institution-wide deadline reminders.
 */
@Module({})
export class SubmissionsTriggersModule {
  static register(_config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: SubmissionsTriggersModule,
      imports: [DirectoryModule],
      providers: [
        SubmissionsConsumer,
        NotifyProposalForwardedUseCase,
        NotifyProposalReturnedUseCase,
        NotifyProposalWithdrawnUseCase,
        NudgeStalledProposalUseCase,
      ],
    };
  }
}
