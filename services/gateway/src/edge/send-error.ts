import type { ServerResponse } from 'node:http';
import type { ErrorResponseBody } from '@kipp/service-kit';
import type { GatewayError } from './edge.errors';

/**
 * Answers with the platform's error body, `{ error: { code, message, details? } }`. Used
 * where the gateway answers outside Nest's pipeline (middleware, the proxy); when part of
 * an answer is already on the wire, all that is left is to cut the connection.
 */
export function sendGatewayError(res: ServerResponse, error: GatewayError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body: ErrorResponseBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: { ...error.details } }),
    },
  };
  const json = JSON.stringify(body);
  res.statusCode = error.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  if (error.closeConnection) res.setHeader('Connection', 'close');
  res.end(json);
}
