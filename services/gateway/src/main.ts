import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { AppModule } from './app.module';
import { loadGatewayConfig } from './config/gateway.config';

const config = loadGatewayConfig();
void bootstrapService({ name: 'gateway', module: AppModule.register(config), config });
