import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { registrationAppOptions } from './app.options';
import { loadRegistrationConfig } from './config/registration.config';

const config = loadRegistrationConfig();
void bootstrapService({ ...registrationAppOptions(config), config });
