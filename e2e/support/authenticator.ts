import { timeStepOf, totpCode } from '@kipp/auth';

/**
 * The authenticator app on a person's phone: it computes the codes of an enrolled secret,
 * never the same time step twice (the server accepts each code once).
 */
export class Authenticator {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  /** The secret in an `otpauth://totp/…?secret=…` link, as enrolment offers it. */
  static fromOtpauthUri(uri: string): Authenticator {
    const secret = new URL(uri.trim()).searchParams.get('secret');
    if (!secret) throw new Error(`no secret in ${uri}`);
    return new Authenticator(secret);
  }

  /** The code of a time step not used before, waiting for the next step if need be. */
  async code(): Promise<string> {
    let step = timeStepOf(new Date());
    while (step <= this.lastStep) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      step = timeStepOf(new Date());
    }
    this.lastStep = step;
    return totpCode(this.secret, step);
  }
}
