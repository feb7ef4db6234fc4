import type { ApiClient } from '../../api/client';
import type { TotpOffer } from '../../auth/sign-in-api';

const REGISTRATION = '/api/registration';
const NOTIFICATIONS = '/api/notifications';

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

/** Roles that must keep a second factor (registration refuses to turn it off for them). */
export const SECOND_FACTOR_ROLES = ['national_admin', 'evaluator', 'panelist'] as const;
