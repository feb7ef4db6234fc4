/** An event that arrived before what it depends on; the consumer retries it with backoff. */
export class ProposalNotYetForwardedError extends Error {
  override readonly name = 'ProposalNotYetForwardedError';
}
