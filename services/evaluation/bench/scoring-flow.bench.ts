/**
 * Scoring-flow benchmark: throughput of the `score.submitted` flow (consume, recompute the
 * proposal's desk result from its sheets, record the event as processed — one transaction
 * per event) with 1 and with 2 evaluation instances in one consumer group, next to two
 * baselines from the same run: the broker alone (the same messages produced and consumed by
 * a bare kafkajs consumer that does nothing) and the database ceiling (the same per-event
 * transaction done with the bare driver at the service's concurrency: partitions consumed
 * concurrently × instances). The service runs also count the database round trips per event
 * (command monitoring), so a change to the handler's queries shows up here. Each run gets its own database and topics on the
 * local infrastructure (`node tools/infra.mts up`), seeds the submitted sheets, produces one
 * event per sheet and measures until every desk result reflects them. Bounded: EVENTS
 * events per run (default 1,500; first argument overrides) and a 5-minute cap per run.
 * Prints a table and writes `bench-results/scoring-flow.json`. Run:
 *   node -r @swc-node/register services/evaluation/bench/scoring-flow.bench.ts [events]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { type Connection, type Model, type mongo } from 'mongoose';
import {
  ALL_EVENTS,
  deadLetterTopicOf,
  editionConfigurationExample,
  type EventDescriptor,
  ScoreSubmittedV1,
  type EditionConfiguration,
} from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { TRANSACTION_OPTIONS } from '@kipp/mongo';
import { createServiceApp } from '@kipp/service-kit';
import {
  DESK_RESULT_MODEL,
  deskResultSchema,
  type DeskResult,
} from '../src/calibration/desk-result.schema';
import { syntheticScores } from '../src/calibration/synthetic-scores';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import {
  SCORE_SHEET_MODEL,
  scoreSheetSchema,
  type ScoreSheet,
} from '../src/scoring/score-sheet.schema';
import { AppModule } from '../src/app.module';
import { loadEvaluationConfig } from '../src/config/evaluation.config';

const SCORES_PER_PROPOSAL = 3;
const EVENTS = Math.max(SCORES_PER_PROPOSAL, Number(process.argv[2] ?? 1500));
const PROPOSALS = Math.floor(EVENTS / SCORES_PER_PROPOSAL);
const RUN_CAP_MS = 5 * 60_000;
const PRODUCE_BATCH = 500;
/** As in production (`topics.json`), so up to 12 instances can share the work. */
const PARTITIONS = 12;
/** Proposals whose events are handled before the clock starts (spread over every partition). */
const WARM_UP_PROPOSALS = 48;
/** `EventConsumer`'s default `partitionsConsumedConcurrently`: events in flight per instance. */
const IN_FLIGHT_PER_INSTANCE = 3;

interface Row {
  name: string;
  instances: number;
  /** Events in flight at once (service: partitions consumed concurrently × instances). */
  concurrency: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Service runs: database commands per timed event, by command and collection. */
  roundTripsPerEvent?: number;
  commandsPerEvent?: Record<string, number>;
}

type Message = { key: string; value: string; headers: Record<string, string> };

function messagesFor(
  editionId: string,
  proposals = PROPOSALS,
  seed = 2027,
): { sheets: ScoreSheet[]; messages: Message[] } {
  const scores = syntheticScores({
    proposals,
    evaluators: Math.max(10, Math.ceil(PROPOSALS / 20)),
    scoresPerProposal: SCORES_PER_PROPOSAL,
    seed,
    scale: { min: 0, max: 100 },
  }).map((s) => ({ ...s, proposalId: `${s.proposalId}_${seed}` }));
  const now = new Date();
  const sheets: ScoreSheet[] = scores.map((s, n) => ({
    _id: `desk_${seed}_${n}`,
    editionId,
    proposalId: s.proposalId,
    stage: 'desk',
    assignmentId: `asg_${seed}_${n}`,
    scorerId: s.scorerId,
    criteria: [
      { criterionId: 'novelty', score: s.score, comment: 'bench' },
      { criterionId: 'effectiveness', score: s.score, comment: 'bench' },
    ],
    weightedScore: s.score,
    status: 'submitted',
    revision: 2,
    submissions: 1,
    submittedAt: now,
    submittedWeightedScore: s.score,
    audit: [],
    outbox: [],
    createdAt: now,
    updatedAt: now,
  }));
  const messages = sheets.map((sheet) => {
    const event = createEvent(ScoreSubmittedV1, {
      proposalId: sheet.proposalId,
      editionId,
      stage: 'desk',
      assignmentId: sheet.assignmentId,
      scorerAccountId: sheet.scorerId,
      criteria: sheet.criteria.map((c) => ({ criterionId: c.criterionId, score: c.score })),
      weightedScore: sheet.weightedScore ?? 0,
      revision: 1,
      submittedAt: now.toISOString(),
    });
    return { key: event.key, value: event.value, headers: event.headers };
  });
  return { sheets, messages };
}

async function produceAll(topic: string, messages: readonly Message[]): Promise<void> {
  const producer = kafkaClient('bench-producer').producer();
  await producer.connect();
  try {
    for (let start = 0; start < messages.length; start += PRODUCE_BATCH) {
      const batch = messages.slice(start, start + PRODUCE_BATCH).map((m) => ({ ...m }));
      await producer.send({ topic, acks: -1, messages: batch });
    }
  } finally {
    await producer.disconnect();
  }
}

interface BenchTopics {
  readonly prefix: string;
  topicOf(descriptor: Pick<EventDescriptor, 'topic'>): string;
  dispose(): Promise<void>;
}

/** Where the local infrastructure listens: the service's own defaults. */
const INFRA = loadEvaluationConfig({});

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + RUN_CAP_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Boots `instances` evaluation apps in-process on one fresh database and one set of topics
 * (one consumer group), as `test/evaluation-test-app.ts` does, but with production's
 * partition count.
 */
async function bootInstances(instances: number) {
  const topics = await createBenchTopics(ALL_EVENTS);
  progress(`topics ready; starting ${instances} instance(s)`);
  const database = uniqueName('evaluation_bench');
  // The local infrastructure's defaults, a database and topics of this run's own.
  const config = loadEvaluationConfig({
    // Command monitoring lets the run count the handler's round trips.
    MONGO_URI: withCommandMonitoring(INFRA.MONGO_URI),
    MONGO_DB: database,
    KAFKA_TOPIC_PREFIX: topics.prefix,
    LOG_LEVEL: 'silent',
  });
  const apps: INestApplication[] = [];
  for (let n = 0; n < instances; n += 1) {
    const app = await createServiceApp({ name: 'evaluation', module: AppModule.register(config) });
    await app.init();
    apps.push(app);
  }
  const first = apps[0];
  if (!first) throw new Error('no instance started');
  const commands = new CommandCounter();
  for (const app of apps) commands.watch(app.get<Connection>(getConnectionToken()).getClient());
  return {
    topics,
    commands,
    model: <T>(name: string) => first.get<Model<T>>(getModelToken(name)),
    async close() {
      for (const app of apps.reverse()) await app.close();
      await disposeQuietly(topics);
      const connection = await mongoose
        .createConnection(INFRA.MONGO_URI, { dbName: database })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

function withCommandMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

/**
 * Counts the commands of the consumer's per-event path: the duplicate check on
 * `processed_events` and everything inside a transaction (the record, the handler's queries,
 * the commit). Background work (relay polls, the bench's own probes) runs outside
 * transactions and is left out.
 */
class CommandCounter {
  private counts = new Map<string, number>();

  watch(client: mongo.MongoClient): void {
    client.on('commandStarted', (event) => {
      const command = event.command as Record<string, unknown>;
      const collection = command[event.commandName];
      const inTransaction = command['txnNumber'] !== undefined && command['autocommit'] === false;
      const duplicateCheck = event.commandName === 'find' && collection === 'processed_events';
      if (!inTransaction && !duplicateCheck) return;
      const key =
        typeof collection === 'string' ? `${event.commandName} ${collection}` : event.commandName;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    });
  }

  reset(): void {
    this.counts = new Map();
  }

  perEvent(events: number): { total: number; byCommand: Record<string, number> } {
    const byCommand: Record<string, number> = {};
    let total = 0;
    for (const [key, count] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      byCommand[key] = Math.round((count / events) * 100) / 100;
      total += count;
    }
    return { total: Math.round((total / events) * 100) / 100, byCommand };
  }
}

/**
 * Every topic the service subscribes to, under a prefix of its own: the score topic with
 * production's partition count, the others with 3 (fewer partitions keep creation quick on
 * a shared broker).
 */
async function createBenchTopics(
  descriptors: readonly Pick<EventDescriptor, 'topic'>[],
): Promise<BenchTopics> {
  const prefix = `${uniqueName('bench')}.`;
  const admin = kafkaClient('bench-topics').admin();
  await admin.connect();
  const names = descriptors
    .flatMap((d) => [d.topic, deadLetterTopicOf(d.topic)])
    .map((topic) => `${prefix}${topic}`);
  const scoreTopic = `${prefix}${ScoreSubmittedV1.topic}`;
  await admin.createTopics({
    waitForLeaders: true,
    topics: names.map((topic) => ({
      topic,
      numPartitions: topic === scoreTopic ? PARTITIONS : 3,
      replicationFactor: 1,
    })),
  });
  return {
    prefix,
    topicOf: (descriptor) => `${prefix}${descriptor.topic}`,
    async dispose() {
      await admin.deleteTopics({ topics: names }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

function kafkaClient(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: [...INFRA.KAFKA_BROKERS],
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
}

function progress(message: string): void {
  process.stderr.write(`[scoring-flow] ${message}\n`);
}

async function disposeQuietly(topics: BenchTopics): Promise<void> {
  await topics.dispose().catch(() => undefined);
}

/** The service flow with `instances` replicas in one consumer group. */
async function serviceRun(instances: number): Promise<Row> {
  const app = await bootInstances(instances);
  try {
    const editionId = uniqueName('ed');
    await app.model<EditionProjection>(EDITION_PROJECTION_MODEL).create({
      _id: editionId,
      configuration: { ...editionConfigurationExample, editionId } satisfies EditionConfiguration,
      revision: 1,
      currentPhase: 'desk-evaluation',
      currentPhaseChangedAt: new Date(),
    });
    const { sheets, messages } = messagesFor(editionId);
    const warmUp = messagesFor(editionId, WARM_UP_PROPOSALS, 1);
    await app
      .model<ScoreSheet>(SCORE_SHEET_MODEL)
      .insertMany([...warmUp.sheets, ...sheets], { lean: true });
    const results = app.model<DeskResult>(DESK_RESULT_MODEL);
    // Not timed: the consumer group forms and every instance gets its partitions.
    progress(`${instances} instance(s): warming up`);
    await produceAll(app.topics.topicOf(ScoreSubmittedV1), warmUp.messages);
    await until(
      async () =>
        (await results.countDocuments({ scoreCount: SCORES_PER_PROPOSAL })) === WARM_UP_PROPOSALS,
      'the warm-up',
    );

    progress(`${instances} instance(s): producing ${messages.length} events`);
    app.commands.reset();
    const started = performance.now();
    await produceAll(app.topics.topicOf(ScoreSubmittedV1), messages);
    // Every proposal's result counts all its sheets once every event has been handled.
    await until(
      async () =>
        (await results.countDocuments({ scoreCount: SCORES_PER_PROPOSAL })) ===
        PROPOSALS + WARM_UP_PROPOSALS,
      'the desk results',
    );
    const seconds = (performance.now() - started) / 1000;
    const { total, byCommand } = app.commands.perEvent(messages.length);
    return {
      ...row(
        `service, ${instances} instance${instances > 1 ? 's' : ''}`,
        instances,
        instances * IN_FLIGHT_PER_INSTANCE,
        seconds,
      ),
      roundTripsPerEvent: total,
      commandsPerEvent: byCommand,
    };
  } finally {
    await app.close();
  }
}

/** The same messages through the broker alone: a bare consumer that does nothing. */
async function brokerBaseline(): Promise<Row> {
  const topics = await createBenchTopics([ScoreSubmittedV1]);
  const consumer = kafkaClient('bench-baseline').consumer({ groupId: uniqueName('bench') });
  try {
    const topic = topics.topicOf(ScoreSubmittedV1);
    const { messages } = messagesFor('ed_baseline');
    let received = 0;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: IN_FLIGHT_PER_INSTANCE,
      eachMessage: () => {
        received += 1;
        return Promise.resolve();
      },
    });
    progress('baseline: producing');
    const started = performance.now();
    await produceAll(topic, messages);
    await until(() => Promise.resolve(received >= messages.length), 'the raw messages');
    return row(
      'baseline: bare kafkajs consumer',
      1,
      IN_FLIGHT_PER_INSTANCE,
      (performance.now() - started) / 1000,
    );
  } finally {
    await consumer.disconnect();
    await disposeQuietly(topics);
  }
}

/**
 * The database ceiling: each event's work done with the bare driver, `concurrency` events in
 * flight (events of one proposal in order, as a partition keeps them) — a transaction that
 * records the event as processed, reads the proposal's submitted desk sheets' weighted scores
 * and upserts its desk result. Same seeded sheets and indexes as the service's database; no
 * broker, no framework, no contract parsing.
 */
async function databaseCeiling(concurrency: number): Promise<Row> {
  const database = uniqueName('evaluation_bench_raw');
  const connection = await mongoose
    .createConnection(INFRA.MONGO_URI, { dbName: database })
    .asPromise();
  try {
    const sheetsModel = connection.model(SCORE_SHEET_MODEL, scoreSheetSchema);
    const resultsModel = connection.model(DESK_RESULT_MODEL, deskResultSchema);
    await Promise.all([sheetsModel.init(), resultsModel.init()]);
    const { sheets, messages } = messagesFor('ed_ceiling');
    await sheetsModel.insertMany(sheets, { lean: true });
    const db = connection.getClient().db(database);
    const processed = db.collection<{ _id: string; processedAt: Date }>('processed_events');
    const scoreSheets = db.collection<ScoreSheet>('score_sheets');
    const results = db.collection<Pick<DeskResult, '_id'>>('desk_results');
    // One lane per worker; a proposal's events stay in one lane, in order.
    const lanes: { eventId: string; proposalId: string }[][] = Array.from(
      { length: concurrency },
      () => [],
    );
    messages.forEach((m, n) => {
      const proposalId = sheets[n]?.proposalId ?? m.key;
      const lane = lanes[Math.floor(n / SCORES_PER_PROPOSAL) % concurrency];
      lane?.push({ eventId: `bench:${n}`, proposalId });
    });
    const client = connection.getClient();
    const handle = async (event: { eventId: string; proposalId: string }): Promise<void> => {
      const session = client.startSession();
      try {
        await session.withTransaction(async () => {
          await processed.insertOne({ _id: event.eventId, processedAt: new Date() }, { session });
          const rows = await scoreSheets
            .find(
              {
                stage: 'desk',
                proposalId: event.proposalId,
                submissions: { $gt: 0 },
                submittedWeightedScore: { $ne: null },
              },
              { projection: { _id: 0, submittedWeightedScore: 1 }, session },
            )
            .sort({ scorerId: 1 })
            .toArray();
          const scores = rows.map((r) => r.submittedWeightedScore ?? 0);
          const rawMean = scores.reduce((sum, x) => sum + x, 0) / Math.max(1, scores.length);
          const spread = scores.length ? Math.max(...scores) - Math.min(...scores) : 0;
          await results.updateOne(
            { _id: event.proposalId },
            {
              $set: { editionId: 'ed_ceiling', scoreCount: scores.length, rawMean, spread },
              $setOnInsert: { normalizedMean: null, extraEvaluatorRequestedAt: null },
            },
            { upsert: true, session },
          );
        }, TRANSACTION_OPTIONS);
      } finally {
        await session.endSession();
      }
    };
    progress(`database ceiling: ${messages.length} transactions, ${concurrency} in flight`);
    const started = performance.now();
    await Promise.all(
      lanes.map(async (lane) => {
        for (const event of lane) await handle(event);
      }),
    );
    return row(
      `ceiling: bare driver, ${concurrency} in flight`,
      concurrency / IN_FLIGHT_PER_INSTANCE,
      concurrency,
      (performance.now() - started) / 1000,
    );
  } finally {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

function row(name: string, instances: number, concurrency: number, seconds: number): Row {
  return {
    name,
    instances,
    concurrency,
    events: PROPOSALS * SCORES_PER_PROPOSAL,
    seconds: Math.round(seconds * 1000) / 1000,
    eventsPerSecond: Math.round((PROPOSALS * SCORES_PER_PROPOSAL) / seconds),
  };
}

async function main(): Promise<void> {
  const rows = [
    await brokerBaseline(),
    await databaseCeiling(IN_FLIGHT_PER_INSTANCE),
    await databaseCeiling(2 * IN_FLIGHT_PER_INSTANCE),
    await serviceRun(1),
    await serviceRun(2),
  ];
  const single = rows.find((r) => r.name.startsWith('service'))?.eventsPerSecond ?? 1;
  const ceilingAt = (concurrency: number) =>
    rows.find((r) => r.name.startsWith('ceiling') && r.concurrency === concurrency);
  const cell = (text: string, width: number) => text.padStart(width);
  const lines = [
    `scoring flow: ${PROPOSALS * SCORES_PER_PROPOSAL} score.submitted events over ${PROPOSALS} proposals (${PARTITIONS} partitions)`,
    `${'run'.padEnd(36)}${cell('in flight', 10)}${cell('seconds', 10)}${cell('events/s', 10)}${cell('× 1 inst.', 10)}${cell('of ceiling', 12)}${cell('db rt/event', 13)}`,
    ...rows.map((r) => {
      const ceiling = r.name.startsWith('service') ? ceilingAt(r.concurrency) : undefined;
      const ofCeiling = ceiling
        ? `${Math.round((100 * r.eventsPerSecond) / ceiling.eventsPerSecond)}%`
        : '';
      return `${r.name.padEnd(36)}${cell(String(r.concurrency), 10)}${cell(r.seconds.toFixed(3), 10)}${cell(String(r.eventsPerSecond), 10)}${cell((r.eventsPerSecond / single).toFixed(2), 10)}${cell(ofCeiling, 12)}${cell(r.roundTripsPerEvent?.toFixed(2) ?? '', 13)}`;
    }),
    ...rows.flatMap((r) =>
      r.commandsPerEvent
        ? [
            `${r.name} per event: ${Object.entries(r.commandsPerEvent)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          ]
        : [],
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const directory = join(process.cwd(), 'bench-results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'scoring-flow.json'),
    `${JSON.stringify({ events: PROPOSALS * SCORES_PER_PROPOSAL, proposals: PROPOSALS, rows, at: new Date().toISOString() }, null, 2)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
