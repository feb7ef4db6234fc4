import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountRoleGrantedV1,
  PayloadOf,
} from '@kipp/contracts';
import { ReviewerRepository, type ReviewerRole } from '../reviewer.repository';

const REVIEWER_ROLES: readonly string[] = ['evaluator', 'panelist'] satisfies ReviewerRole[];

function isReviewerRole(role: string): role is ReviewerRole {
  return REVIEWER_ROLES.includes(role);
}

/** Keeps evaluators and panelists from registration's account events; other accounts are ignored. */
@Injectable()
export class RecordReviewerUseCase {
  constructor(private readonly reviewers: ReviewerRepository) {}

  async created(payload: PayloadOf<typeof AccountCreatedV1>, session: ClientSession) {
    const roles = payload.roles.filter(isReviewerRole);
    if (roles.length === 0) {
      // A reviewer role granted before this event arrived made it a reviewer already.
      await this.reviewers.rename(payload.accountId, payload.name, session);
      return;
    }
    await this.reviewers.upsertWithRoles(
      {
        accountId: payload.accountId,
        email: payload.email,
        locale: payload.locale,
        name: payload.name,
        profile: payload.reviewerProfile,
      },
      roles,
      session,
    );
  }

  async roleGranted(payload: PayloadOf<typeof AccountRoleGrantedV1>, session: ClientSession) {
    if (!isReviewerRole(payload.role)) return;
    await this.reviewers.upsertWithRoles(
      {
        accountId: payload.accountId,
        email: payload.email,
        locale: payload.locale,
        name: null,
        profile: payload.reviewerProfile,
      },
      [payload.role],
      session,
    );
  }

  /** Deactivated or reactivated (both carry the same payload). */
  async statusChanged(
    payload: PayloadOf<typeof AccountDeactivatedV1>,
    active: boolean,
    session: ClientSession,
  ) {
    await this.reviewers.setActive(payload.accountId, active, new Date(payload.changedAt), session);
  }
}
