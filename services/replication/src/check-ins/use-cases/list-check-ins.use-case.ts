import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { CheckInInnovationNotFoundError } from '../check-in.errors';
import { CheckInRepository, type StoredCheckIn } from '../check-in.repository';
import type { CheckInStatus } from '../check-in.schema';

export interface CheckInQuery {
  innovationId?: string | undefined;
  status?: CheckInStatus | undefined;
}

/** Check-ins: an institution its own, national admins all; the public an innovation's. */
@Injectable()
export class ListCheckInsUseCase {
  constructor(private readonly checkIns: CheckInRepository) {}

  async execute(actor: AuthenticatedUser, query: CheckInQuery): Promise<StoredCheckIn[]> {
    if (actor.roles.includes('national_admin')) return this.checkIns.list(query);
    // Without an institution an account answers no check-in.
    if (actor.institutionId === null) return [];
    return this.checkIns.list({ ...query, institutionId: actor.institutionId });
  }

  async executePublic(innovationId: string): Promise<StoredCheckIn[]> {
    if (!(await this.checkIns.innovationExists(innovationId))) {
      throw new CheckInInnovationNotFoundError(innovationId);
    }
    return this.checkIns.list({ innovationId });
  }
}
