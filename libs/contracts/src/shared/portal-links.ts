/**
 * The portal pages other services send people to: links in notification mails, the QR code
 * on a certificate. Senders and the portal are deployed apart, so the paths are a contract
 * like the events: the senders' tests check every link they build matches one of these
 * patterns, and the portal's tests check every pattern opens a page of its own.
 *
 * React Router syntax: `:name` is one URL-encoded segment. Queries are not part of a match.
 */
export const PORTAL_LINK_PATTERNS = [
  '/sign-in',
  '/reset-password',
  '/proposals/:proposalId',
  '/proposals/:proposalId/selection',
  '/proposals/:proposalId/objections',
  '/proposals/:proposalId/interview',
  '/proposals/:proposalId/results',
  '/institution/drafts',
  '/evaluation/assignments',
  '/evaluation/assignments/:assignmentId',
  '/verify/:code',
  '/replications/:replicationId',
  '/innovations/:innovationId/check-ins/:checkInId',
  '/inbox',
  '/inbox/:messageId',
  '/settings/notifications',
] as const;

export type PortalLinkPattern = (typeof PORTAL_LINK_PATTERNS)[number];

/** The pattern a path (without origin or query) matches, or null. */
export function portalLinkPatternOf(path: string): PortalLinkPattern | null {
  const segments = path.split('/');
  return (
    PORTAL_LINK_PATTERNS.find((pattern) => {
      const parts = pattern.split('/');
      return (
        parts.length === segments.length &&
        parts.every((part, i) =>
          part.startsWith(':') ? (segments[i] ?? '') !== '' : part === segments[i],
        )
      );
    }) ?? null
  );
}
