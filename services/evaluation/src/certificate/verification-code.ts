import { randomInt } from 'node:crypto';

/**
 * 32 symbols without the look-alikes 0/O and 1/I, so a code read off paper is typed back
 * right; 12 of them carry 60 bits from the CSPRNG, far beyond guessing through a
 * rate-limited endpoint.
 */
export const VERIFICATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const VERIFICATION_CODE_LENGTH = 12;
export const VERIFICATION_CODE_PATTERN = new RegExp(
  `^[${VERIFICATION_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`,
);

export function newVerificationCode(random: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < VERIFICATION_CODE_LENGTH; i += 1) {
    code += VERIFICATION_ALPHABET.charAt(random(VERIFICATION_ALPHABET.length));
  }
  return code;
}
