import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { AuthError } from '@kipp/auth';
import { ConflictError, DomainError, MalformedJsonError } from '../errors/domain-errors';
import { describeError } from './describe-error';

class UpstreamDownError extends DomainError {
  readonly status = 503;
}

function httpError(status: number, message: string, extra: Record<string, unknown>) {
  return Object.assign(new Error(message), { status, statusCode: status, ...extra });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('describeError', () => {
  describe('DomainError', () => {
    it('should answer with its status, code, message and details', () => {
      const error = new ConflictError('DUPLICATE_TITLE', 'A proposal has this title', {
        title: 'Mal',
      });

      expect(describeError(error)).toEqual({
        status: 409,
        body: {
          error: {
            code: 'DUPLICATE_TITLE',
            message: 'A proposal has this title',
            details: { title: 'Mal' },
          },
        },
      });
    });

    it('should leave details out when there are none', () => {
      expect(describeError(new MalformedJsonError()).body).toEqual({
        error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' },
      });
    });

    it('should hide the message behind an errorId when its status is a server fault', () => {
      const described = describeError(
        new UpstreamDownError('UPSTREAM_DOWN', 'db at 10.0.0.5 down'),
      );

      expect(described.status).toBe(503);
      expect(described.errorId).toMatch(UUID);
      expect(described.body.error).toEqual({
        code: 'UPSTREAM_DOWN',
        message: 'An unexpected error occurred',
        errorId: described.errorId,
      });
    });
  });

  describe('AuthError of @kipp/auth', () => {
    it.each([
      [new AuthError('AUTH_TOKEN_EXPIRED'), 401],
      [new AuthError('AUTH_FORBIDDEN'), 403],
    ])('should answer with its status, code and message (%#)', (error, status) => {
      expect(describeError(error)).toEqual({
        status,
        body: { error: { code: error.code, message: error.message } },
      });
    });
  });

  describe('Nest HttpException', () => {
    it.each([
      [new NotFoundException('Cannot GET /nowhere'), 404, 'NOT_FOUND', 'Cannot GET /nowhere'],
      [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE', 'Payload Too Large'],
      [
        new BadRequestException('Validation failed (uuid is expected)'),
        400,
        'BAD_REQUEST',
        'Validation failed (uuid is expected)',
      ],
      [new HttpException('teapot', 418), 418, 'I_AM_A_TEAPOT', 'teapot'],
      [new HttpException('odd', 499), 499, 'HTTP_499', 'odd'],
    ])('should derive the code from the status (%#)', (exception, status, code, message) => {
      expect(describeError(exception)).toEqual({ status, body: { error: { code, message } } });
    });

    it('should answer INTERNAL with an errorId when it is a 500', () => {
      const described = describeError(new InternalServerErrorException('stack detail'));

      expect(described).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } });
      expect(JSON.stringify(described.body)).not.toContain('stack detail');
    });

    it('should keep the status code name but not the message when it is another 5xx', () => {
      const described = describeError(new ServiceUnavailableException('redis at 10.0.0.9'));

      expect(described.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(JSON.stringify(described.body)).not.toContain('10.0.0.9');
    });
  });

  describe('errors of the HTTP stack', () => {
    it('should answer 413 PAYLOAD_TOO_LARGE when the body parser rejects a large body', () => {
      const error = httpError(413, 'request entity too large', {
        expose: true,
        type: 'entity.too.large',
      });

      expect(describeError(error)).toEqual({
        status: 413,
        body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'request entity too large' } },
      });
    });

    it('should answer 400 MALFORMED_JSON when a parse failure reaches it directly', () => {
      const error = httpError(400, 'Unexpected token', {
        expose: true,
        type: 'entity.parse.failed',
      });

      expect(describeError(error).body.error.code).toBe('MALFORMED_JSON');
    });

    it('should answer 415 when the charset is unsupported', () => {
      const error = httpError(415, 'unsupported charset "UTF-7"', {
        expose: true,
        type: 'charset.unsupported',
      });

      expect(describeError(error)).toMatchObject({
        status: 415,
        body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } },
      });
    });

    it('should treat it as a server fault when it is not marked as exposable', () => {
      expect(describeError(httpError(400, 'internal detail', { expose: false })).status).toBe(500);
    });
  });

  describe('anything else', () => {
    it.each([
      [new Error('password=hunter2')],
      [new TypeError("Cannot read properties of undefined (reading 'id')")],
      ['a thrown string'],
      [undefined],
    ])('should answer 500 INTERNAL with only an errorId (%#)', (thrown) => {
      const described = describeError(thrown);

      expect(described.status).toBe(500);
      expect(described.body).toEqual({
        error: {
          code: 'INTERNAL',
          message: 'An unexpected error occurred',
          errorId: expect.stringMatching(UUID) as unknown,
        },
      });
      expect(described.errorId).toBe(described.body.error.errorId);
    });

    it('should give each failure its own errorId', () => {
      expect(describeError(new Error('a')).errorId).not.toBe(describeError(new Error('a')).errorId);
    });
  });
});
