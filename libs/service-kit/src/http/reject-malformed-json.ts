import type { NextFunction, Request, Response } from 'express';
import { MalformedJsonError } from '../errors/domain-errors';

/**
 * Express error middleware placed right after the JSON body parser. Nest would turn the
 * parser's SyntaxError into a plain BadRequestException carrying the parser's message
 * (which quotes the body); this hands the filter a MalformedJsonError instead.
 */
export function rejectMalformedJson(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const parseFailed =
    error instanceof SyntaxError && (error as { type?: unknown }).type === 'entity.parse.failed';
  next(parseFailed ? new MalformedJsonError({ cause: error }) : error);
}
