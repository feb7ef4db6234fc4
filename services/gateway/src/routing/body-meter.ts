import { Transform, type TransformCallback } from 'node:stream';
import { PayloadTooLargeError } from '../edge/edge.errors';

/**
 * Passes a body through unchanged while counting it, and fails with 413 at the first byte
 * over the limit: bodies without a Content-Length (chunked) are cut while they stream, so
 * nothing is ever held in memory beyond the stream's own buffer.
 */
export class BodyMeter extends Transform {
  private seen = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limitBytes) {
      done(new PayloadTooLargeError(this.limitBytes));
      return;
    }
    done(null, chunk);
  }
}
