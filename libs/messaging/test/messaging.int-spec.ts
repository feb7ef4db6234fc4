import { InstitutionRegisteredV1 } from '@kipp/contracts';
import { eventually, produceRaw, TopicReader } from '@kipp/testing';
import { createEvent, DLQ_HEADERS, PermanentEventError, pushToOutbox } from '../src';
import {
  infra,
  institutionModel,
  institutionPayload,
  countInto,
  MessagingFixture,
  tallyModel,
} from './messaging-fixture';

describe('messaging backbone on the real broker and database', () => {
  let fixture: MessagingFixture;

  beforeEach(async () => {
    fixture = await MessagingFixture.create();
  });

  afterEach(async () => {
    await fixture.dispose();
  });

  it('should deliver an event committed with its state change exactly once', async () => {
    const institutions = institutionModel(fixture.producerDb.connection);
    const tallies = tallyModel(fixture.consumerDb.connection);
    await fixture.consume(InstitutionRegisteredV1, (event, { session }) =>
      countInto(tallies, event, session),
    );

    const event = createEvent(InstitutionRegisteredV1, institutionPayload('inst_a'));
    await institutions.create({ _id: 'inst_a', name: 'A', outbox: [event] });
    fixture.relay(institutions).start();

    await eventually(async () => {
      expect(await tallies.findById('inst_a').lean()).toMatchObject({ applied: 1 });
    });
    await eventually(async () => {
      expect((await institutions.findById('inst_a').lean())?.outbox).toEqual([]);
    });
  });

  it('should apply an event delivered twice only once', async () => {
    const tallies = tallyModel(fixture.consumerDb.connection);
    const publisher = fixture.publisher();
    const event = createEvent(InstitutionRegisteredV1, institutionPayload('inst_dup'));
    await publisher.publishPending([event]);
    await publisher.publishPending([event]);
    const marker = createEvent(InstitutionRegisteredV1, institutionPayload('inst_dup'));
    await publisher.publishPending([marker]);

    const seen: string[] = [];
    await fixture.consume(InstitutionRegisteredV1, async (received, { session }) => {
      seen.push(received.eventId);
      await countInto(tallies, received, session);
    });

    // The marker is behind both copies on the same partition (same key), so once it has
    // been applied both copies have been seen.
    await eventually(async () => {
      expect(await tallies.findById('inst_dup').lean()).toMatchObject({ applied: 2 });
    });
    expect(seen.filter((id) => id === event.eventId)).toHaveLength(1);
  });

  it('should dead-letter a malformed message with its reason while later messages on the partition flow', async () => {
    const tallies = tallyModel(fixture.consumerDb.connection);
    const topic = fixture.topics.topicOf(InstitutionRegisteredV1);
    const key = 'inst_poison';
    const good = createEvent(InstitutionRegisteredV1, institutionPayload(key));
    const wrongPayload = JSON.parse(
      createEvent(InstitutionRegisteredV1, institutionPayload(key)).value,
    ) as {
      payload: Record<string, unknown>;
    };
    wrongPayload.payload['type'] = 'village';
    await produceRaw(topic, [
      { key, value: '{"this is": not json' },
      { key, value: JSON.stringify(wrongPayload) },
      { key: good.key, value: good.value, headers: good.headers },
    ]);
    const dlq = await TopicReader.start([`${topic}.dlq`]);
    try {
      await fixture.consume(InstitutionRegisteredV1, (event, { session }) =>
        countInto(tallies, event, session),
      );

      await eventually(async () => {
        expect(await tallies.findById(key).lean()).toMatchObject({ applied: 1 });
      });
      await eventually(() => {
        expect(dlq.messages.map((m) => m.headers[DLQ_HEADERS.reason])).toEqual([
          'MALFORMED_MESSAGE',
          'CONTRACT_VIOLATION',
        ]);
      });
      expect(dlq.messages[0]).toMatchObject({ key, value: '{"this is": not json' });
      expect(dlq.messages[1]?.headers[DLQ_HEADERS.detail]).toContain('payload: type');
      expect(dlq.messages[1]?.headers[DLQ_HEADERS.sourceTopic]).toBe(topic);
    } finally {
      await dlq.stop();
    }
  });

  it('should retry a failing handler and dead-letter the event once retries are exhausted, without blocking the partition', async () => {
    const tallies = tallyModel(fixture.consumerDb.connection);
    const topic = fixture.topics.topicOf(InstitutionRegisteredV1);
    const publisher = fixture.publisher();
    const flaky = createEvent(InstitutionRegisteredV1, institutionPayload('inst_flaky'));
    const broken = createEvent(InstitutionRegisteredV1, institutionPayload('inst_broken'));
    const refused = createEvent(InstitutionRegisteredV1, institutionPayload('inst_refused'));
    const after = createEvent(InstitutionRegisteredV1, institutionPayload('inst_broken'));
    await publisher.publishPending([flaky, broken, refused, after]);
    const dlq = await TopicReader.start([`${topic}.dlq`]);
    const attempts = new Map<string, number>();
    try {
      await fixture.consume(
        InstitutionRegisteredV1,
        async (event, { session }) => {
          const count = (attempts.get(event.eventId) ?? 0) + 1;
          attempts.set(event.eventId, count);
          if (event.eventId === flaky.eventId && count < 2) throw new Error('flaky dependency');
          if (event.eventId === broken.eventId) throw new Error('handler bug');
          if (event.eventId === refused.eventId) throw new PermanentEventError('unknown edition');
          await countInto(tallies, event, session);
        },
        { maxAttempts: 3 },
      );

      await eventually(async () => {
        expect(await tallies.findById('inst_broken').lean()).toMatchObject({ applied: 1 });
        expect(await tallies.findById('inst_flaky').lean()).toMatchObject({ applied: 1 });
      });
      await eventually(() => expect(dlq.messages).toHaveLength(2));
      const reasons: Record<string, string | undefined> = {};
      for (const m of dlq.messages)
        reasons[m.headers['x-event-id'] ?? ''] = m.headers[DLQ_HEADERS.reason];
      expect(reasons).toEqual({
        [broken.eventId]: 'RETRIES_EXHAUSTED',
        [refused.eventId]: 'PERMANENT_FAILURE',
      });
      expect(attempts.get(broken.eventId)).toBe(3);
      expect(attempts.get(refused.eventId)).toBe(1);
    } finally {
      await dlq.stop();
    }
  });

  it('should lose nothing and apply nothing twice when the broker restarts mid-stream', async () => {
    const institutions = institutionModel(fixture.producerDb.connection);
    const tallies = tallyModel(fixture.consumerDb.connection);
    await fixture.consume(InstitutionRegisteredV1, (event, { session }) =>
      countInto(tallies, event, session),
    );
    fixture.relay(institutions).start();

    const total = 300;
    const write = async (from: number, to: number) => {
      for (let i = from; i < to; i += 1) {
        const id = `inst_${i}`;
        await institutions.create({
          _id: id,
          name: id,
          outbox: [createEvent(InstitutionRegisteredV1, institutionPayload(id))],
        });
      }
    };
    await write(0, 100);
    infra('restart', 'kafka');
    await write(100, 200);
    await eventually(async () => expect(await tallies.countDocuments()).toBeGreaterThan(100), {
      timeoutMs: 60_000,
    });
    await write(200, total);

    await eventually(
      async () => {
        expect(await tallies.countDocuments()).toBe(total);
        expect(await institutions.countDocuments({ 'outbox.0': { $exists: true } })).toBe(0);
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(await tallies.countDocuments({ applied: { $ne: 1 } })).toBe(0);
  });
});

describe('outbox write', () => {
  it('should append events in one atomic update with the state change', async () => {
    const fixture = await MessagingFixture.create();
    try {
      const institutions = institutionModel(fixture.producerDb.connection);
      await institutions.create({ _id: 'inst_u', name: 'before', outbox: [] });
      const renamed = createEvent(InstitutionRegisteredV1, institutionPayload('inst_u'));
      await institutions.updateOne(
        { _id: 'inst_u' },
        { $set: { name: 'after' }, $push: pushToOutbox([renamed]) },
      );
      const stored = await institutions.findById('inst_u').lean();
      expect(stored?.name).toBe('after');
      expect(stored?.outbox.map((e) => e.eventId)).toEqual([renamed.eventId]);
    } finally {
      await fixture.dispose();
    }
  });
});
