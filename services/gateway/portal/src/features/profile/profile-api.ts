import type { ApiClient } from '../../api/client';
import type { AccountLocale, Role } from '../../auth/roles';
import type { TotpOffer } from '../../auth/sign-in-api';

const REGISTRATION = '/api/registration';
const NOTIFICATIONS = '/api/notifications';

/** Registration's `GET /me`: the signed-in person's own account. */
export interface MyAccount {
  readonly accountId: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: AccountLocale;
  readonly roles: readonly Role[];
  readonly institutionId: string | null;
  readonly institutionName: string | null;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly status: 'active' | 'deactivated';
  /** `required`: a role the account holds needs it, so it cannot be turned off. */
  readonly secondFactor: { readonly enabled: boolean; readonly required: boolean };
  readonly passwordChangedAt: string | null;
  readonly lastSignInAt: string | null;
}

export interface PasswordChange {
  readonly currentPassword: string;
  readonly newPassword: string;
  /** This session's refresh token: registration keeps this session and ends the others. */
  readonly refreshToken?: string;
}

export interface PreferenceCategory {
  readonly category: string;
  readonly name: { readonly id: string; readonly en: string };
  readonly optional: boolean;
  readonly optedOut: boolean;
}

export interface Preferences {
  readonly optedOut: readonly string[];
  readonly dailyDigest: boolean;
  readonly categories: readonly PreferenceCategory[];
}

export const profileApi = {
  me: (api: ApiClient, signal?: AbortSignal) =>
    api.get<MyAccount>(`${REGISTRATION}/me`, signal ? { signal } : {}),
  changePassword: (api: ApiClient, change: PasswordChange) =>
    api.post<undefined>(`${REGISTRATION}/me/password`, change),
  startSecondFactor: (api: ApiClient) => api.post<TotpOffer>(`${REGISTRATION}/me/second-factor`),
  confirmSecondFactor: (api: ApiClient, code: string) =>
    api.post<undefined>(`${REGISTRATION}/me/second-factor/confirmation`, { code }),
  disableSecondFactor: (api: ApiClient, code: string) =>
    api.delete<undefined>(`${REGISTRATION}/me/second-factor`, { code }),
  requestPasswordLink: (api: ApiClient, userId: string) =>
    api.post<undefined>(`${REGISTRATION}/password-resets`, { userId }, { auth: false }),
  preferences: (api: ApiClient, signal?: AbortSignal) =>
    api.get<Preferences>(`${NOTIFICATIONS}/preferences`, signal ? { signal } : {}),
  savePreferences: (api: ApiClient, optedOut: readonly string[], dailyDigest: boolean) =>
    api.put<Preferences>(`${NOTIFICATIONS}/preferences`, { optedOut, dailyDigest }),
};
