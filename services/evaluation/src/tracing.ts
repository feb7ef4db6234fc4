// Loaded first by main.ts, before Nest and the drivers are required, so that their
// instrumentation can patch them.
import { startTracing } from '@kipp/observability';

startTracing({ serviceName: 'evaluation' });
