import { TokenSigner, type AuthenticatedUser, type Role } from '@kipp/auth';
import { SigningKeyPublishedV1 } from '@kipp/contracts';
import { authenticatedUser } from './authenticated-user';
import { buildEvent } from './event-builder';
import { uniqueName } from './infrastructure';
import { produceRaw, type TestTopics } from './test-topics';

/**
 * Stands in for the registration service's sign-in: it publishes its public key the way
 * registration does, so every service under test accepts the tokens it signs.
 */
export class TestIssuer {
  private constructor(private readonly signer: TokenSigner) {}

  static async publish(topics: TestTopics): Promise<TestIssuer> {
    const signer = await TokenSigner.generate('EdDSA', uniqueName('test-key'));
    const event = buildEvent(SigningKeyPublishedV1, {
      kid: signer.kid,
      jwk: signer.publicJwk(),
      retiresAt: null,
      publishedAt: new Date().toISOString(),
    });
    await produceRaw(topics.topicOf(SigningKeyPublishedV1), [event]);
    return new TestIssuer(signer);
  }

  async token(roles: Role[], scope: Partial<AuthenticatedUser> = {}): Promise<string> {
    return this.signer.sign(
      authenticatedUser(roles, { ...scope, accountId: scope.accountId ?? uniqueName('acct') }),
      { ttlSeconds: 600 },
    );
  }

  async headers(
    roles: Role[],
    scope: Partial<AuthenticatedUser> = {},
  ): Promise<Record<string, string>> {
    return {
      authorization: `Bearer ${await this.token(roles, scope)}`,
      'content-type': 'application/json',
    };
  }
}
