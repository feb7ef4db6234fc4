import type { ApiClient } from '../api/client';
import type { IssuedTokens } from './session-store';

const BASE = '/api/registration';

/** One step of registration's sign-in: signed in, or what to do next with a challenge. */
export type SignInStep =
  | ({ readonly status: 'signed_in'; readonly accessTokenExpiresIn: number } & IssuedTokens)
  | {
      readonly status: 'password_change_required' | 'totp_enrolment_required' | 'totp_required';
      readonly challenge: string;
    };

export interface TotpOffer {
  readonly secret: string;
  readonly otpauthUri: string;
}

const publicCall = { auth: false } as const;

/** Registration's public sign-in and password-reset routes, as the portal calls them. */
export const signInApi = {
  start: (api: ApiClient, userId: string, password: string) =>
    api.post<SignInStep>(`${BASE}/sessions`, { userId, password }, publicCall),
  changePassword: (api: ApiClient, challenge: string, newPassword: string) =>
    api.post<SignInStep>(
      `${BASE}/sessions/password-change`,
      { challenge, newPassword },
      publicCall,
    ),
  offerTotp: (api: ApiClient, challenge: string) =>
    api.post<TotpOffer>(`${BASE}/sessions/totp/enrolment`, { challenge }, publicCall),
  confirmTotp: (api: ApiClient, challenge: string, code: string) =>
    api.post<SignInStep>(
      `${BASE}/sessions/totp/enrolment/confirm`,
      { challenge, code },
      publicCall,
    ),
  verifyTotp: (api: ApiClient, challenge: string, code: string) =>
    api.post<SignInStep>(`${BASE}/sessions/totp`, { challenge, code }, publicCall),
  requestReset: (api: ApiClient, userId: string) =>
    api.post<undefined>(`${BASE}/password-resets`, { userId }, publicCall),
  confirmReset: (api: ApiClient, token: string, newPassword: string) =>
    api.post<undefined>(`${BASE}/password-resets/confirm`, { token, newPassword }, publicCall),
};

/** A TOTP code as people type it (spaces allowed), or null when it is not six digits. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/\s+/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** Only same-site paths are followed after sign-in (never `//evil.example` or a URL). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
