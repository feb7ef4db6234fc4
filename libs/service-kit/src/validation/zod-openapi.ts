import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * The OpenAPI 3.0 schema of a zod schema, as the request sends it (`input`: defaults make
 * fields optional) or as the response carries it (`output`).
 */
export function toOpenApiSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    // Transforms and the like have no JSON Schema; document them as "any value" rather
    // than refusing to start the service.
    unrepresentable: 'any',
  });
  // Same structure by construction: zod emitted it for the OpenAPI 3.0 dialect.
  return jsonSchema as SchemaObject;
}

/** The properties of an object schema, for documenting query and path parameters one by one. */
export function openApiProperties(
  schema: z.ZodObject,
  io: 'input' | 'output',
): { name: string; required: boolean; schema: SchemaObject }[] {
  const objectSchema = toOpenApiSchema(schema, io);
  const required = new Set(objectSchema.required ?? []);
  return Object.entries(objectSchema.properties ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    schema: property as SchemaObject,
  }));
}
