import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CredentialsRepository } from '../credentials.repository';
import { hashToken } from '../opaque-token';
import { sealToString } from '@kipp/service-kit';
import { ChallengeInvalidError } from '../session.errors';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';
import { SignInChallengeRepository } from '../sign-in-challenge.repository';
import { generateTotpSecret, otpauthUri } from '@kipp/auth';

export const challengeOnlySchema = z.strictObject({ challenge: z.string().min(1).max(128) });

export type ChallengeOnlyInput = z.infer<typeof challengeOnlySchema>;

export interface TotpEnrolmentOffer {
  secret: string;
  otpauthUri: string;
}

/**
 * Offers a new TOTP secret for the person's authenticator app. It is kept (sealed) with the
 * challenge and becomes the account's only once a code from the app confirms it.
 */
@Injectable()
export class StartTotpEnrolmentUseCase {
  constructor(
    private readonly challenges: SignInChallengeRepository,
    private readonly credentials: CredentialsRepository,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(input: ChallengeOnlyInput, now = new Date()): Promise<TotpEnrolmentOffer> {
    const hash = hashToken(input.challenge);
    const challenge = await this.challenges.findLive(hash, 'totp_enrolment', now);
    if (!challenge) throw new ChallengeInvalidError();
    const account = await this.credentials.findById(challenge.accountId);
    if (!account || account.status !== 'active') throw new ChallengeInvalidError();

    const secret = generateTotpSecret();
    await this.challenges.offerTotpSecret(hash, sealToString(secret, this.settings.totpSealingKey));
    return { secret, otpauthUri: otpauthUri(secret, account.userId) };
  }
}
