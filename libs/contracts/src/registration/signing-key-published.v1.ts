import { z } from 'zod';
import { defineEvent } from '../descriptor';

/** Public JWK of a token-signing key; private parts never appear in an event. */
const publicJwkSchema = z.strictObject({
  kty: z.enum(['OKP', 'EC']),
  crv: z.enum(['Ed25519', 'P-256']),
  x: z.string().min(1),
  y: z.string().min(1).optional(),
  kid: z.string().min(1).max(128),
  alg: z.enum(['EdDSA', 'ES256']),
  use: z.literal('sig'),
});

export const signingKeyPublishedV1Schema = z.strictObject({
  kid: z.string().min(1).max(128),
  jwk: publicJwkSchema,
  /** Tokens signed with this key are accepted until this instant; null while the key is current. */
  retiresAt: z.iso.datetime({ offset: true }).nullable(),
  publishedAt: z.iso.datetime({ offset: true }),
});

export const SigningKeyPublishedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'signing-key',
  event: 'published',
  version: 1,
  schema: signingKeyPublishedV1Schema,
  key: (payload) => payload.kid,
  description:
    'The public half of an access-token signing key (JWKS entry). The topic is compacted so every service can rebuild the key set from the beginning.',
  example: {
    kid: 'k-2027-01',
    jwk: {
      kty: 'OKP',
      crv: 'Ed25519',
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      kid: 'k-2027-01',
      alg: 'EdDSA',
      use: 'sig',
    },
    retiresAt: null,
    publishedAt: '2027-01-01T00:00:00.000Z',
  },
});
