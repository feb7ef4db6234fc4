// Creates the Kafka topics declared in libs/contracts/topics.json, idempotently, in one
// Node process over the Kafka protocol (kafkajs admin client from node_modules) rather
// than one JVM per TopicCommand run. Existing topics are converged too: partitions are
// added when the file asks for more, and retention.ms / cleanup.policy are corrected.
import fs from 'node:fs';
import kafkajs from 'kafkajs';
import { TOPICS_FILE } from './paths.mts';
import { InfraError, type Log } from './proc.mts';

export interface TopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
  cleanupPolicy: string;
}

interface TopicsFile {
  defaults?: Partial<Omit<TopicSpec, 'name'>>;
  topics?: Array<Partial<TopicSpec> & { name: string }>;
}

/** The declared topics with defaults applied. retentionMs -1 = keep forever. */
export function readTopics(file: string = TOPICS_FILE): TopicSpec[] {
  let parsed: TopicsFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as TopicsFile;
  } catch (err) {
    throw new InfraError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const d = parsed.defaults ?? {};
  return (parsed.topics ?? []).map((t) => {
    const spec: TopicSpec = {
      name: t.name,
      partitions: t.partitions ?? d.partitions ?? 1,
      retentionMs: t.retentionMs ?? d.retentionMs ?? 604_800_000,
      cleanupPolicy: t.cleanupPolicy ?? d.cleanupPolicy ?? 'delete',
    };
    if (!spec.name || !Number.isInteger(spec.partitions) || spec.partitions < 1) {
      throw new InfraError(`${file}: invalid topic entry ${JSON.stringify(t)}`);
    }
    return spec;
  });
}

function configEntries(t: TopicSpec): Array<{ name: string; value: string }> {
  return [
    { name: 'retention.ms', value: String(t.retentionMs) },
    { name: 'cleanup.policy', value: t.cleanupPolicy },
  ];
}

export interface TopicsResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

export interface EnsureTopicsOptions {
  /** Defaults to libs/contracts/topics.json. */
  file?: string;
  /** Prepended to every topic name (the services' KAFKA_TOPIC_PREFIX), e.g. for isolated test runs. */
  prefix?: string;
}

/**
 * Creates the missing topics and converges the existing ones. Needs a reachable broker.
 * A broker that has just started may not have elected every new partition's leader when
 * kafkajs checks (UNKNOWN_TOPIC_OR_PARTITION): the whole step is idempotent, so it is
 * simply run again.
 */
export async function ensureTopics(
  brokers: string,
  log: Log,
  options: EnsureTopicsOptions = {},
): Promise<TopicsResult> {
  const attempts = 4;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ensureTopicsOnce(brokers, log, options);
    } catch (error) {
      if (attempt >= attempts) throw error;
      log(
        `kafka: topic step failed (${(error as Error).message}); trying again (${attempt}/${attempts - 1})`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

async function ensureTopicsOnce(
  brokers: string,
  log: Log,
  options: EnsureTopicsOptions,
): Promise<TopicsResult> {
  const prefix = options.prefix ?? '';
  const wanted = readTopics(options.file ?? TOPICS_FILE).map((t) => ({
    ...t,
    name: `${prefix}${t.name}`,
  }));
  const result: TopicsResult = { created: [], updated: [], unchanged: [] };
  if (wanted.length === 0) return result;

  const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;
  const client = new Kafka({
    clientId: 'kipp-infra',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 3000 },
  });
  const admin = client.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        timeout: 30_000,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: configEntries(t),
        })),
      });
      result.created.push(...missing.map((t) => t.name));
    }

    const present = wanted.filter((t) => existing.has(t.name));
    if (present.length > 0) {
      const meta = await admin.fetchTopicMetadata({ topics: present.map((t) => t.name) });
      const partitionCount = new Map(meta.topics.map((m) => [m.name, m.partitions.length]));
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: present.map((t) => ({
          type: ConfigResourceTypes.TOPIC,
          name: t.name,
          configNames: ['retention.ms', 'cleanup.policy'],
        })),
      });
      const current = new Map(
        configs.resources.map((r) => [
          r.resourceName,
          new Map(r.configEntries.map((e) => [e.configName, e.configValue])),
        ]),
      );
      const grow: Array<{ topic: string; count: number }> = [];
      const alter: TopicSpec[] = [];
      for (const t of present) {
        const have = partitionCount.get(t.name) ?? 0;
        if (have < t.partitions) grow.push({ topic: t.name, count: t.partitions });
        else if (have > t.partitions) {
          log(
            `topic ${t.name} has ${have} partitions, more than the ${t.partitions} declared (Kafka cannot shrink; reset to recreate)`,
          );
        }
        const cfg = current.get(t.name);
        const retention = cfg?.get('retention.ms');
        const policy = cfg?.get('cleanup.policy');
        if (retention !== String(t.retentionMs) || policy !== t.cleanupPolicy) alter.push(t);
      }
      if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
      if (alter.length > 0) {
        await admin.alterConfigs({
          validateOnly: false,
          resources: alter.map((t) => ({
            type: ConfigResourceTypes.TOPIC,
            name: t.name,
            configEntries: configEntries(t),
          })),
        });
      }
      const changed = new Set([...grow.map((g) => g.topic), ...alter.map((t) => t.name)]);
      for (const t of present)
        (changed.has(t.name) ? result.updated : result.unchanged).push(t.name);
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  return result;
}
