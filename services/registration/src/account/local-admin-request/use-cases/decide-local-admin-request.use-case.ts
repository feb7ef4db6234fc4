import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { LocalAdminRequestDecidedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { AccountRepository } from '../../account.repository';
import type { Account } from '../../account.schema';
import { InstitutionDirectory } from '../../../institution/institution-directory';
import { AccountFactory, type PreparedAccount } from '../../new-account';
import {
  LocalAdminRequestNotFoundError,
  RequestAlreadyDecidedError,
} from '../local-admin-request.errors';
import { LocalAdminRequestRepository } from '../local-admin-request.repository';
import type { LocalAdminRequest } from '../local-admin-request.schema';

export const decideLocalAdminRequestSchema = z
  .strictObject({
    decision: z.enum(['approved', 'rejected']),
    reason: z.string().trim().min(1).max(2000).nullable().default(null),
  })
  .refine((body) => body.decision === 'approved' || body.reason !== null, {
    path: ['reason'],
    message: 'a rejection needs a reason',
  });
export type DecideLocalAdminRequestInput = z.infer<typeof decideLocalAdminRequestSchema>;

export interface DecidedRequest {
  request: LocalAdminRequest;
  /** On approval: the new local admin and its first password, shown once. */
  account: Account | null;
  initialPassword: string | null;
}

/**
 * The national admin approves or rejects a request (route restricted to it). Approval
 * creates the local-admin account; the decision and the account are written in one
 * transaction, each document with its own event, so neither exists without the other.
 */
@Injectable()
export class DecideLocalAdminRequestUseCase {
  constructor(
    private readonly requests: LocalAdminRequestRepository,
    private readonly accounts: AccountRepository,
    private readonly factory: AccountFactory,
    private readonly institutions: InstitutionDirectory,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    requestId: string,
    input: DecideLocalAdminRequestInput,
    actor: AuthenticatedUser,
  ): Promise<DecidedRequest> {
    const request = await this.requests.findById(requestId);
    if (!request) throw new LocalAdminRequestNotFoundError(requestId);
    if (request.status !== 'pending')
      throw new RequestAlreadyDecidedError(requestId, request.status);

    const at = new Date();
    let prepared: PreparedAccount | null = null;
    if (input.decision === 'approved') {
      await this.institutions.assertRegistered(request.institutionId);
      // Hashing is slow; done before the transaction, which the driver may retry.
      prepared = await this.factory.prepare(
        {
          role: 'local_admin',
          userId: request.candidateUserId,
          name: request.candidateName,
          email: request.candidateEmail,
          locale: request.locale,
          institutionId: request.institutionId,
        },
        actor,
        at,
      );
    }
    const accountId = prepared?.account._id ?? null;
    const decision = { reason: input.reason, decidedBy: actor.accountId, decidedAt: at, accountId };
    const event = createEvent(LocalAdminRequestDecidedV1, {
      requestId,
      institutionId: request.institutionId,
      candidateName: request.candidateName,
      candidateEmail: request.candidateEmail,
      locale: request.locale,
      decision: input.decision,
      reason: input.reason,
      accountId,
      decidedBy: { kind: 'account', accountId: actor.accountId },
      decidedAt: at.toISOString(),
    });

    const account = await runInTransaction(this.connection, async (session) => {
      const decided = await this.requests.decide(
        requestId,
        input.decision,
        decision,
        [event],
        session,
      );
      if (!decided) throw new RequestAlreadyDecidedError(requestId, 'decided');
      return prepared ? this.accounts.insert(prepared.account, session) : null;
    });
    this.outbox.nudge();
    return {
      request: { ...request, status: input.decision, decision },
      account,
      initialPassword: prepared?.initialPassword ?? null,
    };
  }
}
