import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { InboxController } from './inbox.controller';
import { InboxRepository } from './inbox.repository';
import { NoticesController } from './notices.controller';
import { AcknowledgeMessageUseCase } from './use-cases/acknowledge-message.use-case';
import { ListAcknowledgementsUseCase } from './use-cases/list-acknowledgements.use-case';
import { ListInboxUseCase } from './use-cases/list-inbox.use-case';
import { ListNoticesUseCase } from './use-cases/list-notices.use-case';
import { ReadMessageUseCase } from './use-cases/read-message.use-case';

/**
 * The in-app inbox (list, unread count, read, acknowledge) and the senders' view of notices
 * and their acknowledgements. Message and notice models come from the global
 * NotificationModule, the renderer from the templates module.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [InboxController, NoticesController],
  providers: [
    InboxRepository,
    ListInboxUseCase,
    ReadMessageUseCase,
    AcknowledgeMessageUseCase,
    ListNoticesUseCase,
    ListAcknowledgementsUseCase,
  ],
})
export class InboxModule {}
