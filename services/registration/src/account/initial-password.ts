import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+-=@_';
const ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS;
export const INITIAL_PASSWORD_LENGTH = 20;

/**
 * A strong random first password (about 120 bits), with every character class so it meets
 * any reasonable policy; look-alike characters are left out because people type it from
 * a message. It is shown once to the creator and must be changed at the first sign-in.
 */
export function generateInitialPassword(): string {
  const characters: string[] = [];
  while (characters.length < INITIAL_PASSWORD_LENGTH - 4) characters.push(pick(ALPHABET));
  // One of each class, each at a random position so none sits at a predictable place.
  for (const set of [LOWER, UPPER, DIGITS, SYMBOLS]) {
    characters.splice(randomInt(characters.length + 1), 0, pick(set));
  }
  return characters.join('');
}

function pick(set: string): string {
  return set.charAt(randomInt(set.length));
}
