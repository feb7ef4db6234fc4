import { z } from 'zod';
import { ALL_EVENTS } from './catalogue';
import { deadLetterTopicOf } from './descriptor';
import { eventEnvelopeSchema, SERVICE_NAMES } from './envelope';
import { TOPICS } from './topics';

describe('event contracts', () => {
  const declaredTopics = new Map(TOPICS.map((topic) => [topic.name, topic]));

  it.each(ALL_EVENTS.map((event) => [event.topic, event]))(
    'should accept its own example for %s',
    (_topic, event) => {
      expect(event.schema.safeParse(event.example).success).toBe(true);
    },
  );

  it.each(ALL_EVENTS.map((event) => [event.topic, event]))(
    'should name %s <producer>.<aggregate>.<event>.v<N> after its producer and version',
    (_topic, event) => {
      expect(event.topic).toBe(`${event.producer}.${event.type}.v${event.version}`);
      expect(SERVICE_NAMES).toContain(event.producer);
    },
  );

  it.each(ALL_EVENTS.map((event) => [event.topic, event]))(
    'should key %s by a non-empty aggregate id',
    (_topic, event) => {
      expect(event.key(event.example)).toMatch(/\S/);
    },
  );

  it.each(ALL_EVENTS.map((event) => [event.topic, event]))(
    'should reject unknown payload fields for %s (strict schema)',
    (_topic, event) => {
      const withExtra = { ...(event.example as object), unexpectedField: 1 };
      expect(event.schema.safeParse(withExtra).success).toBe(false);
    },
  );

  it('should declare every event topic and its dead-letter topic', () => {
    for (const event of ALL_EVENTS) {
      expect(declaredTopics.has(event.topic)).toBe(true);
      expect(declaredTopics.has(deadLetterTopicOf(event.topic))).toBe(true);
    }
  });

  it('should declare no topic that no event uses', () => {
    const used = new Set(ALL_EVENTS.flatMap((e) => [e.topic, deadLetterTopicOf(e.topic)]));
    expect(TOPICS.map((t) => t.name).filter((name) => !used.has(name))).toEqual([]);
  });

  it('should give every event topic enough partitions to scale consumers out', () => {
    for (const event of ALL_EVENTS) {
      const topic = declaredTopics.get(event.topic);
      if (topic?.cleanupPolicy === 'delete') expect(topic.partitions).toBeGreaterThanOrEqual(12);
    }
  });

  it('should have one descriptor per topic', () => {
    const topics = ALL_EVENTS.map((e) => e.topic);
    expect(new Set(topics).size).toBe(topics.length);
  });

  it('should keep the JSON Schema of every contract unchanged unless the diff is reviewed', () => {
    const schemas = Object.fromEntries(
      ALL_EVENTS.map((event) => [event.topic, z.toJSONSchema(event.schema)]),
    );
    expect({ envelope: z.toJSONSchema(eventEnvelopeSchema), events: schemas }).toMatchSnapshot();
  });
});
