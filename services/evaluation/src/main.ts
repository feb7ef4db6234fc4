import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadEvaluationConfig } from './config/evaluation.config';

const config = loadEvaluationConfig();
void bootstrapService({ name: 'evaluation', module: AppModule.register(config), config });
