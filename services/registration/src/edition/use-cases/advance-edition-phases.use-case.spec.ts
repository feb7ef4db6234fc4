import { EditionPhaseChangedV1 } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { InMemoryEditions, payloadsOf } from './in-memory-editions';
import { AdvanceEditionPhasesUseCase } from './advance-edition-phases.use-case';

// The example calendar: registration from 2027-01-06T01:00Z, submission from 2027-02-01T01:00Z.
const duringRegistration = new Date('2027-01-10T00:00:00.000Z');
const duringSubmission = new Date('2027-02-10T00:00:00.000Z');

function setUp() {
  const editions = new InMemoryEditions();
  const notifier = new OutboxNotifier();
  const nudge = jest.fn();
  notifier.attach(nudge);
  const replica = () => new AdvanceEditionPhasesUseCase(editions.asRepository(), notifier);
  return { editions, nudge, replica };
}

describe('AdvanceEditionPhasesUseCase', () => {
  it('should move an edition into the phase its calendar has started, once, with the event', async () => {
    const { editions, nudge, replica } = setUp();
    editions.add();

    expect(await replica().execute(duringRegistration)).toBe(1);
    expect(await replica().execute(duringRegistration)).toBe(0);

    expect(editions.byId.get('ed_test')?.currentPhase).toBe('registration');
    expect(editions.events.map((event) => event.topic)).toEqual([EditionPhaseChangedV1.topic]);
    expect(payloadsOf(editions.events)).toEqual([
      {
        editionId: 'ed_test',
        previousPhase: null,
        phase: 'registration',
        changedBy: { kind: 'system', process: 'phase-scheduler' },
        changedAt: duringRegistration.toISOString(),
      },
    ]);
    expect(nudge).toHaveBeenCalledTimes(1);
  });

  it('should let only one of two replicas ticking at the same time make the change', async () => {
    const { editions, replica } = setUp();
    editions.add({ currentPhase: 'registration' });

    const moved = await Promise.all([
      replica().execute(duringSubmission),
      replica().execute(duringSubmission),
    ]);

    expect(moved.sort()).toEqual([0, 1]);
    expect(editions.events).toHaveLength(1);
  });

  it('should leave a draft and an edition before its first phase alone', async () => {
    const { editions, replica } = setUp();
    editions.add({ _id: 'ed_draft', status: 'draft', revision: 0 });
    editions.add({ _id: 'ed_early' });

    expect(await replica().execute(new Date('2026-12-01T00:00:00.000Z'))).toBe(0);
    expect(await replica().execute(duringRegistration)).toBe(1);
    expect(editions.byId.get('ed_draft')?.currentPhase).toBeNull();
  });

  it('should respect a manual phase until the next calendar boundary, then follow the calendar', async () => {
    const { editions, replica } = setUp();
    editions.add({
      currentPhase: 'submission',
      phaseOverride: { until: new Date('2027-02-01T01:00:00.000Z'), reason: 'opened early' },
    });

    expect(await replica().execute(duringRegistration)).toBe(0);
    expect(editions.byId.get('ed_test')?.currentPhase).toBe('submission');

    expect(await replica().execute(duringSubmission)).toBe(0);
    expect(editions.byId.get('ed_test')?.phaseOverride).toBeNull();
  });

  it('should take the calendar back after an override expires when the phases differ', async () => {
    const { editions, replica } = setUp();
    editions.add({
      currentPhase: 'registration',
      phaseOverride: { until: new Date('2027-02-01T01:00:00.000Z'), reason: 'extended' },
    });

    expect(await replica().execute(duringSubmission)).toBe(1);
    expect(editions.byId.get('ed_test')).toMatchObject({
      currentPhase: 'submission',
      phaseOverride: null,
    });
  });
});
