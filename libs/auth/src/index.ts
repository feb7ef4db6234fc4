export * from './roles';
export * from './auth.constants';
export * from './auth.errors';
export * from './authenticated-user';
export { accessTokenClaimsSchema, type AccessTokenClaims } from './access-token-claims';
export * from './signing-key-store';
export * from './token-signer';
export * from './token-verifier';
export * from './scope';
export {
  Public,
  Roles,
  CurrentUser,
  IS_PUBLIC_KEY,
  ROLES_KEY,
  type AuthenticatedRequest,
} from './auth.metadata';
export * from './auth.guard';
export * from './auth.module';
export * from './totp';
