import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getModelToken } from '@nestjs/mongoose';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Model } from 'mongoose';
import {
  ALL_EVENTS,
  editionConfigurationExample,
  EditionPublishedV1,
  ProposalForwardedV1,
  type EditionConfiguration,
} from '@kipp/contracts';
import { createServiceApp } from '@kipp/service-kit';
import {
  buildEvent,
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  TestIssuer,
  TopicReader,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadSubmissionsConfig } from '../src/config/submissions.config';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../src/edition/edition.schema';
import { PROPOSAL_MODEL, type Proposal } from '../src/proposal/proposal.schema';

/**
 * The deadline rush, shared by the benchmark (`deadline-rush.bench.ts`) and its integration
 * spec: the submissions app in-process on a loopback port with its own database and topics,
 * proposals seeded as SUBMITTED straight through the model (the drafting is not what the rush
 * measures), local admins forwarding concurrently over keep-alive HTTP, then a check that
 * every acknowledged forward is in the database and on the broker exactly once.
 */

const DAY = 86_400_000;

export interface RushEnvironment {
  readonly baseUrl: string;
  readonly topics: TestTopics;
  readonly issuer: TestIssuer;
  readonly reader: TopicReader;
  readonly proposals: Model<Proposal>;
  readonly editions: Model<EditionProjection>;
  readonly forwardedTopic: string;
  dispose(): Promise<void>;
}

/** Boots the app on 127.0.0.1 (random port) against the local infrastructure. */
export async function startRushEnvironment(): Promise<RushEnvironment> {
  const database = uniqueName('submissions_rush');
  const topics = await createTestTopics(ALL_EVENTS);
  const forwardedTopic = topics.topicOf(ProposalForwardedV1);
  let app: NestExpressApplication | undefined;
  let reader: TopicReader | undefined;
  try {
    const issuer = await TestIssuer.publish(topics);
    reader = await TopicReader.start([forwardedTopic]);
    const config = loadSubmissionsConfig(serviceTestEnv({ database, topicPrefix: topics.prefix }));
    app = await createServiceApp({ name: 'submissions', module: AppModule.register(config) });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${String(port)}`;
    await eventually(async () => {
      const ready = await send(baseUrl, 'GET', '/health/ready', {});
      if (ready.status !== 200) throw new Error(`not ready: ${String(ready.status)}`);
    });
    const proposals = app.get<Model<Proposal>>(getModelToken(PROPOSAL_MODEL), { strict: false });
    const editions = app.get<Model<EditionProjection>>(getModelToken(EDITION_PROJECTION_MODEL), {
      strict: false,
    });
    const started = app;
    const startedReader = reader;
    return {
      baseUrl,
      topics,
      issuer,
      reader,
      proposals,
      editions,
      forwardedTopic,
      async dispose() {
        await startedReader.stop();
        await proposals.db.dropDatabase().catch(() => undefined);
        await started.close();
        await topics.dispose();
      },
    };
  } catch (error) {
    await reader?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await topics.dispose();
    throw error;
  }
}

/** Publishes an edition whose submission phase ends at `closesAt`, and waits until it is known. */
export async function publishRushEdition(
  env: RushEnvironment,
  closesAt: Date,
  quotaPerInstitution: number,
): Promise<string> {
  const editionId = `ed_rush_${randomUUID().slice(0, 8)}`;
  const now = Date.now();
  const configuration: EditionConfiguration = {
    ...editionConfigurationExample,
    editionId,
    groups: editionConfigurationExample.groups.map((g) =>
      g.groupId === 'general' ? { ...g, quotaPerInstitution } : g,
    ),
    form: { ...editionConfigurationExample.form, evidence: [] },
    calendar: [
      {
        phase: 'registration',
        startsAt: new Date(now - 10 * DAY).toISOString(),
        endsAt: new Date(now - DAY).toISOString(),
      },
      {
        phase: 'submission',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: closesAt.toISOString(),
      },
    ],
  };
  await produceRaw(env.topics.topicOf(EditionPublishedV1), [
    buildEvent(EditionPublishedV1, { edition: configuration, revision: 1 }),
  ]);
  await eventually(async () => {
    if (!(await env.editions.exists({ _id: editionId }))) throw new Error('edition not projected');
  });
  return editionId;
}

export interface RushTarget {
  readonly proposalId: string;
  readonly institutionId: string;
  /** The local admin's `authorization` header. */
  readonly authorization: string;
}

const TITLE_WORDS = [
  'antrean daring puskesmas',
  'perizinan keliling desa',
  'posyandu digital',
  'sampah jadi tabungan',
  'ambulans desa siaga',
  'sekolah lapang petani',
];

/**
 * Seeds `institutions` × `perInstitution` proposals already SUBMITTED to their local admin,
 * complete enough to pass every pre-check, straight through the model (documented in the
 * README: the drafting is not what the rush measures). Returns one target per proposal.
 */
export async function seedSubmittedProposals(
  env: RushEnvironment,
  editionId: string,
  institutions: number,
  perInstitution: number,
): Promise<RushTarget[]> {
  const run = randomUUID().slice(0, 8);
  const now = new Date();
  const targets: RushTarget[] = [];
  const documents: Partial<Proposal>[] = [];
  for (let i = 0; i < institutions; i++) {
    const institutionId = `inst_${run}_${String(i)}`;
    const token = await env.issuer.token(['local_admin'], { institutionId });
    for (let j = 0; j < perInstitution; j++) {
      const proposalId = `prop_${run}_${String(i)}_${String(j)}`;
      const operator = `op_${run}_${String(i)}`;
      targets.push({ proposalId, institutionId, authorization: `Bearer ${token}` });
      documents.push({
        _id: proposalId,
        editionId,
        groupId: 'general',
        categoryId: 'health',
        institutionId,
        unitId: `unit_${run}_${String(i)}_${String(j)}`,
        createdBy: operator,
        title: `${TITLE_WORDS[j % TITLE_WORDS.length] ?? 'inovasi'} ${String(j)}`,
        innovationStartDate: '2015-01-15',
        sections: [
          { sectionId: 'summary', text: 'Layanan antrean daring untuk puskesmas kecamatan' },
          { sectionId: 'innovative-idea', text: 'Pasien mendaftar dari rumah lewat ponsel' },
        ],
        sdgTargets: ['3.8'],
        integrityDeclaration: { signedBy: operator, signedAt: now },
        status: 'submitted',
        statusSince: now,
        revision: 4,
        transitions: [
          { from: null, to: 'draft', by: operator, at: now, comment: null },
          { from: 'draft', to: 'submitted', by: operator, at: now, comment: null },
        ],
      });
    }
  }
  for (let start = 0; start < documents.length; start += 500) {
    await env.proposals.insertMany(documents.slice(start, start + 500), { ordered: false });
  }
  return targets;
}

export interface ForwardResult {
  readonly proposalId: string;
  readonly status: number;
  /** The error code of a refused forward, null for a 200. */
  readonly code: string | null;
  readonly sentAt: number;
  readonly answeredAt: number;
  readonly latencyMs: number;
}

export interface RushOptions {
  readonly concurrency: number;
  /** Pause of each client worker between two requests (slows the rush down on purpose). */
  readonly paceMs?: number;
}

/** Every target's local admin forwards, `concurrency` at a time, over keep-alive HTTP. */
export async function fireRush(
  env: RushEnvironment,
  targets: readonly RushTarget[],
  options: RushOptions,
): Promise<ForwardResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const results: ForwardResult[] = [];
  try {
    await pool(targets, options.concurrency, async (target) => {
      const sentAt = Date.now();
      const started = performance.now();
      // A transport failure is recorded as status 0, never aborts the rush.
      const response = await send(
        env.baseUrl,
        'POST',
        `/proposals/${target.proposalId}/forward`,
        { authorization: target.authorization },
        agent,
      ).catch((error: unknown) => ({
        status: 0,
        body: JSON.stringify({ error: { code: String(error) } }),
      }));
      const latencyMs = performance.now() - started;
      results.push({
        proposalId: target.proposalId,
        status: response.status,
        code: response.status === 200 ? null : errorCodeOf(response.body),
        sentAt,
        answeredAt: Date.now(),
        latencyMs,
      });
      if (options.paceMs) await sleep(options.paceMs);
    });
  } finally {
    agent.destroy();
  }
  return results;
}

export interface LossReport {
  readonly acknowledged: number;
  /** Acknowledged (200) but not forwarded with a snapshot in the database. */
  readonly lostInDatabase: string[];
  /** Acknowledged but never on the broker within the wait. */
  readonly lostOnBroker: string[];
  /** On the broker more than once. */
  readonly duplicatedOnBroker: string[];
  /** Refused (not 200) yet forwarded or on the broker: a half-written refusal. */
  readonly halfWritten: string[];
}

export function lostCount(report: LossReport): number {
  return (
    report.lostInDatabase.length +
    report.lostOnBroker.length +
    report.duplicatedOnBroker.length +
    report.halfWritten.length
  );
}

/**
 * Checks every acknowledged forward against the database and the broker (waiting up to
 * `waitMs` for the relay), and every refused one for traces of a partial write.
 */
export async function verifyRush(
  env: RushEnvironment,
  results: readonly ForwardResult[],
  waitMs = 60_000,
): Promise<LossReport> {
  const acknowledged = results.filter((r) => r.status === 200).map((r) => r.proposalId);
  const refused = results.filter((r) => r.status !== 200).map((r) => r.proposalId);
  const rows = await env.proposals
    .find({ _id: { $in: results.map((r) => r.proposalId) } }, { status: 1, snapshots: 1 })
    .lean<Pick<Proposal, '_id' | 'status' | 'snapshots'>[]>()
    .exec();
  const byId = new Map(rows.map((row) => [row._id, row]));
  const lostInDatabase = acknowledged.filter((id) => {
    const row = byId.get(id);
    return row?.status !== 'forwarded' || row.snapshots.length !== 1;
  });

  const countsOnBroker = (): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const message of env.reader.on(env.forwardedTopic)) {
      if (message.key !== null) counts.set(message.key, (counts.get(message.key) ?? 0) + 1);
    }
    return counts;
  };
  const wanted = new Set(acknowledged);
  await eventually(
    () => {
      const counts = countsOnBroker();
      if (acknowledged.some((id) => !counts.has(id))) throw new Error('relay still publishing');
    },
    { timeoutMs: waitMs, intervalMs: 200 },
  ).catch(() => undefined);
  // Give a late duplicate a moment to show up before counting.
  await sleep(1_000);
  const counts = countsOnBroker();
  const halfWritten = refused.filter((id) => {
    const row = byId.get(id);
    return row?.status === 'forwarded' || (row?.snapshots.length ?? 0) > 0 || counts.has(id);
  });
  return {
    acknowledged: acknowledged.length,
    lostInDatabase,
    lostOnBroker: acknowledged.filter((id) => !counts.has(id)),
    duplicatedOnBroker: [...wanted].filter((id) => (counts.get(id) ?? 0) > 1),
    halfWritten,
  };
}

export interface InsertBaseline {
  readonly documents: number;
  readonly durationMs: number;
  readonly latenciesMs: number[];
}

/**
 * The raw MongoDB driver inserting `count` documents the size of a forward's snapshot into a
 * scratch collection, with the same concurrency: what the database alone can take.
 */
export async function measureInsertBaseline(
  env: RushEnvironment,
  count: number,
  concurrency: number,
): Promise<InsertBaseline> {
  const db = env.proposals.db.db;
  if (!db) throw new Error('the database connection is not open');
  const sample = await env.proposals
    .findOne({ status: 'forwarded' }, { snapshots: 1 })
    .lean<Pick<Proposal, 'snapshots'>>()
    .exec();
  const snapshot = sample?.snapshots[0] ?? { filler: 'x'.repeat(2_000) };
  const scratch = db.collection<{ snapshot: unknown; n: number }>(uniqueName('bench_scratch'));
  const latenciesMs: number[] = [];
  const started = performance.now();
  await pool(
    Array.from({ length: count }, (_, n) => n),
    concurrency,
    async (n) => {
      const begin = performance.now();
      await scratch.insertOne({ snapshot, n });
      latenciesMs.push(performance.now() - begin);
    },
  );
  const durationMs = performance.now() - started;
  await scratch.drop().catch(() => undefined);
  return { documents: count, durationMs, latenciesMs };
}

export interface LatencySummary {
  readonly count: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank percentiles of `latenciesMs` and the rate over `durationMs`. */
export function summarise(latenciesMs: readonly number[], durationMs: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  return {
    count: sorted.length,
    perSecond: durationMs > 0 ? (sorted.length * 1000) / durationMs : 0,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.at(-1) ?? 0,
  };
}

/** Runs `work` over `items` with at most `concurrency` in flight. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

interface HttpAnswer {
  status: number;
  body: string;
}

function send(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  agent?: http.Agent,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${path}`,
      { method, headers, agent, timeout: 60_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${method} ${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

function errorCodeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : 'UNKNOWN';
  } catch {
    return 'UNPARSEABLE';
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
