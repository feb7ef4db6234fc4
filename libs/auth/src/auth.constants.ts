/** The `iss` claim of every access token; only the registration service issues them. */
export const ACCESS_TOKEN_ISSUER = 'kipp-registration';

/** The `aud` claim of every access token: all services of the platform accept them. */
export const ACCESS_TOKEN_AUDIENCE = 'kipp-platform';

/**
 * The only JWS algorithms accepted. Asymmetric only, so that no verifier ever holds a
 * secret able to mint tokens; `none`, HS* and RS* are rejected.
 */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;

export type SigningAlgorithm = (typeof ACCESS_TOKEN_ALGORITHMS)[number];

/**
 * The `typ` header of access tokens (RFC 9068), so that another kind of JWT signed with the
 * same key can never be replayed as an access token.
 */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Allowed clock skew between the registration service and a verifier. */
export const CLOCK_TOLERANCE_SECONDS = 5;
