import type { ArgumentsHost } from '@nestjs/common';
import type { Logger } from '@kipp/observability';
import { NotFoundError } from '../errors/domain-errors';
import { HttpErrorFilter } from './http-error.filter';

function fakeHost(headersSent = false) {
  const response = {
    headersSent,
    statusCode: 200,
    body: undefined as unknown,
    headers: {} as Record<string, string>,
    ended: false,
    status(code: number) {
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      this.body = body;
    },
    setHeader(name: string, value: string) {
      this.headers[name] = value;
    },
    end() {
      this.ended = true;
    },
  };
  const request = { method: 'GET', originalUrl: '/proposals/1', headers: {} };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, response };
}

function fakeLogger() {
  const error = jest.fn();
  return { logger: { error } as unknown as Logger, error };
}

describe('HttpErrorFilter', () => {
  it('should write the status and error body when a DomainError is thrown', () => {
    const { host, response } = fakeHost();
    const { logger, error } = fakeLogger();

    new HttpErrorFilter(logger).catch(new NotFoundError('PROPOSAL_NOT_FOUND', 'gone'), host);

    expect(response.statusCode).toBe(404);
    expect(response.body).toEqual({ error: { code: 'PROPOSAL_NOT_FOUND', message: 'gone' } });
    expect(error).not.toHaveBeenCalled();
  });

  it('should log the errorId with the error when the failure is unexpected', () => {
    const { host, response } = fakeHost();
    const { logger, error } = fakeLogger();
    const failure = new Error('boom');

    new HttpErrorFilter(logger).catch(failure, host);

    const { errorId } = (response.body as { error: { errorId: string } }).error;
    expect(response.statusCode).toBe(500);
    expect(error).toHaveBeenCalledWith(
      { err: failure, errorId, method: 'GET', url: '/proposals/1' },
      'request failed',
    );
  });

  it('should give the response a correlation id when the middleware never ran', () => {
    const { host, response } = fakeHost();

    new HttpErrorFilter(fakeLogger().logger).catch(new NotFoundError('X_NOT_FOUND', 'x'), host);

    expect(response.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should only end the response when part of it was already sent', () => {
    const { host, response } = fakeHost(true);
    const { logger, error } = fakeLogger();

    new HttpErrorFilter(logger).catch(new Error('mid-stream'), host);

    expect(response.ended).toBe(true);
    expect(response.body).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
  });
});
