import type { INSTITUTION_TYPES } from '@kipp/contracts';
import type { ApiClient } from '../../../api/client';
import type { Role } from '../../../auth/roles';

const BASE = '/api/registration';
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface Institution {
  readonly institutionId: string;
  readonly code: string;
  readonly name: string;
  readonly type: InstitutionType;
  readonly provinceCode: string | null;
  readonly disadvantaged: boolean;
  readonly revision: number;
}

export interface InstitutionSearch {
  readonly q: string;
  readonly type: InstitutionType | '';
  readonly provinceCode: string;
  readonly disadvantaged: '' | 'true' | 'false';
  readonly page: number;
}

export interface InstitutionInput {
  readonly code: string;
  readonly name: string;
  readonly type: InstitutionType;
  readonly provinceCode: string | null;
  readonly disadvantaged: boolean;
}

export interface Account {
  readonly accountId: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly roles: readonly Role[];
  readonly institutionId: string | null;
  readonly status: 'active' | 'deactivated';
  readonly mustChangePassword: boolean;
}

export interface AccountSearch {
  readonly q: string;
  readonly role: Role | '';
  readonly status: 'active' | 'deactivated' | '';
  readonly institutionId: string;
  readonly page: number;
}

export interface NewAccount {
  readonly role: Role;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly institutionId?: string;
  readonly reviewerProfile?: {
    readonly affiliation: string;
    readonly homeProvinceCode: string | null;
    readonly pastEngagementInstitutionIds: readonly string[];
    readonly declaredConflictInstitutionIds: readonly string[];
    readonly expertiseCategoryIds: readonly string[];
  };
}

export interface LocalAdminRequest {
  readonly requestId: string;
  readonly institutionId: string;
  readonly candidateName: string;
  readonly candidateEmail: string;
  readonly candidateUserId: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly letter: { readonly filename: string; readonly sizeBytes: number };
  readonly decision: { readonly reason: string | null; readonly decidedAt: string } | null;
  readonly createdAt: string;
}

interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const registryApi = {
  institutions: (api: ApiClient, search: InstitutionSearch, signal?: AbortSignal) =>
    api.get<Page<Institution>>(`${BASE}/institutions`, {
      query: { ...search, pageSize: 20 },
      ...opts(signal),
    }),
  registerInstitution: (api: ApiClient, input: InstitutionInput) =>
    api.post<Institution>(`${BASE}/institutions`, input),
  updateInstitution: (
    api: ApiClient,
    institution: Institution,
    changes: Omit<InstitutionInput, 'code'>,
  ) =>
    api.patch<Institution>(
      `${BASE}/institutions/${encodeURIComponent(institution.institutionId)}`,
      {
        revision: institution.revision,
        ...changes,
      },
    ),
  accounts: (api: ApiClient, search: AccountSearch, signal?: AbortSignal) =>
    api.get<Page<Account>>(`${BASE}/accounts`, { query: { ...search }, ...opts(signal) }),
  createAccount: (api: ApiClient, account: NewAccount) =>
    api.post<{ account: Account; initialPassword: string }>(`${BASE}/accounts`, account),
  grantRole: (api: ApiClient, accountId: string, role: Role, institutionId?: string) =>
    api.post<Account>(`${BASE}/accounts/${encodeURIComponent(accountId)}/roles`, {
      role,
      ...(institutionId ? { institutionId } : {}),
    }),
  setActive: (api: ApiClient, accountId: string, active: boolean, reason: string) =>
    api.post<Account>(
      `${BASE}/accounts/${encodeURIComponent(accountId)}/${active ? 'reactivation' : 'deactivation'}`,
      {
        reason,
      },
    ),
  resetPassword: (api: ApiClient, accountId: string) =>
    api.post<{ initialPassword: string }>(
      `${BASE}/accounts/${encodeURIComponent(accountId)}/password-reset`,
    ),
  requests: (api: ApiClient, status: string, page: number, signal?: AbortSignal) =>
    api.get<Page<LocalAdminRequest>>(`${BASE}/local-admin-requests`, {
      query: { status, page },
      ...opts(signal),
    }),
  decide: (api: ApiClient, requestId: string, decision: 'approved' | 'rejected', reason: string) =>
    api.post<{ request: LocalAdminRequest; initialPassword: string | null }>(
      `${BASE}/local-admin-requests/${encodeURIComponent(requestId)}/decision`,
      { decision, reason },
    ),
};

export const letterPath = (requestId: string) =>
  `${BASE}/local-admin-requests/${encodeURIComponent(requestId)}/letter`;

/** A new institution as typed: the code and name trimmed, the province two digits or none. */
export function institutionInput(form: {
  code: string;
  name: string;
  type: InstitutionType;
  provinceCode: string;
  disadvantaged: boolean;
}): InstitutionInput {
  const province = form.provinceCode.trim();
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    type: form.type,
    provinceCode: province === '' ? null : province,
    disadvantaged: form.disadvantaged,
  };
}

/** Which roles an account needs an institution for. */
export function needsInstitution(role: Role): boolean {
  return role === 'local_admin' || role === 'unit_operator';
}

/** Which roles carry a reviewer profile (conflicts of interest are checked against it). */
export function isReviewer(role: Role): boolean {
  return role === 'evaluator' || role === 'panelist';
}

/** Ids typed as a list (commas, semicolons or spaces), without repeats. */
export function idList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
}
