import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';

const argon2Async = promisify(argon2);

/** OWASP's argon2id baseline: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2_PARAMETERS = {
  memory: 19_456,
  passes: 2,
  parallelism: 1,
  tagLength: 32,
} as const;

/**
 * Hashes passwords with argon2id (Node's built-in implementation) into PHC strings, so the
 * parameters travel with each hash and can be raised later without breaking old ones.
 */
@Injectable()
export class PasswordHasher {
  async hash(password: string): Promise<string> {
    const nonce = randomBytes(16);
    const tag = await argon2Async('argon2id', { message: password, nonce, ...ARGON2_PARAMETERS });
    const { memory, passes, parallelism } = ARGON2_PARAMETERS;
    return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${nonce.toString('base64url')}$${tag.toString('base64url')}`;
  }

  async verify(password: string, phc: string): Promise<boolean> {
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(phc);
    if (!match) return false;
    const [, memory, passes, parallelism, nonce, expected] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const expectedTag = Buffer.from(expected, 'base64url');
    const tag = await argon2Async('argon2id', {
      message: password,
      nonce: Buffer.from(nonce, 'base64url'),
      memory: Number(memory),
      passes: Number(passes),
      parallelism: Number(parallelism),
      tagLength: expectedTag.length,
    });
    return timingSafeEqual(tag, expectedTag);
  }

  /** True when a hash was made with weaker parameters than today's and should be redone. */
  needsRehash(phc: string): boolean {
    const { memory, passes, parallelism } = ARGON2_PARAMETERS;
    return !phc.startsWith(`$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$`);
  }
}
