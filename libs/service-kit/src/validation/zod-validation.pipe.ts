import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../errors/domain-errors';

export type RequestPart = 'body' | 'query' | 'params';

/** Parses one part of the request with a zod schema; the handler receives the parsed value. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly part: RequestPart,
  ) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new ValidationError(toValidationIssues(result.error), `Invalid request ${this.part}`);
    }
    return result.data;
  }
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
