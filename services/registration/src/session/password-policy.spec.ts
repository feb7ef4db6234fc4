import { passwordPolicyViolations } from './password-policy';

describe('passwordPolicyViolations', () => {
  it('should accept a long password with three character classes', () => {
    expect(passwordPolicyViolations('Tiga-kelas-karakter', 'budi.santoso')).toEqual([]);
    expect(passwordPolicyViolations('tigakelas2027!', 'budi.santoso')).toEqual([]);
  });

  it('should name every rule a password breaks', () => {
    expect(passwordPolicyViolations('short', 'budi')).toEqual(['MIN_LENGTH', 'CHARACTER_CLASSES']);
  });

  it('should refuse a password containing the user id, in any case', () => {
    expect(passwordPolicyViolations('Xx-BUDI.SANTOSO-9', 'budi.santoso')).toEqual([
      'CONTAINS_USER_ID',
    ]);
  });

  it('should refuse a very common password even when it passes the other rules', () => {
    expect(passwordPolicyViolations('P@ssw0rd1234', 'someone')).toEqual(['COMMON_PASSWORD']);
  });

  it('should refuse a password with fewer than three character classes', () => {
    expect(passwordPolicyViolations('onlylowercaseletters', 'someone')).toEqual([
      'CHARACTER_CLASSES',
    ]);
  });
});
