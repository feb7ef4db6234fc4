import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';
import { DirectoryModule } from '../directory/directory.module';
import { AssignmentTriggers } from './evaluation/assignment.triggers';
import { EvaluationConsumer } from './evaluation/evaluation.consumer';
import { InterviewTriggers } from './evaluation/interview.triggers';
import { ObjectionTriggers } from './evaluation/objection.triggers';
import { ProposalTeam } from './evaluation/proposal-team';
import { ResultsTriggers } from './evaluation/results.triggers';

/**
 * What evaluation's events trigger: selection outcomes, assignments, objections,
 * interviews, results and certificates. Reminders are planned through the global
 * `RemindersModule`; the `Notifier` comes from the global `NotificationModule`.
 */
@Module({})
export class EvaluationTriggersModule {
  /** Takes the configuration like its siblings; it has no setting of its own yet. */
  static register(_config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: EvaluationTriggersModule,
      imports: [DirectoryModule],
      providers: [
        ProposalTeam,
        AssignmentTriggers,
        ResultsTriggers,
        ObjectionTriggers,
        InterviewTriggers,
        EvaluationConsumer,
      ],
    };
  }
}
