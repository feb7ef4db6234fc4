import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccountCreatedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { PasswordHasher } from '../../account/password-hasher';
import { CredentialsRepository } from '../credentials.repository';
import { SESSION_SETTINGS, type SessionSettings } from '../session.settings';

export type BootstrapOutcome = 'not_configured' | 'admin_exists' | 'created' | 'user_id_taken';

/**
 * Creates the very first national admin from configuration, when there is none, so a new
 * deployment can be administered at all. Replicas starting together race on the unique
 * user id: one creates the account, the others find it taken.
 */
@Injectable()
export class BootstrapAdminUseCase {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxNotifier,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  async execute(now = new Date()): Promise<BootstrapOutcome> {
    const admin = this.settings.bootstrapAdmin;
    if (!admin) return 'not_configured';
    if (await this.credentials.anyActiveNationalAdmin()) return 'admin_exists';

    const accountId = `acct_${randomUUID()}`;
    const userId = admin.userId.trim().toLowerCase();
    const event = createEvent(AccountCreatedV1, {
      accountId,
      userId,
      name: 'National administrator',
      email: admin.email,
      locale: 'id',
      roles: ['national_admin'],
      institutionId: null,
      unitId: null,
      mustChangePassword: true,
      createdBy: { kind: 'system', process: 'bootstrap-admin' },
      createdAt: now.toISOString(),
    });
    const created = await this.credentials.insertAccount(
      {
        _id: accountId,
        userId,
        name: 'National administrator',
        email: admin.email,
        locale: 'id',
        roles: ['national_admin'],
        institutionId: null,
        unitId: null,
        status: 'active',
        passwordHash: await this.hasher.hash(admin.password),
        mustChangePassword: true,
        passwordChangedAt: null,
        failedSignIns: 0,
        lockedUntil: null,
        totpSecretSealed: null,
        totpEnabledAt: null,
        reviewerProfile: null,
        history: [{ at: now, by: 'system:bootstrap-admin', action: 'created', detail: {} }],
      },
      [event],
    );
    if (!created) return 'user_id_taken';
    this.outbox.nudge();
    return 'created';
  }
}
