import type { ApiClient } from '../../api/client';
import type { EditionSummary, ProposalStatus, ProposalSummary } from '../operator/proposal-api';

const REGISTRATION = '/api/registration';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface Account {
  readonly accountId: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly roles: readonly string[];
  readonly institutionId: string | null;
  readonly unitId: string | null;
  readonly status: 'active' | 'deactivated';
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
}

export interface AccountPage {
  readonly items: readonly Account[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface Unit {
  readonly unitId: string;
  readonly name: string;
}

export interface NewOperator {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: 'id' | 'en';
  readonly unitId: string;
}

export const accountApi = {
  list: (
    api: ApiClient,
    query: { status?: string; q?: string; page?: number },
    signal?: AbortSignal,
  ) =>
    api.get<AccountPage>(`${REGISTRATION}/accounts`, {
      query: { role: 'unit_operator', ...query },
      ...withSignal(signal),
    }),
  create: (api: ApiClient, institutionId: string, account: NewOperator) =>
    api.post<{ account: Account; initialPassword: string }>(`${REGISTRATION}/accounts`, {
      role: 'unit_operator',
      institutionId,
      ...account,
    }),
  deactivate: (api: ApiClient, accountId: string, reason: string) =>
    api.post<Account>(`${REGISTRATION}/accounts/${encodeURIComponent(accountId)}/deactivation`, {
      reason,
    }),
  reactivate: (api: ApiClient, accountId: string, reason: string) =>
    api.post<Account>(`${REGISTRATION}/accounts/${encodeURIComponent(accountId)}/reactivation`, {
      reason,
    }),
  units: (api: ApiClient, institutionId: string, signal?: AbortSignal) =>
    api.get<{ items: Unit[] }>(
      `${REGISTRATION}/institutions/${encodeURIComponent(institutionId)}/units`,
      withSignal(signal),
    ),
  createUnit: (api: ApiClient, institutionId: string, name: string) =>
    api.post<Unit>(`${REGISTRATION}/institutions/${encodeURIComponent(institutionId)}/units`, {
      name,
    }),
};

export type NewOperatorErrors = Partial<Record<keyof NewOperator, 'invalid'>>;

/** The rules registration applies to a new unit operator, checked before sending. */
export function validateNewOperator(input: NewOperator): NewOperatorErrors {
  const errors: NewOperatorErrors = {};
  if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(input.userId.trim().toLowerCase()))
    errors.userId = 'invalid';
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) errors.name = 'invalid';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()) || input.email.length > 254)
    errors.email = 'invalid';
  if (!input.unitId) errors.unitId = 'invalid';
  return errors;
}

/** A reason for (de)activation as registration takes it: 3–1000 characters. */
export function reasonValid(reason: string): boolean {
  const length = reason.trim().length;
  return length >= 3 && length <= 1000;
}

export interface QuotaUse {
  readonly groupId: string;
  readonly used: number;
  readonly quota: number;
  readonly left: number;
}

/**
 * Quota places the institution holds per group of an edition, as submissions counts them:
 * the counters a forward takes its place from, so the figure is what the next forward meets.
 */
export const quotaApi = {
  usage: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<{ editionId: string; institutionId: string; groups: QuotaUse[] }>(
      `/api/submissions/editions/${encodeURIComponent(editionId)}/quota-usage`,
      withSignal(signal),
    ),
};

/** What submissions answers to a nudge by hand: when it went and when the next may. */
export interface ManualNudge {
  readonly proposalId: string;
  readonly message: string | null;
  readonly nudgedAt: string;
  readonly nextAllowedAt: string;
}

/** The longest message a nudge by hand may carry (submissions' limit, after trimming). */
export const NUDGE_MESSAGE_MAX_LENGTH = 1000;

/**
 * The local admin reminds the unit of a proposal still with it, at most once a day; the
 * unit's operators get a mail and an inbox copy with the message, if one was written.
 */
export const nudgeApi = {
  nudge: (api: ApiClient, proposalId: string, message: string) => {
    const trimmed = message.trim();
    return api.post<ManualNudge>(
      `/api/submissions/proposals/${encodeURIComponent(proposalId)}/nudge`,
      trimmed ? { message: trimmed } : {},
    );
  },
};

/** When the next nudge of a proposal is possible, from a `409 NUDGE_TOO_SOON`'s details. */
export function nextNudgeAllowedAt(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('nextAllowedAt' in details)) {
    return null;
  }
  const next: unknown = details.nextAllowedAt;
  return typeof next === 'string' ? next : null;
}

/** Proposals of the edition per category and status (forwarded, with the admin, with units). */
export function categoryUse(
  edition: EditionSummary,
  proposals: readonly ProposalSummary[],
): { categoryId: string; forwarded: number; inProgress: number }[] {
  return edition.configuration.categories.map((category) => {
    const mine = proposals.filter(
      (p) => p.editionId === edition.editionId && p.categoryId === category.categoryId,
    );
    return {
      categoryId: category.categoryId,
      forwarded: mine.filter((p) => p.status === 'forwarded').length,
      inProgress: mine.filter(
        (p) => p.status === 'draft' || p.status === 'returned' || p.status === 'submitted',
      ).length,
    };
  });
}

export type SittingWith = 'unit' | 'local_admin';

export interface StuckDraft {
  readonly proposal: ProposalSummary;
  readonly sittingWith: SittingWith;
  /** Whole days since its status last changed. */
  readonly days: number;
}

const WITH: Partial<Record<ProposalStatus, SittingWith>> = {
  draft: 'unit',
  returned: 'unit',
  submitted: 'local_admin',
};

/** Proposals still sitting with a unit or the local admin, the longest-waiting first. */
export function stuckDrafts(proposals: readonly ProposalSummary[], now: Date): StuckDraft[] {
  return proposals
    .flatMap((proposal) => {
      const sittingWith = WITH[proposal.status];
      if (!sittingWith) return [];
      const days = Math.max(
        0,
        Math.floor((now.getTime() - new Date(proposal.statusSince).getTime()) / 86_400_000),
      );
      return [{ proposal, sittingWith, days }];
    })
    .sort((a, b) => a.proposal.statusSince.localeCompare(b.proposal.statusSince));
}

/** The edition whose submission the institution works on now: in submission, else the newest. */
export function currentEdition(editions: readonly EditionSummary[]): EditionSummary | undefined {
  return (
    editions.find((e) => e.currentPhase === 'submission') ??
    [...editions].sort((a, b) => b.configuration.year - a.configuration.year)[0]
  );
}
