import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { InjectConnection } from '@kipp/mongo';
import type { EditionProjection } from '../edition/edition.schema';
import { timeZoneOfProvince, type TimeZone } from '@kipp/contracts';
import { formatInZone } from './close-time';
import { SubmissionClosedError } from './proposal.errors';

/**
 * The hard close: at the edition's `submissionClosesAt` nothing more is accepted. The error
 * names the close in the caller's zone: the one asked for, else the institution's province.
 */
@Injectable()
export class SubmissionWindow {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async assertOpen(
    edition: EditionProjection,
    actor: AuthenticatedUser,
    requestedZone: TimeZone | undefined,
    now = new Date(),
  ): Promise<void> {
    const closesAt = edition.submissionClosesAt;
    if (closesAt === null || now < closesAt) return;
    const zone = requestedZone ?? (await this.zoneOf(actor.institutionId));
    throw new SubmissionClosedError(edition._id, closesAt, formatInZone(closesAt, zone), zone);
  }

  private async zoneOf(institutionId: string | null): Promise<TimeZone> {
    if (institutionId === null) return 'WIB';
    // The institution projection belongs to institution/, which exports nothing: read its
    // collection (province only) rather than reach into that feature.
    const institution = await this.connection
      .collection<{ _id: string; provinceCode: string | null }>('institutions')
      .findOne({ _id: institutionId }, { projection: { provinceCode: 1 } });
    return timeZoneOfProvince(institution?.provinceCode ?? null);
  }
}
