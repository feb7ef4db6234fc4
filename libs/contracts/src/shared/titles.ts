/**
 * Lower case, punctuation removed, whitespace collapsed: how titles are compared across
 * services (submissions' prior-award checks, replication's persistent innovation ids).
 */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .join(' ');
}
