import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadReplicationConfig } from './config/replication.config';

const config = loadReplicationConfig();
void bootstrapService({ name: 'replication', module: AppModule.register(config), config });
