import { Module } from '@nestjs/common';
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
@Module({
  imports: [DirectoryModule],
  providers: [
    ProposalTeam,
    AssignmentTriggers,
    ResultsTriggers,
    ObjectionTriggers,
    InterviewTriggers,
    EvaluationConsumer,
  ],
})
export class EvaluationTriggersModule {}
