import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import {
  AwardGrantedV1,
  InstitutionRegisteredV1,
  InstitutionUpdatedV1,
  ProposalForwardedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { EventConsumer, OutboxNotifier } from '@kipp/messaging';
import { Directory } from '../directory/directory';
import { ProposalLinker } from '../ledger/proposal-linker';
import { SearchCache } from './search/search-cache';
import { ApplyInstitutionUseCase } from './use-cases/apply-institution.use-case';
import { ApplySnapshotUseCase } from './use-cases/apply-snapshot.use-case';
import { PublishAwardUseCase } from './use-cases/publish-award.use-case';

/**
 * The service's only handlers of registration's institutions, submissions' forwards and
 * evaluation's awards: directory upkeep, the ledger's pending links and the public database.
 */
@Injectable()
export class CatalogueConsumer implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: Directory,
    private readonly linker: ProposalLinker,
    private readonly publishAward: PublishAwardUseCase,
    private readonly applySnapshot: ApplySnapshotUseCase,
    private readonly applyInstitution: ApplyInstitutionUseCase,
    private readonly cache: SearchCache,
    private readonly notifier: OutboxNotifier,
  ) {}

  onModuleInit(): void {
    this.consumer.on(InstitutionRegisteredV1, async ({ payload }, { session }) => {
      // The registration event is revision 0; every update after it counts from 1.
      await this.directory.recordInstitution(registryRecord({ ...payload, revision: 0 }), session);
      this.afterChange(
        await this.applyInstitution.execute(payload.institutionId, session),
        session,
      );
    });
    this.consumer.on(InstitutionUpdatedV1, async ({ payload }, { session }) => {
      await this.directory.recordInstitution(registryRecord(payload), session);
      this.afterChange(
        await this.applyInstitution.execute(payload.institutionId, session),
        session,
      );
    });
    this.consumer.on(ProposalForwardedV1, async ({ payload }, { session }) => {
      const recorded = await this.directory.recordSnapshot(
        payload.snapshot,
        new Date(payload.forwardedAt),
        session,
      );
      if (!recorded) return;
      await this.linker.linkForwarded(payload.snapshot, session);
      this.afterChange(await this.applySnapshot.execute(payload.snapshot, session), session);
    });
    this.consumer.on(AwardGrantedV1, async ({ payload }, { session }) => {
      this.afterChange(await this.publishAward.execute(payload, session), session);
    });
  }

  /** Once the event's transaction ends: relay its events now and drop stale search answers. */
  private afterChange(changed: boolean, session: ClientSession): void {
    if (!changed) return;
    this.cache.invalidateAfter(session);
    session.once('ended', () => this.notifier.nudge());
  }
}

function registryRecord(
  payload: Omit<PayloadOf<typeof InstitutionRegisteredV1>, 'registeredAt'> & { revision: number },
): Parameters<Directory['recordInstitution']>[0] {
  const { institutionId, code, name, type, provinceCode, disadvantaged, revision } = payload;
  return { institutionId, code, name, type, provinceCode, disadvantaged, revision };
}
