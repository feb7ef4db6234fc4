import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { evaluationAppOptions } from './app.options';
import { loadEvaluationConfig } from './config/evaluation.config';

const config = loadEvaluationConfig();
void bootstrapService({ ...evaluationAppOptions(config), config });
