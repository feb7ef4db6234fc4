/** Trailing spaces off every line, at most one blank line in a row, no blank edges. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escapes a value for an HTML attribute or text, leaving URLs readable. */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A URL in escaped text: it ends before whitespace or an escaped quote or bracket. */
const URL_IN_TEXT = /\bhttps?:\/\/(?:(?!&quot;|&#x27;|&#39;|&lt;|&gt;)[^\s<>"])+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;
const LINK_STYLE = 'color:#9b1c1c;word-break:break-all;';

/**
 * Turns an already escaped body into HTML: blank lines separate paragraphs, a single newline
 * is a line break, lines starting with "- " form a list, URLs become links.
 */
export function bodyToHtml(escaped: string): string {
  if (escaped === '') return '';
  return escaped
    .split(/\n{2,}/)
    .flatMap((block) => runsOf(block.split('\n')))
    .map(({ list, lines }) =>
      list
        ? `<ul style="margin:0 0 16px;padding-left:24px;">${lines
            .map((line) => `<li style="margin:0 0 4px;">${linkify(line.slice(2))}</li>`)
            .join('')}</ul>`
        : `<p style="margin:0 0 16px;">${lines.map(linkify).join('<br>')}</p>`,
    )
    .join('\n');
}

/** Consecutive lines grouped by whether they are list items. */
function runsOf(lines: readonly string[]): { list: boolean; lines: string[] }[] {
  const runs: { list: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const list = line.startsWith('- ');
    const last = runs.at(-1);
    if (last && last.list === list) last.lines.push(line);
    else runs.push({ list, lines: [line] });
  }
  return runs;
}

function linkify(escaped: string): string {
  return escaped.replace(URL_IN_TEXT, (match) => {
    const url = match.replace(TRAILING_PUNCTUATION, '');
    const rest = match.slice(url.length);
    return `<a href="${url}" style="${LINK_STYLE}">${url}</a>${rest}`;
  });
}
