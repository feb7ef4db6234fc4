import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { INSTITUTION_TYPES, InstitutionRegisteredV1 } from '@kipp/contracts';
import type { AuthenticatedUser } from '@kipp/auth';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InstitutionRepository } from '../institution.repository';
import type { Institution } from '../institution.schema';

export const registerInstitutionSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9.-]{0,31}$/i, 'letters, digits, dots and dashes, at most 32'),
  name: z.string().trim().min(3).max(300),
  type: z.enum(INSTITUTION_TYPES),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'two-digit province code')
    .nullable()
    .default(null),
  disadvantaged: z.boolean().default(false),
});

export type RegisterInstitutionInput = z.infer<typeof registerInstitutionSchema>;

@Injectable()
export class RegisterInstitutionUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(input: RegisterInstitutionInput, actor: AuthenticatedUser): Promise<Institution> {
    const institutionId = `inst_${randomUUID()}`;
    const registeredAt = new Date();
    const event = createEvent(InstitutionRegisteredV1, {
      institutionId,
      code: input.code,
      name: input.name,
      type: input.type,
      provinceCode: input.provinceCode,
      disadvantaged: input.disadvantaged,
      registeredAt: registeredAt.toISOString(),
    });
    const institution = await this.institutions.insert(
      {
        _id: institutionId,
        ...input,
        registeredBy: actor.accountId,
        revision: 1,
        history: [
          {
            at: registeredAt,
            by: actor.accountId,
            action: 'registered',
            revision: 1,
            changes: [],
          },
        ],
      },
      [event],
    );
    this.outbox.nudge();
    return institution;
  }
}
