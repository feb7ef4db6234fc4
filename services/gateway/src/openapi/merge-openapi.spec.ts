import { mergeOpenApi, type ServiceOpenApi } from './merge-openapi';

const bearer = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' };

const registration: ServiceOpenApi = {
  openapi: '3.0.0',
  info: { title: 'registration', version: '1.0' },
  tags: [{ name: 'sessions', description: 'Sign-in' }],
  paths: {
    '/sessions': {
      post: {
        operationId: 'SessionController_signIn',
        tags: ['sessions'],
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/SignIn' } } },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/health/ready': { get: { operationId: 'HealthController_ready', responses: {} } },
    '/docs-json': { get: { responses: {} } },
  },
  components: {
    schemas: {
      SignIn: { type: 'object', properties: { account: { $ref: '#/components/schemas/Account' } } },
      Account: { type: 'object' },
    },
    securitySchemes: { bearer },
  },
};

const submissions: ServiceOpenApi = {
  openapi: '3.0.0',
  paths: {
    '/proposals/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      servers: [{ url: 'http://127.0.0.1:3002' }],
      get: {
        operationId: 'ProposalController_get',
        security: [{ bearer: [] }],
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Account/properties/x' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: { Account: { type: 'object', properties: { x: { type: 'string' } } } },
    securitySchemes: { bearer },
  },
};

describe('mergeOpenApi', () => {
  const merged = mergeOpenApi({
    title: 'KIPP platform API',
    version: '1',
    documents: [
      { service: 'registration', document: registration },
      { service: 'submissions', document: submissions },
    ],
    unavailable: ['replication', 'evaluation'],
  });

  it('should put each service’s paths under /api/<service> and leave its probes and docs out', () => {
    expect(Object.keys(merged.paths)).toEqual([
      '/api/registration/sessions',
      '/api/submissions/proposals/{id}',
    ]);
  });

  it('should prefix schema names and rewrite every reference to them', () => {
    expect(Object.keys(merged.components['schemas'] ?? {})).toEqual([
      'registration.SignIn',
      'registration.Account',
      'submissions.Account',
    ]);
    expect(merged.components['schemas']?.['registration.SignIn']).toEqual({
      type: 'object',
      properties: { account: { $ref: '#/components/schemas/registration.Account' } },
    });
    expect(JSON.stringify(merged.paths['/api/registration/sessions'])).toContain(
      '#/components/schemas/registration.SignIn',
    );
    expect(JSON.stringify(merged.paths['/api/submissions/proposals/{id}'])).toContain(
      '#/components/schemas/submissions.Account/properties/x',
    );
  });

  it('should prefix tags and operation ids so that two services never collide', () => {
    expect(merged.paths['/api/registration/sessions']?.['post']).toMatchObject({
      operationId: 'registration_SessionController_signIn',
      tags: ['registration/sessions'],
    });
    expect(merged.paths['/api/submissions/proposals/{id}']?.['get']).toMatchObject({
      operationId: 'submissions_ProposalController_get',
      tags: ['submissions'],
    });
    expect(merged.tags).toEqual([
      { name: 'registration/sessions', description: 'Sign-in' },
      { name: 'submissions' },
    ]);
  });

  it('should share one bearer scheme when the services define the same one', () => {
    expect(merged.components['securitySchemes']).toEqual({ bearer });
    expect(merged.paths['/api/submissions/proposals/{id}']?.['get']).toMatchObject({
      security: [{ bearer: [] }],
    });
  });

  it('should keep path-level parameters and drop path-level servers', () => {
    const item = merged.paths['/api/submissions/proposals/{id}'];
    expect(item?.['parameters']).toEqual(submissions.paths['/proposals/{id}']?.['parameters']);
    expect(item).not.toHaveProperty('servers');
  });

  it('should list the services that could not be read', () => {
    expect(merged['x-unavailable-services']).toEqual(['evaluation', 'replication']);
    expect(merged.info.title).toBe('KIPP platform API');
  });

  it('should keep two different schemes under one name apart when services disagree', () => {
    const apiKey = { type: 'apiKey', in: 'header', name: 'X-Key' };
    const other: ServiceOpenApi = {
      openapi: '3.0.0',
      security: [{ bearer: [] }],
      paths: { '/things': { get: { responses: {} } } },
      components: { securitySchemes: { bearer: apiKey } },
    };
    const result = mergeOpenApi({
      title: 't',
      version: '1',
      documents: [
        { service: 'registration', document: registration },
        { service: 'notifications', document: other },
      ],
      unavailable: [],
    });

    expect(result.components['securitySchemes']).toEqual({
      bearer,
      'notifications.bearer': apiKey,
    });
    expect(result.paths['/api/notifications/things']?.['get']).toMatchObject({
      security: [{ 'notifications.bearer': [] }],
    });
  });
});
