import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadSubmissionsConfig } from './config/submissions.config';

const config = loadSubmissionsConfig();
void bootstrapService({ name: 'submissions', module: AppModule.register(config), config });
