import { z } from 'zod';
import { openApiProperties, toOpenApiSchema } from './zod-openapi';

describe('zod to OpenAPI', () => {
  const schema = z.object({
    title: z.string().min(3).describe('Title of the innovation'),
    limit: z.number().int().default(20),
    status: z.enum(['draft', 'submitted']).nullable(),
  });

  it('should treat defaulted fields as optional when documenting a request', () => {
    expect(toOpenApiSchema(schema, 'input').required).toEqual(['title', 'status']);
  });

  it('should treat defaulted fields as present when documenting a response', () => {
    expect(toOpenApiSchema(schema, 'output').required).toEqual(['title', 'limit', 'status']);
  });

  it('should use OpenAPI 3.0 idioms without a JSON Schema dialect marker', () => {
    const openApi = toOpenApiSchema(schema, 'input');

    expect(openApi).not.toHaveProperty('$schema');
    expect(openApi.properties?.status).toEqual({
      type: 'string',
      enum: ['draft', 'submitted'],
      nullable: true,
    });
    expect(openApi.properties?.title).toMatchObject({ description: 'Title of the innovation' });
  });

  it('should document values it cannot describe as any value rather than fail', () => {
    expect(() => toOpenApiSchema(z.object({ at: z.date() }), 'output')).not.toThrow();
  });

  it('should list object properties with their required flags', () => {
    expect(openApiProperties(schema, 'input')).toEqual([
      {
        name: 'title',
        required: true,
        schema: expect.objectContaining({ type: 'string' }) as unknown,
      },
      {
        name: 'limit',
        required: false,
        schema: expect.objectContaining({ default: 20 }) as unknown,
      },
      {
        name: 'status',
        required: true,
        schema: expect.objectContaining({ nullable: true }) as unknown,
      },
    ]);
  });
});
