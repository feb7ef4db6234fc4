import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('should verify the password it hashed and nothing else', async () => {
    const hash = await hasher.hash('Kipp#2027-inovasi');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain('Kipp#2027-inovasi');
    await expect(hasher.verify('Kipp#2027-inovasi', hash)).resolves.toBe(true);
    await expect(hasher.verify('kipp#2027-inovasi', hash)).resolves.toBe(false);
  });

  it('should salt every hash', async () => {
    expect(await hasher.hash('same')).not.toBe(await hasher.hash('same'));
  });

  it('should refuse a malformed hash instead of throwing', async () => {
    await expect(hasher.verify('x', 'not-a-phc-string')).resolves.toBe(false);
  });

  it('should ask for a rehash of weaker parameters', () => {
    expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$a$b')).toBe(true);
  });
});
