import type { ClientSession, Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample } from '@kipp/contracts';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import { EditionDirectory } from '../../edition/edition-directory';
import type { EditionProjectionRepository } from '../../edition/edition.repository';
import type { EditionProjection } from '../../edition/edition.schema';
import type { InnovationLookup } from '../../innovation/innovation-lookup';
import { EligibilityRunner } from '../eligibility-runner';
import { ProposalLoader } from '../proposal-loader';
import type { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import type { QuotaKey, QuotaUsageRepository } from '../quota-usage.repository';
import { SubmissionWindow } from '../submission-window';
import { CreateProposalUseCase } from '../use-cases/create-proposal.use-case';
import { ForwardProposalUseCase } from '../use-cases/forward-proposal.use-case';
import { GetProposalUseCase } from '../use-cases/get-proposal.use-case';
import { ListProposalsUseCase } from '../use-cases/list-proposals.use-case';
import { ReturnProposalUseCase } from '../use-cases/return-proposal.use-case';
import { SaveProposalUseCase } from '../use-cases/save-proposal.use-case';
import { SignIntegrityDeclarationUseCase } from '../use-cases/sign-integrity-declaration.use-case';
import { SubmitProposalUseCase } from '../use-cases/submit-proposal.use-case';
import { WithdrawProposalUseCase } from '../use-cases/withdraw-proposal.use-case';

/** The hard close of the fixture edition (end of its submission phase). */
export const CLOSES_AT = new Date('2027-03-31T16:59:59.000Z');
/** An instant while submission is open. */
export const OPEN = new Date('2027-03-01T03:00:00.000Z');

export const edition: EditionProjection = {
  _id: 'ed_2027',
  configuration: editionConfigurationExample,
  revision: 1,
  currentPhase: 'submission',
  currentPhaseChangedAt: new Date('2027-02-01T01:00:00.000Z'),
  submissionClosesAt: CLOSES_AT,
  submissionOpensAt: new Date('2027-02-01T01:00:00.000Z'),
  createdAt: new Date('2027-01-01T00:00:00.000Z'),
  updatedAt: new Date('2027-01-01T00:00:00.000Z'),
};

const user = (
  accountId: string,
  role: AuthenticatedUser['roles'][number],
  institutionId: string | null,
  unitId: string | null,
): AuthenticatedUser => ({ accountId, roles: [role], institutionId, unitId, locale: 'id' });

export const operator = user('op.a', 'unit_operator', 'inst_a', 'unit_a');
export const otherUnitOperator = user('op.b', 'unit_operator', 'inst_a', 'unit_b');
export const localAdmin = user('la.a', 'local_admin', 'inst_a', null);
export const otherLocalAdmin = user('la.z', 'local_admin', 'inst_z', null);
export const nationalAdmin = user('na', 'national_admin', null, null);

/** A proposal of `operator`'s unit that passes every check; `overrides` change it. */
export function aProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    _id: 'prop_1',
    editionId: edition._id,
    groupId: 'general',
    categoryId: 'health',
    institutionId: 'inst_a',
    unitId: 'unit_a',
    createdBy: operator.accountId,
    title: 'Posyandu Digital Kota Bandung',
    innovationStartDate: '2024-03-01',
    sections: [
      { sectionId: 'summary', text: 'Layanan posyandu daring' },
      { sectionId: 'innovative-idea', text: 'Jadwal dan catatan gizi di ponsel' },
    ],
    sdgTargets: ['3.8'],
    sourceInnovationIds: [],
    evidence: [
      {
        evidenceId: 'service-standard',
        fileId: 'file_1',
        filename: 'standar.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1024,
        sha256: 'a'.repeat(64),
        uploadedBy: operator.accountId,
        uploadedAt: new Date('2027-02-10T00:00:00.000Z'),
      },
    ],
    integrityDeclaration: {
      signedBy: operator.accountId,
      signedAt: new Date('2027-02-11T00:00:00.000Z'),
    },
    status: 'draft',
    statusSince: new Date('2027-02-05T00:00:00.000Z'),
    revision: 3,
    snapshots: [],
    transitions: [],
    eligibility: [],
    eligibilityCheckedAt: null,
    stalledNotices: [],
    manualNudgedAt: null,
    outbox: [],
    createdAt: new Date('2027-02-05T00:00:00.000Z'),
    updatedAt: new Date('2027-02-05T00:00:00.000Z'),
    ...overrides,
  };
}

export interface PublishedEvent {
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

interface State {
  proposals: Map<string, Proposal>;
  quotas: Map<string, number>;
}

const quotaId = (key: QuotaKey): string => `${key.editionId}:${key.institutionId}:${key.groupId}`;

/**
 * This service's database in memory, with the repositories' conditional writes and a
 * transaction that is all or nothing (transactions run one after another, as if each
 * loser of a write conflict had been retried).
 */
export class InMemorySubmissions {
  private state: State = { proposals: new Map(), quotas: new Map() };
  private queue: Promise<unknown> = Promise.resolve();
  readonly editions = new Map<string, EditionProjection>([[edition._id, edition]]);
  readonly provinces = new Map<string, string>([['inst_a', '73']]);
  nudges = 0;

  add(proposal: Proposal): Proposal {
    this.state.proposals.set(proposal._id, structuredClone(proposal));
    return proposal;
  }

  proposal(proposalId: string): Proposal | undefined {
    return this.state.proposals.get(proposalId);
  }

  quotaUsed(key: QuotaKey): number {
    return this.state.quotas.get(quotaId(key)) ?? 0;
  }

  setQuotaUsed(key: QuotaKey, used: number): void {
    this.state.quotas.set(quotaId(key), used);
  }

  /** Every event written to an outbox, oldest first, as a consumer would read it. */
  get events(): PublishedEvent[] {
    return [...this.state.proposals.values()]
      .flatMap((proposal) => proposal.outbox)
      .map((event: PendingEvent) => {
        const envelope = JSON.parse(event.value) as {
          type: string;
          payload: Record<string, unknown>;
        };
        return {
          topic: event.topic,
          key: event.key,
          type: envelope.type,
          payload: envelope.payload,
        };
      });
  }

  proposalRepository(): ProposalRepository {
    const proposals = () => this.state.proposals;
    const repository: Pick<
      ProposalRepository,
      'insert' | 'findById' | 'list' | 'otherTitles' | 'changeContent' | 'changeStatus'
    > = {
      insert: (draft) => {
        const created: Proposal = { ...draft, outbox: [], createdAt: OPEN, updatedAt: OPEN };
        proposals().set(created._id, structuredClone(created));
        return Promise.resolve(structuredClone(created));
      },
      findById: (proposalId) => {
        const found = proposals().get(proposalId);
        return Promise.resolve(found ? structuredClone(found) : null);
      },
      list: (filter) =>
        Promise.resolve(
          [...proposals().values()]
            .filter(
              (p) =>
                (filter.editionId === undefined || p.editionId === filter.editionId) &&
                (filter.status === undefined || p.status === filter.status) &&
                (filter.institutionId === undefined || p.institutionId === filter.institutionId) &&
                (filter.unitId === undefined || p.unitId === filter.unitId),
            )
            .map((p) => structuredClone(p)),
        ),
      otherTitles: (institutionId, excludeId) =>
        Promise.resolve(
          [...proposals().values()]
            .filter(
              (p) =>
                p.institutionId === institutionId &&
                p._id !== excludeId &&
                p.status !== 'withdrawn',
            )
            .map((p) => ({ proposalId: p._id, editionId: p.editionId, title: p.title })),
        ),
      changeContent: (proposalId, revision, editable, change) => {
        const stored = proposals().get(proposalId);
        if (!stored || stored.revision !== revision || !editable.includes(stored.status)) {
          return Promise.resolve(false);
        }
        Object.assign(stored, structuredClone(change), { revision: revision + 1 });
        return Promise.resolve(true);
      },
      changeStatus: (proposal, change) => {
        const stored = proposals().get(proposal._id);
        if (!stored || stored.status !== proposal.status || stored.revision !== proposal.revision) {
          return Promise.resolve(false);
        }
        stored.status = change.to;
        stored.statusSince = change.transition.at;
        stored.revision += 1;
        stored.transitions.push(structuredClone(change.transition));
        stored.outbox.push(...change.events);
        if (change.snapshot) stored.snapshots.push(structuredClone(change.snapshot));
        if (change.eligibility) {
          stored.eligibility = structuredClone(change.eligibility);
          stored.eligibilityCheckedAt = change.transition.at;
        }
        return Promise.resolve(true);
      },
    };
    return repository as ProposalRepository;
  }

  quotaRepository(): QuotaUsageRepository {
    const repository: Pick<QuotaUsageRepository, 'reserve' | 'release'> = {
      reserve: (key, quota) => {
        const used = this.quotaUsed(key);
        if (used >= quota) return Promise.resolve(false);
        this.setQuotaUsed(key, used + 1);
        return Promise.resolve(true);
      },
      release: (key) => {
        this.setQuotaUsed(key, Math.max(0, this.quotaUsed(key) - 1));
        return Promise.resolve();
      },
    };
    return repository as QuotaUsageRepository;
  }

  /** `transaction` for the use cases, `collection('institutions')` for the hard close. */
  connection(): Connection {
    const transaction = <T>(fn: (session: ClientSession) => Promise<T>): Promise<T> => {
      const run = this.queue.then(async () => {
        const before: State = {
          proposals: structuredClone(this.state.proposals),
          quotas: new Map(this.state.quotas),
        };
        try {
          return await fn({} as ClientSession);
        } catch (error) {
          this.state = before;
          throw error;
        }
      });
      this.queue = run.catch(() => undefined);
      return run;
    };
    const collection = () => ({
      findOne: (filter: { _id: string }) =>
        Promise.resolve({ _id: filter._id, provinceCode: this.provinces.get(filter._id) ?? null }),
    });
    return { transaction, collection } as unknown as Connection;
  }

  editionDirectory(): EditionDirectory {
    const repository: Pick<EditionProjectionRepository, 'findById'> = {
      findById: (editionId) => Promise.resolve(this.editions.get(editionId) ?? null),
    };
    return new EditionDirectory(repository as EditionProjectionRepository);
  }

  /** Every proposal use case, wired to this database and the real loader, checks and close. */
  useCases() {
    const proposals = this.proposalRepository();
    const quotas = this.quotaRepository();
    const connection = this.connection();
    const editions = this.editionDirectory();
    const loader = new ProposalLoader(proposals);
    const window = new SubmissionWindow(connection);
    const eligibility = new EligibilityRunner(proposals, NO_INNOVATIONS);
    const outbox = new OutboxNotifier();
    outbox.attach(() => {
      this.nudges += 1;
    });
    return {
      create: new CreateProposalUseCase(proposals, editions, window, eligibility),
      save: new SaveProposalUseCase(proposals, loader, editions, window, eligibility),
      sign: new SignIntegrityDeclarationUseCase(proposals, loader, editions, window, eligibility),
      submit: new SubmitProposalUseCase(proposals, loader, editions, window, eligibility),
      return: new ReturnProposalUseCase(proposals, loader, editions, window, outbox),
      forward: new ForwardProposalUseCase(
        proposals,
        quotas,
        loader,
        editions,
        window,
        eligibility,
        outbox,
        connection,
      ),
      withdraw: new WithdrawProposalUseCase(
        proposals,
        quotas,
        loader,
        editions,
        window,
        outbox,
        connection,
      ),
      get: new GetProposalUseCase(loader, editions),
      list: new ListProposalsUseCase(proposals),
    };
  }
}

/** No innovations and no awards: for specs that do not exercise them. */
const NO_INNOVATIONS: InnovationLookup = {
  findInnovations: () => Promise.resolve([]),
  awardsOf: () => Promise.resolve([]),
};
