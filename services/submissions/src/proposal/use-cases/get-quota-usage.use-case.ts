import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import type { EditionConfiguration } from '@kipp/contracts';
import { ValidationError } from '@kipp/service-kit';
import { EditionDirectory } from '../../edition/edition-directory';
import { QuotaUsageRepository } from '../quota-usage.repository';

export interface GroupQuotaUsage {
  readonly groupId: EditionConfiguration['groups'][number]['groupId'];
  readonly quota: number;
  readonly used: number;
  readonly left: number;
}

export interface QuotaUsageView {
  readonly editionId: string;
  readonly institutionId: string;
  readonly groups: GroupQuotaUsage[];
}

/**
 * How many proposals an institution has forwarded per group of an edition, against the
 * group's quota: the counters the forward itself takes places from, so what the local admin
 * sees is what the next forward will meet. Invitation-only groups appear only for the
 * institutions invited to them. The local admin sees their own institution; the national
 * admin names one.
 */
@Injectable()
export class GetQuotaUsageUseCase {
  constructor(
    private readonly editions: EditionDirectory,
    private readonly quotas: QuotaUsageRepository,
  ) {}

  async execute(
    user: AuthenticatedUser,
    editionId: string,
    askedInstitutionId: string | undefined,
  ): Promise<QuotaUsageView> {
    const institutionId = this.institutionOf(user, askedInstitutionId);
    const edition = await this.editions.get(editionId);
    const groups = edition.configuration.groups.filter(
      (group) =>
        !group.eligibility.invitationOnly ||
        (group.invitedInstitutionIds ?? []).includes(institutionId),
    );
    const used = await this.quotas.usedPerGroup(
      editionId,
      institutionId,
      groups.map((group) => group.groupId),
    );
    return {
      editionId,
      institutionId,
      groups: groups.map((group) => {
        const taken = used.get(group.groupId) ?? 0;
        return {
          groupId: group.groupId,
          quota: group.quotaPerInstitution,
          used: taken,
          left: Math.max(0, group.quotaPerInstitution - taken),
        };
      }),
    };
  }

  private institutionOf(user: AuthenticatedUser, asked: string | undefined): string {
    if (hasAnyRole(user, ['national_admin'])) {
      if (asked === undefined) {
        throw new ValidationError([
          { path: 'institutionId', message: 'the national admin names the institution' },
        ]);
      }
      return asked;
    }
    const own = asked ?? user.institutionId ?? '';
    assertInstitutionScope(user, own);
    return own;
  }
}
