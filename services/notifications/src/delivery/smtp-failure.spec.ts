import { classifySmtpFailure } from './smtp-failure';

function smtpError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

describe('classifySmtpFailure', () => {
  it('should be permanent when the relay refuses the recipient with a 5xx reply', () => {
    const failure = classifySmtpFailure(
      smtpError('Recipient command failed: 550 no such user', {
        code: 'EENVELOPE',
        responseCode: 550,
      }),
    );
    expect(failure).toEqual({
      permanent: true,
      description: 'EENVELOPE 550 Recipient command failed: 550 no such user',
    });
  });

  it('should be transient when the relay answers 4xx', () => {
    const failure = classifySmtpFailure(
      smtpError('Data command failed: 451 try later', { code: 'EMESSAGE', responseCode: 451 }),
    );
    expect(failure.permanent).toBe(false);
  });

  it('should be transient when the connection is refused', () => {
    const failure = classifySmtpFailure(
      smtpError('connect ECONNREFUSED 127.0.0.1:1', { code: 'ESOCKET' }),
    );
    expect(failure).toEqual({
      permanent: false,
      description: 'ESOCKET connect ECONNREFUSED 127.0.0.1:1',
    });
  });

  it('should be transient when what was thrown is not an error', () => {
    expect(classifySmtpFailure('boom')).toEqual({ permanent: false, description: 'boom' });
  });
});
