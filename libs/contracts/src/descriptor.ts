import type { z } from 'zod';
import type { ServiceName } from './envelope';

/**
 * Everything producers and consumers need to know about one version of one event.
 * Producers and consumers import the descriptor, never a topic string.
 */
export interface EventDescriptor<TPayload = unknown> {
  /** A fact in the past tense: `<aggregate>.<event>`, e.g. `proposal.submitted`. */
  readonly type: string;
  readonly version: number;
  readonly producer: ServiceName;
  /** `<producer>.<aggregate>.<event>.v<N>`. */
  readonly topic: string;
  /** Strict schema of the payload. */
  readonly schema: z.ZodType<TPayload>;
  /** The partition key: the aggregate id, so events of one aggregate stay in order. */
  key(payload: TPayload): string;
  /** A valid payload, used in tests and in the catalogue. */
  readonly example: TPayload;
  readonly description: string;
}

export type PayloadOf<D> = D extends EventDescriptor<infer P> ? P : never;

interface EventDefinition<TPayload> {
  producer: ServiceName;
  aggregate: string;
  event: string;
  version: number;
  schema: z.ZodType<TPayload>;
  key: (payload: TPayload) => string;
  example: NoInfer<TPayload>;
  description: string;
}

/** Declares one version of one event; the type and topic follow from its parts. */
export function defineEvent<TPayload>(
  definition: EventDefinition<TPayload>,
): EventDescriptor<TPayload> {
  const { producer, aggregate, event, version } = definition;
  return Object.freeze({
    type: `${aggregate}.${event}`,
    version,
    producer,
    topic: `${producer}.${aggregate}.${event}.v${version}`,
    schema: definition.schema,
    key: definition.key,
    example: definition.example,
    description: definition.description,
  });
}

/** The dead-letter topic of a topic. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
