import './tracing';
import { bootstrapService } from '@kipp/service-kit';
import { gatewayAppOptions } from './app.options';
import { loadGatewayConfig } from './config/gateway.config';

const config = loadGatewayConfig();
void bootstrapService({ ...gatewayAppOptions(config), config });
