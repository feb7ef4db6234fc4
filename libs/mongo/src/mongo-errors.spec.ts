import { Error as MongooseError, mongo } from 'mongoose';
import { isDuplicateKeyError, isTransientMongoError } from './mongo-errors';

function serverError(code: number, errorLabels: string[] = []): mongo.MongoServerError {
  return new mongo.MongoServerError({ message: `server error ${code}`, code, errorLabels });
}

describe('isDuplicateKeyError', () => {
  it('should be true for a duplicate key server error', () => {
    expect(isDuplicateKeyError(serverError(11000))).toBe(true);
  });

  it('should be false for other server errors and for non-Mongo errors', () => {
    expect(isDuplicateKeyError(serverError(112))).toBe(false);
    expect(isDuplicateKeyError(Object.assign(new Error('E11000'), { code: 11000 }))).toBe(false);
    expect(isDuplicateKeyError('E11000')).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});

describe('isTransientMongoError', () => {
  it.each([
    ['TransientTransactionError'],
    ['UnknownTransactionCommitResult'],
    ['RetryableWriteError'],
  ])('should be true for a server error labelled %s', (label) => {
    expect(isTransientMongoError(serverError(2, [label]))).toBe(true);
  });

  it.each([
    [10107, 'NotWritablePrimary'],
    [91, 'ShutdownInProgress'],
    [11600, 'InterruptedAtShutdown'],
    [189, 'PrimarySteppedDown'],
    [112, 'WriteConflict'],
  ])('should be true for server code %i (%s)', (code) => {
    expect(isTransientMongoError(serverError(code))).toBe(true);
  });

  it('should be true for network and closed-client errors', () => {
    expect(isTransientMongoError(new mongo.MongoNetworkError('socket hang up'))).toBe(true);
    expect(isTransientMongoError(new mongo.MongoNetworkTimeoutError('timed out'))).toBe(true);
    expect(isTransientMongoError(new mongo.MongoTopologyClosedError())).toBe(true);
    expect(isTransientMongoError(new mongo.MongoNotConnectedError('not connected'))).toBe(true);
  });

  it('should be true when mongoose gave up waiting for a connection', () => {
    const buffering = new MongooseError(
      'Operation `proposals.insertOne()` buffering timed out after 10000ms',
    );
    expect(isTransientMongoError(buffering)).toBe(true);
  });

  it('should be true when the transient error is the cause of another', () => {
    const wrapped = new Error('handler failed', { cause: new mongo.MongoNetworkError('reset') });
    expect(isTransientMongoError(wrapped)).toBe(true);
  });

  it('should be false for permanent errors', () => {
    expect(isTransientMongoError(serverError(11000))).toBe(false);
    expect(isTransientMongoError(serverError(121, []))).toBe(false); // DocumentValidationFailure
    expect(isTransientMongoError(new MongooseError('Cast to ObjectId failed'))).toBe(false);
    expect(isTransientMongoError(new Error('boom'))).toBe(false);
    expect(isTransientMongoError(null)).toBe(false);
  });
});
