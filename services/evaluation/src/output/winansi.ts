/**
 * The PDF standard fonts (Helvetica…) encode WinAnsi only; pdf-lib throws on anything else.
 * Indonesian names are Latin, so accents are folded to their base letter first
 * ("Pelayanan Terpadu – Kab. Bone Bolango" stays as it is), then what WinAnsi still cannot
 * encode becomes "?" and control characters (line breaks included) become spaces.
 */
const WINANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split(''));

export function toWinAnsi(text: string): string {
  let result = '';
  for (const char of text.normalize('NFC')) {
    result += winAnsiChar(char);
  }
  return result;
}

function winAnsiChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0 && !WINANSI_EXTRAS.has(char))) return ' ';
  if (code < 0x7f || (code >= 0xa0 && code <= 0xff) || WINANSI_EXTRAS.has(char)) return char;
  const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/^[\x20-\x7e]+$/.test(folded)) return folded;
  return '?';
}
