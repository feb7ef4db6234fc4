import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import {
  AccountCreatedV1,
  AccountDeactivatedV1,
  AccountReactivatedV1,
  AccountRoleGrantedV1,
  EditionPublishedV1,
  EditionUpdatedV1,
  InstitutionRegisteredV1,
  InstitutionUpdatedV1,
  LocalAdminRequestDecidedV1,
  PasswordResetRequestedV1,
  type EventEnvelope,
  type PayloadOf,
} from '@kipp/contracts';
import { EventConsumer } from '@kipp/messaging';
import { Directory } from '../../directory/directory';
import { AnnounceLocalAdminDecisionUseCase } from './use-cases/announce-local-admin-decision.use-case';
import { RecordRoleGrantUseCase } from './use-cases/record-role-grant.use-case';
import { SendPasswordResetUseCase } from './use-cases/send-password-reset.use-case';
import { WelcomeAccountUseCase } from './use-cases/welcome-account.use-case';

type AccountStatusChanged = EventEnvelope<PayloadOf<typeof AccountDeactivatedV1>>;

/** Registration's events: the directory of people, institutions and editions, and account mail. */
@Injectable()
export class RegistrationConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: Directory,
    private readonly welcomeAccount: WelcomeAccountUseCase,
    private readonly recordRoleGrant: RecordRoleGrantUseCase,
    private readonly sendPasswordReset: SendPasswordResetUseCase,
    private readonly announceLocalAdminDecision: AnnounceLocalAdminDecisionUseCase,
  ) {}

  onModuleInit(): void {
    this.consumer.on(InstitutionRegisteredV1, ({ payload }, { session }) =>
      this.directory.recordInstitution(
        {
          institutionId: payload.institutionId,
          name: payload.name,
          type: payload.type,
          provinceCode: payload.provinceCode,
          revision: 0,
        },
        session,
      ),
    );
    this.consumer.on(InstitutionUpdatedV1, ({ payload }, { session }) =>
      this.directory.recordInstitution(
        {
          institutionId: payload.institutionId,
          name: payload.name,
          type: payload.type,
          provinceCode: payload.provinceCode,
          revision: payload.revision,
        },
        session,
      ),
    );
    this.consumer.on(EditionPublishedV1, ({ payload }, { session }) =>
      this.directory.recordEdition(payload.edition, payload.revision, session),
    );
    this.consumer.on(EditionUpdatedV1, ({ payload }, { session }) =>
      this.directory.recordEdition(payload.edition, payload.revision, session),
    );
    this.consumer.on(AccountCreatedV1, (event, { session }) =>
      this.welcomeAccount.execute(event, session),
    );
    this.consumer.on(AccountRoleGrantedV1, (event, { session }) =>
      this.recordRoleGrant.execute(event, session),
    );
    this.consumer.on(AccountDeactivatedV1, (event, { session }) =>
      this.recordStatus(event, false, session),
    );
    this.consumer.on(AccountReactivatedV1, (event, { session }) =>
      this.recordStatus(event, true, session),
    );
    this.consumer.on(PasswordResetRequestedV1, (event, { session }) =>
      this.sendPasswordReset.execute(event, session),
    );
    this.consumer.on(LocalAdminRequestDecidedV1, (event, { session }) =>
      this.announceLocalAdminDecision.execute(event, session),
    );
  }

  /**
   * A deactivated account receives nothing more; its address and language stay current. The
   * status applies in `changedAt` order, whichever of the two topics is consumed first.
   */
  private async recordStatus(
    { payload }: AccountStatusChanged,
    active: boolean,
    session: ClientSession,
  ): Promise<void> {
    await this.directory.recordAccount(
      {
        accountId: payload.accountId,
        email: payload.email,
        locale: payload.locale,
        roles: payload.roles,
        institutionId: payload.institutionId,
      },
      session,
    );
    await this.directory.setAccountStatus(
      payload.accountId,
      active,
      new Date(payload.changedAt),
      session,
    );
  }
}
