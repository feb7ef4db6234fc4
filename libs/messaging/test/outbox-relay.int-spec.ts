import { InstitutionRegisteredV1 } from '@kipp/contracts';
import { eventually, TopicReader } from '@kipp/testing';
import {
  createEvent,
  EventPublisher,
  OutboxRelay,
  outboxCollections,
  type Broker,
  type BrokerProducer,
} from '../src';
import {
  institutionModel,
  institutionPayload,
  MessagingFixture,
  quietLogger,
} from './messaging-fixture';

/** A broker that takes messages and acknowledges them only when told to: a hung broker. */
class UnansweringBroker implements Broker {
  private readonly pending: (() => void)[] = [];
  sent = 0;

  producer(): Promise<BrokerProducer> {
    return Promise.resolve({
      send: () =>
        new Promise<void>((resolve) => {
          this.sent += 1;
          this.pending.push(resolve);
        }),
    });
  }

  runConsumer(): never {
    throw new Error('not a consumer');
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  async disconnect(): Promise<void> {
    this.acknowledgeAll();
    return Promise.resolve();
  }

  acknowledgeAll(): void {
    for (const resolve of this.pending.splice(0)) resolve();
  }
}

describe('outbox relay', () => {
  let fixture: MessagingFixture;

  beforeEach(async () => {
    fixture = await MessagingFixture.create();
  });

  afterEach(async () => {
    await fixture.dispose();
  });

  it('should leave documents another relay holds a live claim on, and take unclaimed, released and expired ones', async () => {
    const institutions = institutionModel(fixture.producerDb.connection);
    // The documents go in through the driver (to leave the lease fields out), which does not
    // wait for the collection the model is creating: wait here, as the model's own writes do.
    await institutions.init();
    const now = Date.now();
    const leases = {
      never: undefined,
      released: null,
      expired: new Date(now - 60_000),
      live: new Date(now + 600_000),
    };
    const events = new Map<string, string>();
    for (const [id, lease] of Object.entries(leases)) {
      const event = createEvent(InstitutionRegisteredV1, institutionPayload(id));
      events.set(id, event.eventId);
      await institutions.collection.insertOne({
        _id: id as never,
        name: id,
        outbox: [event],
        ...(lease === undefined ? {} : { outboxLockedUntil: lease, outboxClaim: 'other' }),
      });
    }

    const reader = await TopicReader.start([fixture.namer.topicOf(InstitutionRegisteredV1)]);
    try {
      expect(await fixture.relay(institutions).flush()).toBe(3);
      await eventually(() => expect(reader.messages).toHaveLength(3));
      const published = reader.messages.map(
        (message) => (JSON.parse(message.value ?? '{}') as { eventId?: string }).eventId,
      );
      expect(published.sort()).toEqual(
        ['never', 'released', 'expired'].map((id) => events.get(id)).sort(),
      );
    } finally {
      await reader.stop();
    }
    const left = await institutions.find({ 'outbox.0': { $exists: true } }).lean();
    expect(left.map((document) => document._id)).toEqual(['live']);
  });

  it('should stop draining at its deadline while the broker does not answer, keeping the events for a later relay', async () => {
    const institutions = institutionModel(fixture.producerDb.connection);
    const event = createEvent(InstitutionRegisteredV1, institutionPayload('inst_hung'));
    await institutions.create({ _id: 'inst_hung', name: 'hung', outbox: [event] });
    const broker = new UnansweringBroker();
    const relay = new OutboxRelay(
      outboxCollections(institutions.db),
      new EventPublisher(broker, fixture.namer),
      quietLogger,
      { pollIntervalMs: 10_000 },
    );
    try {
      relay.start();
      // The first round is now waiting for the broker; a drain must not wait for it forever.
      await relay.drain(200);
      expect(broker.sent).toBe(1);
      const stored = await institutions.findById('inst_hung').lean();
      expect(stored?.outbox.map((e) => e.eventId)).toEqual([event.eventId]);
      expect(stored?.outboxClaim).toEqual(expect.any(String));
    } finally {
      await broker.disconnect();
    }
  });
});
