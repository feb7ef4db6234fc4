import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { FinalistsRepository } from '../../plenary/finalists.repository';
import { FinalistNotFoundError } from '../field-verification.errors';
import type { FieldVerification } from '../field-verification.schema';
import { FieldVerificationRepository } from '../field-verification.repository';

export interface FieldVerificationInput {
  visitedOn: string;
  team: string[];
  findings: string;
  recommendation?: 'confirmed' | 'concerns' | undefined;
}

/** Records a visit to a current finalist (the panel or the secretariat). */
@Injectable()
export class RecordFieldVerificationUseCase {
  constructor(
    private readonly finalists: FinalistsRepository,
    private readonly repository: FieldVerificationRepository,
  ) {}

  async execute(
    user: AuthenticatedUser,
    proposalId: string,
    input: FieldVerificationInput,
  ): Promise<FieldVerification> {
    const finalist = await this.finalists.findFinalist(proposalId);
    if (!finalist) throw new FinalistNotFoundError(proposalId);
    return this.repository.insert({
      _id: `fv_${randomUUID()}`,
      editionId: finalist.editionId,
      proposalId,
      institutionId: finalist.institutionId,
      visitedOn: input.visitedOn,
      team: input.team,
      findings: input.findings,
      recommendation: input.recommendation ?? null,
      photos: [],
      recordedBy: user.accountId,
    });
  }
}
