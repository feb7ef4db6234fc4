import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ReplicationConsumer } from './replication/replication.consumer';
import { ReplicationTriggers } from './replication/replication.triggers';

/** What replication's events trigger: counter-sign requests and sustainability check-ins. */
@Module({
  imports: [DirectoryModule],
  providers: [ReplicationTriggers, ReplicationConsumer],
})
export class ReplicationTriggersModule {}
