import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ScoreSubmittedV1 } from '@kipp/contracts';
import { EventConsumer, OutboxNotifier } from '@kipp/messaging';
import { RecordDeskScoreUseCase } from '../calibration/use-cases/record-desk-score.use-case';

/**
 * The service's only handler of `score.submitted`. Desk scores update the proposal's desk
 * result; panel scores need nothing here (the plenary reads the panel sheets when it runs).
 */
@Injectable()
export class ScoreConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly recordDeskScore: RecordDeskScoreUseCase,
    private readonly notifier: OutboxNotifier,
  ) {}

  onModuleInit(): void {
    this.consumer.on(ScoreSubmittedV1, async (event, { session }) => {
      if (event.payload.stage !== 'desk') return;
      await this.recordDeskScore.execute(event.payload, session);
      // An extra assignment's event waits in its outbox; the relay also finds it on its poll
      // should this nudge come before the transaction commits.
      this.notifier.nudge();
    });
  }
}
