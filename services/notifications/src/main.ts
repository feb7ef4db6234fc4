import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadNotificationsConfig } from './config/notifications.config';

const config = loadNotificationsConfig();
void bootstrapService({ name: 'notifications', module: AppModule.register(config), config });
