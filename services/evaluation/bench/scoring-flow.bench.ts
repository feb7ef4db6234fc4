/**
 * Scoring-flow benchmark: throughput of the `score.submitted` flow (consume, recompute the
 * proposal's desk result from its sheets, record the event as processed — one transaction
 * per event) with 1 and with 2 evaluation instances in one consumer group, next to a
 * raw-broker baseline from the same run (the same messages produced and consumed by a bare
 * kafkajs consumer that does nothing). Each run gets its own database and topics on the
 * local infrastructure (`node tools/infra.mts up`), seeds the submitted sheets, produces one
 * event per sheet and measures until every desk result reflects them. Bounded: EVENTS
 * events per run (default 3,000; first argument overrides) and a 5-minute cap per run.
 * Prints a table and writes `bench-results/scoring-flow.json`. Run:
 *   node -r @swc-node/register services/evaluation/bench/scoring-flow.bench.ts [events]
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { Kafka, logLevel } from 'kafkajs';
import mongoose, { type Model } from 'mongoose';
import {
  ALL_EVENTS,
  deadLetterTopicOf,
  editionConfigurationExample,
  type EventDescriptor,
  ScoreSubmittedV1,
  type EditionConfiguration,
} from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import { DESK_RESULT_MODEL, type DeskResult } from '../src/calibration/desk-result.schema';
import { syntheticScores } from '../src/calibration/synthetic-scores';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../src/scoring/score-sheet.schema';
import { AppModule } from '../src/app.module';
import { loadEvaluationConfig } from '../src/config/evaluation.config';

const SCORES_PER_PROPOSAL = 3;
const EVENTS = Math.max(SCORES_PER_PROPOSAL, Number(process.argv[2] ?? 3000));
const PROPOSALS = Math.floor(EVENTS / SCORES_PER_PROPOSAL);
const RUN_CAP_MS = 5 * 60_000;
const PRODUCE_BATCH = 500;
/** As in production (`topics.json`), so up to 12 instances can share the work. */
const PARTITIONS = 12;
/** Proposals whose events are handled before the clock starts (spread over every partition). */
const WARM_UP_PROPOSALS = 48;

interface Row {
  name: string;
  instances: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
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
  return {
    topics,
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
    return row(`service, ${instances} instance${instances > 1 ? 's' : ''}`, instances, seconds);
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
      partitionsConsumedConcurrently: 3,
      eachMessage: () => {
        received += 1;
        return Promise.resolve();
      },
    });
    progress('baseline: producing');
    const started = performance.now();
    await produceAll(topic, messages);
    await until(() => Promise.resolve(received >= messages.length), 'the raw messages');
    return row('baseline: bare kafkajs consumer', 1, (performance.now() - started) / 1000);
  } finally {
    await consumer.disconnect();
    await disposeQuietly(topics);
  }
}

function row(name: string, instances: number, seconds: number): Row {
  return {
    name,
    instances,
    events: PROPOSALS * SCORES_PER_PROPOSAL,
    seconds: Math.round(seconds * 1000) / 1000,
    eventsPerSecond: Math.round((PROPOSALS * SCORES_PER_PROPOSAL) / seconds),
  };
}

async function main(): Promise<void> {
  const rows = [await brokerBaseline(), await serviceRun(1), await serviceRun(2)];
  const single = rows[1]?.eventsPerSecond ?? 1;
  const lines = [
    `scoring flow: ${PROPOSALS * SCORES_PER_PROPOSAL} score.submitted events over ${PROPOSALS} proposals (${PARTITIONS} partitions)`,
    `${'run'.padEnd(34)}${'seconds'.padStart(10)}${'events/s'.padStart(10)}${'× 1 instance'.padStart(14)}`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(34)}${r.seconds.toFixed(3).padStart(10)}${String(r.eventsPerSecond).padStart(10)}${(r.eventsPerSecond / single).toFixed(2).padStart(14)}`,
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
