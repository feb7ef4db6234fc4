import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { InstitutionUpdatedV1 } from '@kipp/contracts';
import type { AuthenticatedUser } from '@kipp/auth';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import {
  InstitutionNotFoundError,
  InstitutionRevisionStaleError,
  UnknownProvinceError,
} from '../institution.errors';
import { InstitutionRepository, type InstitutionChanges } from '../institution.repository';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type FieldChange,
  type Institution,
} from '../institution.schema';
import { RegionCatalogue } from '../region-catalogue';
import { registerInstitutionSchema } from './register-institution.use-case';

const fields = registerInstitutionSchema.shape;

export const updateInstitutionSchema = z
  .strictObject({
    /** The revision the caller read; the update is refused if the institution moved on. */
    revision: z.number().int().positive(),
    name: fields.name.optional(),
    type: fields.type.optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/, 'two-digit province code')
      .nullable()
      .optional(),
    disadvantaged: z.boolean().optional(),
  })
  .refine((input) => EDITABLE_FIELDS.some((field) => input[field] !== undefined), {
    message: `give at least one of ${EDITABLE_FIELDS.join(', ')}`,
  });

export type UpdateInstitutionInput = z.infer<typeof updateInstitutionSchema>;

/** The national admin corrects an institution, e.g. marks a region disadvantaged (3T). */
@Injectable()
export class UpdateInstitutionUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly regions: RegionCatalogue,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    institutionId: string,
    input: UpdateInstitutionInput,
    actor: AuthenticatedUser,
  ): Promise<Institution> {
    if (input.provinceCode && !this.regions.isProvinceCode(input.provinceCode)) {
      throw new UnknownProvinceError(input.provinceCode);
    }
    const current = await this.institutions.findById(institutionId);
    if (!current) throw new InstitutionNotFoundError(institutionId);
    if (current.revision !== input.revision) {
      throw new InstitutionRevisionStaleError(institutionId, input.revision, current.revision);
    }

    const changes: InstitutionChanges = {};
    const recorded: FieldChange[] = [];
    for (const field of EDITABLE_FIELDS) {
      const value = input[field];
      if (value === undefined || value === current[field]) continue;
      Object.assign(changes, { [field]: value });
      recorded.push({ field, from: current[field], to: value });
    }
    // Sending the values it already has changes nothing: no new revision, no event.
    if (recorded.length === 0) return current;

    const revision = current.revision + 1;
    const updatedAt = new Date();
    const next = { ...current, ...changes };
    const event = createEvent(InstitutionUpdatedV1, {
      institutionId,
      code: next.code,
      name: next.name,
      type: next.type,
      provinceCode: next.provinceCode,
      disadvantaged: next.disadvantaged,
      changed: recorded.map((change): EditableField => change.field),
      revision,
      updatedBy: { kind: 'account', accountId: actor.accountId },
      updatedAt: updatedAt.toISOString(),
    });
    const updated = await this.institutions.updateAtRevision(
      institutionId,
      current.revision,
      changes,
      { at: updatedAt, by: actor.accountId, action: 'updated', revision, changes: recorded },
      [event],
    );
    if (!updated) {
      // Changed (or removed) between our read and our write.
      const now = await this.institutions.findById(institutionId);
      if (!now) throw new InstitutionNotFoundError(institutionId);
      throw new InstitutionRevisionStaleError(institutionId, input.revision, now.revision);
    }
    this.outbox.nudge();
    return updated;
  }
}
