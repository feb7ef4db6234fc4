import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { LocalAdminRequestRepository } from '../local-admin-request.repository';
import { REQUEST_STATUSES, type LocalAdminRequest } from '../local-admin-request.schema';

export const REQUESTS_PAGE_SIZE = 50;

export const listLocalAdminRequestsSchema = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ListLocalAdminRequestsInput = z.infer<typeof listLocalAdminRequestsSchema>;

/** The national admin's queue (route restricted to it). */
@Injectable()
export class ListLocalAdminRequestsUseCase {
  constructor(private readonly requests: LocalAdminRequestRepository) {}

  async execute(
    input: ListLocalAdminRequestsInput,
  ): Promise<{ items: LocalAdminRequest[]; total: number; page: number; pageSize: number }> {
    const { items, total } = await this.requests.list(input.status, input.page, REQUESTS_PAGE_SIZE);
    return { items, total, page: input.page, pageSize: REQUESTS_PAGE_SIZE };
  }
}
