import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuthError, ROLES, type AuthenticatedUser } from '@kipp/auth';
import { AccountRepository } from '../account.repository';
import { ACCOUNT_STATUSES, type Account } from '../account.schema';

export const PAGE_SIZE = 50;

export const listAccountsSchema = z.strictObject({
  institutionId: z.string().trim().min(1).max(64).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListAccountsInput = z.infer<typeof listAccountsSchema>;

@Injectable()
export class ListAccountsUseCase {
  constructor(private readonly accounts: AccountRepository) {}

  async execute(
    input: ListAccountsInput,
    actor: AuthenticatedUser,
  ): Promise<{ items: Account[]; total: number; page: number; pageSize: number }> {
    const { page, ...filter } = input;
    if (!actor.roles.includes('national_admin')) {
      // A local admin sees its own institution only, whatever it asked for.
      if (actor.institutionId === null) throw new AuthError('AUTH_FORBIDDEN');
      filter.institutionId = actor.institutionId;
    }
    const { items, total } = await this.accounts.list(filter, page, PAGE_SIZE);
    return { items, total, page, pageSize: PAGE_SIZE };
  }
}
