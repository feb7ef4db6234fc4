import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'mongoose';
import { StageResultPublishedV1, type PayloadOf } from '@kipp/contracts';
import type { FinalistsPublication } from '../reader-grant';
import type { FinalistStandingChange, ReaderGrantRepository } from '../reader-grant.repository';
import {
  RecordFinalistResultUseCase,
  type StageResultPublished,
} from './record-finalist-result.use-case';

const session = {} as ClientSession;

function setUp() {
  const standings = new Map<string, FinalistStandingChange>();
  const repository = {
    finalistPublication: (proposalId: string): Promise<FinalistsPublication | null> =>
      Promise.resolve(standings.get(proposalId) ?? null),
    upsertFinalist: (change: FinalistStandingChange): Promise<void> => {
      standings.set(change._id, change);
      return Promise.resolve();
    },
  } as unknown as ReaderGrantRepository;
  return { useCase: new RecordFinalistResultUseCase(repository), standings };
}

const result = (
  overrides: Partial<PayloadOf<typeof StageResultPublishedV1>>,
): StageResultPublished => ({
  eventId: randomUUID(),
  type: StageResultPublishedV1.type,
  version: StageResultPublishedV1.version,
  occurredAt: '2027-06-01T03:00:00.000Z',
  producer: 'evaluation',
  correlationId: randomUUID(),
  causationId: null,
  payload: StageResultPublishedV1.schema.parse({
    ...StageResultPublishedV1.example,
    stage: 'finalists',
    ...overrides,
  }),
});

const first = result({
  advanced: true,
  publicationId: 'pub_ed_2027_finalists_1',
  publishedAt: '2027-06-01T03:00:00.000Z',
});
const second = result({
  advanced: false,
  publicationId: 'pub_ed_2027_finalists_2',
  publishedAt: '2027-06-03T03:00:00.000Z',
});

describe('RecordFinalistResultUseCase', () => {
  it.each([
    ['in order', [first, second]],
    ['the older one late', [second, first]],
    ['with duplicates', [first, second, first, second, first]],
  ])('should end with the newest publication when deliveries come %s', async (_how, deliveries) => {
    const { useCase, standings } = setUp();
    for (const event of deliveries) await useCase.execute(event, session);
    expect(standings.get(first.payload.proposalId)).toMatchObject({
      advanced: false,
      publicationId: 'pub_ed_2027_finalists_2',
      publishedAt: new Date('2027-06-03T03:00:00.000Z'),
      sourceEventId: second.eventId,
    });
  });

  it('should make the proposal a finalist when the first finalists publication advances it', async () => {
    const { useCase, standings } = setUp();
    await useCase.execute(first, session);
    expect(standings.get(first.payload.proposalId)).toMatchObject({
      _id: first.payload.proposalId,
      editionId: first.payload.editionId,
      advanced: true,
    });
  });

  it.each(['desk', 'shortlist', 'final'] as const)(
    'should record nothing when the result is of the %s stage',
    async (stage) => {
      const { useCase, standings } = setUp();
      await useCase.execute(result({ stage, advanced: true }), session);
      expect(standings.size).toBe(0);
    },
  );
});
