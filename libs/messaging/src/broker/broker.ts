/**
 * The platform's own view of a message broker. Everything above this file speaks these
 * types; only broker/kafkajs-broker.ts knows which Kafka client is underneath, so the
 * client can be swapped (kafkajs is unmaintained) without touching services.
 */
export interface OutgoingMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface IncomingMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicBatch {
  readonly topic: string;
  readonly messages: readonly OutgoingMessage[];
}

export interface BrokerProducer {
  /** Resolves once every message is acknowledged by all in-sync replicas. */
  send(batches: readonly TopicBatch[]): Promise<void>;
}

/** Lets a long-running handler keep its group membership alive. */
export interface DeliveryControl {
  heartbeat(): Promise<void>;
  /** True once the consumer is stopping; long retries should give up (the offset stays uncommitted). */
  readonly stopping: boolean;
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly fromBeginning: boolean;
  /** How many partitions are processed at once; messages of one partition stay in order. */
  readonly partitionsConsumedConcurrently: number;
  /**
   * Handles one message. When it resolves the offset may be committed; when it rejects the
   * message is delivered again (the caller decides what is retried and what dead-lettered).
   */
  readonly onMessage: (message: IncomingMessage, control: DeliveryControl) => Promise<void>;
}

export interface RunningConsumer {
  stop(): Promise<void>;
}

export interface Broker {
  producer(): Promise<BrokerProducer>;
  runConsumer(options: ConsumerOptions): Promise<RunningConsumer>;
  /** Throws when the broker cannot be reached (readiness). */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
}
