import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadRegistrationConfig } from './config/registration.config';

const config = loadRegistrationConfig();
void bootstrapService({ name: 'registration', module: AppModule.register(config), config });
