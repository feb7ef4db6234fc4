import { generateInitialPassword, INITIAL_PASSWORD_LENGTH } from './initial-password';

describe('generateInitialPassword', () => {
  it('should give a long password with lower, upper, digit and symbol every time', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateInitialPassword();
      expect(password).toHaveLength(INITIAL_PASSWORD_LENGTH);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[#%+\-=@_]/);
    }
  });

  it('should not repeat itself', () => {
    const passwords = new Set(Array.from({ length: 100 }, () => generateInitialPassword()));
    expect(passwords.size).toBe(100);
  });
});
