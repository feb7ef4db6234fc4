import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@kipp/auth';
import { ApiZodResponse } from '@kipp/service-kit';
import {
  CheckUpstreamsUseCase,
  upstreamHealthView,
  type UpstreamHealthView,
} from './use-cases/check-upstreams.use-case';

/** Served under /health/ next to live and ready, so it is neither traced nor logged. */
@ApiTags('health')
@Public()
@Controller('health')
export class UpstreamHealthController {
  constructor(private readonly checkUpstreams: CheckUpstreamsUseCase) {}

  /** Always 200: the gateway itself is fine; the body says how each service is. */
  @Get('upstreams')
  @ApiZodResponse(200, upstreamHealthView, 'The readiness of every service behind the gateway')
  upstreams(): Promise<UpstreamHealthView> {
    return this.checkUpstreams.execute();
  }
}
