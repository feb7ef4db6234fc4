import {
  newVerificationCode,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_PATTERN,
} from './verification-code';

describe('newVerificationCode', () => {
  it('should use 32 unambiguous symbols when building the alphabet', () => {
    expect(new Set(VERIFICATION_ALPHABET).size).toBe(32);
    expect(VERIFICATION_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('should give 12 symbols of the alphabet when drawn from the CSPRNG', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(VERIFICATION_CODE_PATTERN);
  });

  it('should map each random draw onto the alphabet when given a source', () => {
    let next = 0;
    expect(newVerificationCode(() => next++ % 32)).toBe('ABCDEFGHJKLM');
  });
});
