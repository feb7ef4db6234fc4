import type { ClientSession } from 'mongoose';
import { editionConfigurationExample, EditionPublishedV1, scheduledPhaseAt } from '@kipp/contracts';
import { RetryableEventError } from '../edition.errors';
import type { EditionRepository } from '../edition.repository';
import type { EditionProjection } from '../edition.schema';
import { RecordEditionUseCase, type EditionConfigured } from './record-edition.use-case';

const session = {} as ClientSession;

function envelope<T>(payload: T) {
  return { payload } as unknown as EditionConfigured & { payload: T };
}

function setUp(stored: Partial<EditionProjection> | null) {
  const applied: unknown[][] = [];
  const phases: unknown[][] = [];
  const repo = {
    findById: () => Promise.resolve(stored),
    applyConfiguration: (...args: unknown[]) => Promise.resolve(void applied.push(args)),
    applyPhase: (...args: unknown[]) => Promise.resolve(void phases.push(args)),
  } as unknown as EditionRepository;
  return { useCase: new RecordEditionUseCase(repo), applied, phases };
}

describe('RecordEditionUseCase', () => {
  it('should apply a newer revision with the calendar phase of now for a first sighting', async () => {
    const { useCase, applied } = setUp(null);
    const event = envelope({ ...EditionPublishedV1.example, revision: 1 });
    await useCase.configure(event, session, new Date('2027-02-10T00:00:00Z'));
    expect(applied).toEqual([['ed_2027', editionConfigurationExample, 1, 'submission', session]]);
  });

  it('should ignore a revision not newer than the stored one', async () => {
    const { useCase, applied } = setUp({ revision: 2 });
    await useCase.configure(envelope({ ...EditionPublishedV1.example, revision: 2 }), session);
    expect(applied).toEqual([]);
  });

  it('should ask for a retry when a phase change comes before the edition', async () => {
    const { useCase, phases } = setUp(null);
    await expect(
      useCase.changePhase(
        envelope({
          editionId: 'ed_2027',
          previousPhase: null,
          phase: 'submission',
          changedBy: { kind: 'system', process: 'phase-scheduler' },
          changedAt: '2027-02-01T01:00:00.000Z',
        }) as never,
        session,
      ),
    ).rejects.toBeInstanceOf(RetryableEventError);
    expect(phases).toEqual([]);
  });

  it('should find no phase before the calendar starts', () => {
    expect(
      scheduledPhaseAt(editionConfigurationExample.calendar, new Date('2026-01-01T00:00:00Z')),
    ).toBeNull();
  });
});
