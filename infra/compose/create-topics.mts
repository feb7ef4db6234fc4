// Topic-init job of docker-compose.yml: creates the topics of libs/contracts/topics.json
// on $KAFKA_BROKERS with the same code as `node tools/infra.mts up` (infra/local/topics.mts).
import { ensureTopics } from '../local/topics.mts';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const prefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
const log = (line: string): void => void process.stdout.write(`[topic-init] ${line}\n`);

try {
  const r = await ensureTopics(brokers, log, { prefix });
  log(
    `${brokers}: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} already present`,
  );
} catch (err) {
  process.stderr.write(`[topic-init] FAILED on ${brokers}: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
