import type { InstitutionRegistry } from '../institution-registry';
import { editionConfigurationExample } from '@kipp/contracts';
import type { PendingEvent } from '@kipp/messaging';
import type { EditionRepository, PhaseChange, ScheduledEdition } from '../edition.repository';
import type { Edition } from '../edition.schema';

/** The repository's conditional writes, in memory, for the use-case specs. */
export class InMemoryEditions {
  readonly byId = new Map<string, Edition>();

  get events(): PendingEvent[] {
    return [...this.byId.values()].flatMap((edition) => edition.outbox);
  }

  asRepository(): EditionRepository {
    return this as unknown as EditionRepository;
  }

  add(overrides: Partial<Edition> = {}): Edition {
    const { editionId: _ignored, ...settings } = structuredClone(editionConfigurationExample);
    const now = new Date('2027-01-01T00:00:00.000Z');
    const edition: Edition = {
      _id: 'ed_test',
      status: 'published',
      year: settings.year,
      settings,
      revision: 1,
      currentPhase: null,
      phaseSequence: 0,
      phaseOverride: null,
      history: [],
      createdBy: 'acct_admin',
      publishedAt: now,
      outbox: [],
      createdAt: now,
      updatedAt: now,
      ...overrides,
    };
    this.byId.set(edition._id, edition);
    return edition;
  }

  findById(editionId: string): Promise<Edition | null> {
    const edition = this.byId.get(editionId);
    return Promise.resolve(edition ? structuredClone(edition) : null);
  }

  findPublishedForScheduling(): Promise<ScheduledEdition[]> {
    return Promise.resolve(
      [...this.byId.values()]
        .filter((e) => e.status === 'published')
        .map((e) => structuredClone(e)),
    );
  }

  async changePhase(
    read: Pick<ScheduledEdition, '_id' | 'currentPhase' | 'phaseSequence' | 'revision'>,
    change: PhaseChange,
  ): Promise<boolean> {
    await Promise.resolve(); // let concurrent callers interleave, as replicas would
    const edition = this.byId.get(read._id);
    if (
      !edition ||
      edition.currentPhase !== read.currentPhase ||
      edition.phaseSequence !== read.phaseSequence ||
      edition.revision !== read.revision
    ) {
      return false;
    }
    edition.currentPhase = change.phase;
    edition.phaseOverride = change.override;
    edition.phaseSequence += 1;
    edition.history.push(change.history);
    edition.outbox.push(...change.events);
    return true;
  }

  endPhaseOverride(read: Pick<ScheduledEdition, '_id'>): Promise<void> {
    const edition = this.byId.get(read._id);
    if (edition) edition.phaseOverride = null;
    return Promise.resolve();
  }

  replaceSettings(
    editionId: string,
    expected: { status: Edition['status']; revision: number },
    change: {
      settings: Edition['settings'];
      revision: number;
      clearPhaseOverride: boolean;
      history: Edition['history'][number];
      events: readonly PendingEvent[];
    },
  ): Promise<Edition | null> {
    const edition = this.byId.get(editionId);
    if (!edition || edition.status !== expected.status || edition.revision !== expected.revision) {
      return Promise.resolve(null);
    }
    edition.settings = change.settings;
    edition.revision = change.revision;
    if (change.clearPhaseOverride) edition.phaseOverride = null;
    edition.history.push(change.history);
    edition.outbox.push(...change.events);
    return Promise.resolve(structuredClone(edition));
  }
}

export function payloadsOf(events: readonly PendingEvent[]): unknown[] {
  return events.map((event) => (JSON.parse(event.value) as { payload: unknown }).payload);
}

/** A registry that holds every institution: for specs that do not exercise invitations. */
export const everyInstitutionRegistered: InstitutionRegistry = {
  unknownOf: () => Promise.resolve([]),
};
