import { Body, Param, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { openApiProperties, toOpenApiSchema } from './zod-openapi';
import { ZodValidationPipe } from './zod-validation.pipe';

/*
 * One way to validate HTTP input: a parameter decorator that both parses the request part
 * with a zod schema (400 VALIDATION_FAILED on failure) and documents that schema in
 * OpenAPI. Type the parameter with the schema:
 *
 *   create(@ZodBody(createProposalBody) body: z.infer<typeof createProposalBody>)
 */

/** Validates and documents the JSON body. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, method, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, method, index);
    ApiBody({ schema: toOpenApiSchema(schema, 'input') })(target, ...handlerOf(target, method));
  };
}

/** Validates the query string as one object and documents each property as a parameter. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, method, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, method, index);
    for (const parameter of openApiProperties(schema, 'input')) {
      ApiQuery(parameter)(target, ...handlerOf(target, method));
    }
  };
}

/** Validates the path parameters as one object and documents each of them. */
export function ZodParams(schema: z.ZodObject): ParameterDecorator {
  return (target, method, index) => {
    Param(new ZodValidationPipe(schema, 'params'))(target, method, index);
    for (const parameter of openApiProperties(schema, 'input')) {
      ApiParam(parameter)(target, ...handlerOf(target, method));
    }
  };
}

/** Documents a response body; it does not validate what the handler returns. */
export function ApiZodResponse(
  status: number,
  schema: z.ZodType,
  description = '',
): MethodDecorator {
  return ApiResponse({ status, description, schema: toOpenApiSchema(schema, 'output') });
}

function handlerOf(
  target: object,
  method: string | symbol | undefined,
): [string | symbol, PropertyDescriptor] {
  const descriptor =
    method === undefined ? undefined : Object.getOwnPropertyDescriptor(target, method);
  if (method === undefined || descriptor === undefined) {
    throw new TypeError('Zod request decorators apply to parameters of route handlers only');
  }
  return [method, descriptor];
}
