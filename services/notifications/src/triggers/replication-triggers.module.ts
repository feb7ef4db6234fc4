import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';
import { DirectoryModule } from '../directory/directory.module';
import { ReplicationConsumer } from './replication/replication.consumer';
import { ReplicationTriggers } from './replication/replication.triggers';

/** What replication's events trigger: counter-sign requests and sustainability check-ins. */
@Module({})
export class ReplicationTriggersModule {
  /** Takes the configuration like its siblings; it has no setting of its own yet. */
  static register(_config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: ReplicationTriggersModule,
      imports: [DirectoryModule],
      providers: [ReplicationTriggers, ReplicationConsumer],
    };
  }
}
