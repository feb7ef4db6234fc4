import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import { InnovationUpdatedV1 } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { Directory } from '../../directory/directory';
import { institutionFields, nextState } from '../innovation-content';
import { InnovationRepository } from '../innovation.repository';
import { toInnovationRecord } from '../innovation.schema';

/** An institution's registry record changed: its innovations show the new name, type, region. */
@Injectable()
export class ApplyInstitutionUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    private readonly directory: Directory,
  ) {}

  async execute(institutionId: string, session: ClientSession, now = new Date()): Promise<boolean> {
    await this.innovations.touchInstitution(institutionId, session);
    const entry = await this.directory.institution(institutionId, session);
    if (!entry) return false;
    let changed = false;
    for (const current of await this.innovations.findByInstitution(institutionId, session)) {
      const next = nextState(current, institutionFields(institutionId, entry), now);
      if (!next) continue;
      const event = createEvent(InnovationUpdatedV1, { innovation: toInnovationRecord(next) });
      if (!(await this.innovations.replace(current.revision, next, [event], session)))
        throw new Error(`innovation ${current._id} changed while its institution was applied`);
      changed = true;
    }
    return changed;
  }
}
