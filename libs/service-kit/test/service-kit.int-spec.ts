import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { currentContext, ObservabilityModule } from '@kipp/observability';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { z } from 'zod';
import {
  ApiZodResponse,
  bootstrapService,
  createServiceApp,
  healthCheck,
  HealthModule,
  NotFoundError,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '../src';

// A small service built the way real ones are, driven over HTTP without infrastructure.

const createProposalBody = z.object({
  title: z.string().min(3),
  summaryWords: z.number().int().max(200),
  sdgTargets: z.array(z.string().regex(/^\d+\.\d+$/)).min(1),
});
const proposalResponse = createProposalBody.extend({ id: z.string() });
const listProposalsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['draft', 'submitted']).optional(),
});
const proposalParams = z.object({ proposalId: z.uuid() });

class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `Proposal ${proposalId} was not found`, { proposalId });
  }
}

@Controller('proposals')
class ProposalsController {
  @Post()
  @HttpCode(201)
  @ApiZodResponse(201, proposalResponse, 'The proposal as stored')
  create(@ZodBody(createProposalBody) body: z.infer<typeof createProposalBody>) {
    return { id: 'p-1', ...body };
  }

  @Get()
  list(@ZodQuery(listProposalsQuery) query: z.infer<typeof listProposalsQuery>) {
    return { query, correlationId: currentContext()?.correlationId };
  }

  @Get('failing')
  fail(): never {
    throw new Error('connection string mongodb://admin:hunter2@db leaked');
  }

  @Get(':proposalId')
  get(@ZodParams(proposalParams) params: z.infer<typeof proposalParams>): never {
    throw new ProposalNotFoundError(params.proposalId);
  }
}

const logLines: Record<string, unknown>[] = [];
const destination: DestinationStream = {
  write: (line: string) => {
    logLines.push(JSON.parse(line) as Record<string, unknown>);
  },
};
let dependencyUp = true;

@Module({
  imports: [
    ObservabilityModule.forRoot({ service: 'proposals-test', level: 'info', destination }),
    HealthModule.forRoot({
      checks: [
        healthCheck('database', () => Promise.resolve()),
        healthCheck('broker', () =>
          dependencyUp ? Promise.resolve() : Promise.reject(new Error('broker unreachable')),
        ),
      ],
    }),
  ],
  controllers: [ProposalsController],
})
class ProposalsTestModule {}

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; errorId?: string };
}

describe('service-kit HTTP edge', () => {
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createServiceApp({
      name: 'proposals',
      module: ProposalsTestModule,
      bodyLimit: '2kb',
    });
    await app.init();
    http = request(app.getHttpServer());
  });

  afterAll(() => app.close());

  beforeEach(() => {
    logLines.length = 0;
    dependencyUp = true;
  });

  describe('validation', () => {
    it('should pass the parsed body to the handler when it is valid', async () => {
      const body = { title: 'Mal Pelayanan Publik', summaryWords: 150, sdgTargets: ['16.6'] };

      const response = await http.post('/proposals').send(body).expect(201);

      expect(response.body).toEqual({ id: 'p-1', ...body });
    });

    it('should answer 400 VALIDATION_FAILED with every issue when the body is invalid', async () => {
      const response = await http
        .post('/proposals')
        .send({ title: 'x', summaryWords: 201, sdgTargets: ['sixteen'] })
        .expect(400);

      expect(response.body).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Invalid request body',
          details: {
            issues: [
              { path: 'title', message: expect.any(String) as unknown },
              { path: 'summaryWords', message: expect.any(String) as unknown },
              { path: 'sdgTargets.0', message: expect.any(String) as unknown },
            ],
          },
        },
      });
    });

    it('should answer 400 VALIDATION_FAILED when the body is missing', async () => {
      const response = await http.post('/proposals').expect(400);

      expect((response.body as ErrorBody).error.code).toBe('VALIDATION_FAILED');
    });

    it('should coerce and default query parameters when they are valid', async () => {
      const response = await http.get('/proposals?status=draft').expect(200);

      expect((response.body as { query: unknown }).query).toEqual({ limit: 20, status: 'draft' });
    });

    it('should answer 400 VALIDATION_FAILED when a query parameter is out of range', async () => {
      const response = await http.get('/proposals?limit=1000').expect(400);

      expect((response.body as ErrorBody).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: 'Invalid request query',
        details: { issues: [{ path: 'limit' }] },
      });
    });

    it('should answer 400 VALIDATION_FAILED when a path parameter is malformed', async () => {
      const response = await http.get('/proposals/not-a-uuid').expect(400);

      expect((response.body as ErrorBody).error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { issues: [{ path: 'proposalId' }] },
      });
    });
  });

  describe('errors', () => {
    it('should answer 400 MALFORMED_JSON without quoting the body when the JSON is broken', async () => {
      const response = await http
        .post('/proposals')
        .set('content-type', 'application/json')
        .send('{"title": secret-draft')
        .expect(400);

      expect(response.body).toEqual({
        error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
      });
    });

    it('should answer 413 PAYLOAD_TOO_LARGE when the body exceeds the limit', async () => {
      const response = await http
        .post('/proposals')
        .send({ title: 'x'.repeat(4096), summaryWords: 1, sdgTargets: ['1.1'] })
        .expect(413);

      expect((response.body as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('should answer 404 NOT_FOUND when no route matches', async () => {
      const response = await http.get('/nowhere').expect(404);

      expect((response.body as ErrorBody).error.code).toBe('NOT_FOUND');
    });

    it('should answer with the status and code of a DomainError when a handler throws one', async () => {
      const id = '4b0c7f0e-3a5e-4c39-9a8e-0b8d7c9b1f11';

      const response = await http.get(`/proposals/${id}`).expect(404);

      expect(response.body).toEqual({
        error: {
          code: 'PROPOSAL_NOT_FOUND',
          message: `Proposal ${id} was not found`,
          details: { proposalId: id },
        },
      });
    });

    it('should answer 500 INTERNAL with only an errorId when a handler fails unexpectedly', async () => {
      const response = await http.get('/proposals/failing').expect(500);
      const { error } = response.body as ErrorBody;

      expect(error).toEqual({
        code: 'INTERNAL',
        message: 'An unexpected error occurred',
        errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
      });
      expect(JSON.stringify(response.body)).not.toContain('hunter2');
      expect(logLines).toContainEqual(
        expect.objectContaining({
          level: 'error',
          errorId: error.errorId,
          err: expect.objectContaining({
            stack: expect.stringContaining('ProposalsController.fail') as unknown,
          }) as unknown,
        }),
      );
    });
  });

  describe('security basics and logging', () => {
    it('should not announce the framework when answering', async () => {
      const response = await http.get('/health/live').expect(200);

      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('should echo the client correlation id and use it inside the request', async () => {
      const response = await http.get('/proposals').set('x-correlation-id', 'corr-42').expect(200);

      expect(response.headers['x-correlation-id']).toBe('corr-42');
      expect((response.body as { correlationId: string }).correlationId).toBe('corr-42');
      expect(logLines).toContainEqual(
        expect.objectContaining({
          msg: 'request completed',
          service: 'proposals-test',
          correlation_id: 'corr-42',
        }),
      );
    });

    it('should generate a correlation id when the client sends none', async () => {
      const response = await http.get('/proposals').expect(200);

      expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should redact the authorization header when logging the request', async () => {
      await http.get('/proposals').set('authorization', 'Bearer top-secret').expect(200);

      expect(JSON.stringify(logLines)).not.toContain('top-secret');
    });

    it('should not log health probes when they are answered', async () => {
      await http.get('/health/live').expect(200);
      await http.get('/health/ready').expect(200);

      expect(logLines.filter((line) => line.msg === 'request completed')).toEqual([]);
    });
  });

  describe('health', () => {
    it('should answer 200 on /health/live without consulting dependencies', async () => {
      dependencyUp = false;

      const response = await http.get('/health/live').expect(200);

      expect(response.body).toMatchObject({ status: 'ok' });
    });

    it('should answer 200 on /health/ready when every dependency is up', async () => {
      const response = await http.get('/health/ready').expect(200);

      expect(response.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, broker: { status: 'up' } },
      });
    });

    it('should answer 503 on /health/ready naming the failing dependency when one is down', async () => {
      dependencyUp = false;

      const response = await http.get('/health/ready').expect(503);

      expect(response.body).toMatchObject({
        status: 'error',
        error: { broker: { status: 'down', message: 'broker unreachable' } },
        info: { database: { status: 'up' } },
      });
    });
  });

  describe('OpenAPI', () => {
    interface OpenApiDocument {
      info: { title: string };
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, Record<string, unknown>>>;
    }

    let document: OpenApiDocument;

    beforeAll(async () => {
      document = (await http.get('/docs-json').expect(200)).body as OpenApiDocument;
    });

    it('should be titled after the service and offer bearer authentication', () => {
      expect(document.info.title).toBe('proposals');
      expect(document.components.securitySchemes).toHaveProperty('bearer');
    });

    it('should document the request body with the zod-derived schema', () => {
      expect(document.paths['/proposals']?.post?.requestBody).toEqual({
        required: true,
        content: {
          'application/json': {
            schema: expect.objectContaining({
              type: 'object',
              required: ['title', 'summaryWords', 'sdgTargets'],
              properties: expect.objectContaining({
                title: { type: 'string', minLength: 3 },
              }) as unknown,
            }) as unknown,
          },
        },
      });
    });

    it('should document query and path parameters one by one', () => {
      expect(document.paths['/proposals']?.get?.parameters).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'limit', in: 'query', required: false }),
          expect.objectContaining({ name: 'status', in: 'query', required: false }),
        ]),
      );
      expect(document.paths['/proposals/{proposalId}']?.get?.parameters).toEqual([
        expect.objectContaining({
          name: 'proposalId',
          in: 'path',
          required: true,
          schema: expect.objectContaining({ format: 'uuid' }) as unknown,
        }),
      ]);
    });

    it('should document the response with the zod-derived schema', () => {
      expect(document.paths['/proposals']?.post?.responses).toMatchObject({
        '201': {
          description: 'The proposal as stored',
          content: {
            'application/json': {
              schema: { required: ['title', 'summaryWords', 'sdgTargets', 'id'] },
            },
          },
        },
      });
    });

    it('should serve the interactive documentation at /docs', async () => {
      const response = await http.get('/docs').redirects(1).expect(200);

      expect(response.text).toContain('swagger');
    });
  });
});

describe('bootstrapService', () => {
  it('should listen on HOST:PORT and log one service started line with the URL', async () => {
    const app = await bootstrapService({
      name: 'proposals',
      module: ProposalsTestModule,
      config: { HOST: '127.0.0.1', PORT: 0, SHUTDOWN_TIMEOUT_MS: 1_000 },
    });
    try {
      const started = logLines.find((line) => line.msg === 'service started');
      const url = await app.getUrl();

      expect(started).toMatchObject({ service: 'proposals-test', url });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
