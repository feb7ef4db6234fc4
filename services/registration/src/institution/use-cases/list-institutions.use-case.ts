import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import { InstitutionRepository, type InstitutionFilter } from '../institution.repository';
import type { Institution } from '../institution.schema';

export const listInstitutionsSchema = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, 'two-digit province code')
    .optional(),
  // A query string carries text; z.coerce.boolean() would read "false" as true.
  disadvantaged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type ListInstitutionsInput = z.infer<typeof listInstitutionsSchema>;

export interface InstitutionList {
  items: Institution[];
  total: number;
  page: number;
  pageSize: number;
}

/** Searches the registry; only the national admin sees all of it. */
@Injectable()
export class ListInstitutionsUseCase {
  constructor(private readonly institutions: InstitutionRepository) {}

  async execute(input: ListInstitutionsInput, actor: AuthenticatedUser): Promise<InstitutionList> {
    const { page, pageSize, ...criteria } = input;
    const filter: InstitutionFilter = { ...criteria };
    if (!hasAnyRole(actor, ['national_admin'])) {
      // Everyone else sees at most their own institution (none, without one).
      filter.onlyIds = actor.institutionId ? [actor.institutionId] : [];
    }
    const found = await this.institutions.findPage(filter, {
      skip: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { ...found, page, pageSize };
  }
}
