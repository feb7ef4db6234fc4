import { Injectable } from '@nestjs/common';
import { CredentialsRepository } from './credentials.repository';
import { matchTotp, TOTP_STEP_SECONDS } from '@kipp/auth';

/** Checks a TOTP code and uses it up, so an overheard code cannot be replayed. */
@Injectable()
export class SecondFactor {
  constructor(private readonly credentials: CredentialsRepository) {}

  async accept(accountId: string, secret: string, code: string, now: Date): Promise<boolean> {
    const step = matchTotp(secret, code, now);
    if (step === null) return false;
    // Past the acceptance window (one step after this one) the code is refused anyway.
    const expiresAt = new Date((step + 2) * TOTP_STEP_SECONDS * 1000);
    return this.credentials.claimTotpStep(accountId, step, expiresAt);
  }
}
