import type { AuthenticatedUser } from '@kipp/auth';
import type { ReaderGrant } from './reader-grant';

/**
 * What the evidence download needs from evaluation's decisions. An abstract class so it is
 * both the injection token and the shape a test fake implements.
 */
export abstract class ReaderGrants {
  /** The caller's grant on the proposal; asks only what the caller's roles could use. */
  abstract grantOf(user: AuthenticatedUser, proposalId: string): Promise<ReaderGrant>;
}
