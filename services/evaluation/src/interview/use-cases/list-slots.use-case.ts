import { Injectable } from '@nestjs/common';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { FinalistsRepository } from '../../plenary/finalists.repository';
import { InterviewRepository, type SlotView } from '../interview.repository';

/**
 * The schedule: the secretariat and panelists see every slot; a local admin sees the free
 * slots and its own institution's bookings. `atRisk` keeps booked slots still unconfirmed
 * past their confirmation deadline.
 */
@Injectable()
export class ListSlotsUseCase {
  constructor(
    private readonly finalists: FinalistsRepository,
    private readonly repository: InterviewRepository,
  ) {}

  async execute(user: AuthenticatedUser, editionId: string, atRisk: boolean): Promise<SlotView[]> {
    requireEvaluatedEdition(editionId, await this.finalists.findEdition(editionId));
    const seesAll = hasAnyRole(user, ['national_admin', 'panelist']);
    return this.repository.list(editionId, {
      ...(seesAll ? {} : { visibleToInstitution: user.institutionId ?? '' }),
      ...(atRisk ? { atRiskAt: new Date() } : {}),
    });
  }
}
