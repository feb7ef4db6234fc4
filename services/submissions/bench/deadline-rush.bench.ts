/**
 * The deadline rush benchmark: many local admins forwarding in the last minutes before the
 * hard close, side by side with the raw MongoDB insert rate measured in the same run.
 *
 *   node -r @swc-node/register services/submissions/bench/deadline-rush.bench.ts \
 *     [--institutions 300] [--proposals 2] [--concurrency 64] [--close-in-minutes 5]
 *
 * Needs the local infrastructure (`node tools/infra.mts up`). Uses 127.0.0.1 only, a database
 * and topics of its own which it drops at the end; writes bench-results/deadline-rush.json;
 * exits non-zero when any acknowledged forward is lost.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  fireRush,
  lostCount,
  measureInsertBaseline,
  publishRushEdition,
  seedSubmittedProposals,
  startRushEnvironment,
  summarise,
  verifyRush,
  type LatencySummary,
} from './deadline-rush';

const LIMITS = { institutions: 5_000, proposals: 20, concurrency: 512, closeInMinutes: 60 };

function integer(value: string | undefined, fallback: number, max: number, name: string): number {
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max) {
    throw new Error(`--${name} must be an integer from 1 to ${String(max)}`);
  }
  return parsed;
}

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

const ms = (value: number): string => value.toFixed(1).padStart(9);

function row(name: string, s: LatencySummary): string {
  return `${name.padEnd(22)}${String(s.count).padStart(7)}${s.perSecond.toFixed(1).padStart(10)}${ms(s.p50)}${ms(s.p95)}${ms(s.p99)}${ms(s.max)}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      institutions: { type: 'string' },
      proposals: { type: 'string' },
      concurrency: { type: 'string' },
      'close-in-minutes': { type: 'string' },
    },
  });
  const institutions = integer(values.institutions, 300, LIMITS.institutions, 'institutions');
  const perInstitution = integer(values.proposals, 2, LIMITS.proposals, 'proposals');
  const concurrency = integer(values.concurrency, 64, LIMITS.concurrency, 'concurrency');
  const closeInMinutes = integer(
    values['close-in-minutes'],
    5,
    LIMITS.closeInMinutes,
    'close-in-minutes',
  );

  out(
    `deadline rush: ${String(institutions)} institutions × ${String(perInstitution)} proposals, concurrency ${String(concurrency)}`,
  );
  const env = await startRushEnvironment();
  try {
    const closesAt = new Date(Date.now() + closeInMinutes * 60_000);
    const editionId = await publishRushEdition(env, closesAt, perInstitution);
    const seedStart = performance.now();
    const targets = await seedSubmittedProposals(env, editionId, institutions, perInstitution);
    out(
      `seeded ${String(targets.length)} submitted proposals in ${(performance.now() - seedStart).toFixed(0)} ms; close at ${closesAt.toISOString()}`,
    );

    const rushStart = performance.now();
    const results = await fireRush(env, targets, { concurrency });
    const rushMs = performance.now() - rushStart;
    if (Date.now() >= closesAt.getTime()) {
      out('warning: the rush ran past the close; raise --close-in-minutes');
    }
    out('rush done; checking the database and the broker for every acknowledged forward…');
    const report = await verifyRush(env, results, 120_000);
    const baseline = await measureInsertBaseline(env, targets.length, concurrency);

    const forwards = summarise(
      results.filter((r) => r.status === 200).map((r) => r.latencyMs),
      rushMs,
    );
    const allRequests = summarise(
      results.map((r) => r.latencyMs),
      rushMs,
    );
    const inserts = summarise(baseline.latenciesMs, baseline.durationMs);
    const errors: Record<string, number> = {};
    for (const r of results) {
      const key = r.status === 200 ? '200' : `${String(r.status)} ${r.code ?? ''}`.trim();
      errors[key] = (errors[key] ?? 0) + 1;
    }

    out();
    out(
      `${'ms'.padEnd(22)}${'count'.padStart(7)}${'per s'.padStart(10)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}`,
    );
    out(row('forward 200 (HTTP)', forwards));
    out(row('all requests (HTTP)', allRequests));
    out(row('raw insertOne (driver)', inserts));
    out();
    out(
      `statuses: ${Object.entries(errors)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join(', ')}`,
    );
    const lost = lostCount(report);
    out(
      lost === 0
        ? `lost = 0 (${String(report.acknowledged)} acknowledged forwards in the database and once on the broker)`
        : `LOST ${String(lost)}: ${JSON.stringify(report)}`,
    );

    await mkdir('bench-results', { recursive: true });
    await writeFile(
      'bench-results/deadline-rush.json',
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          parameters: { institutions, perInstitution, concurrency, closeInMinutes },
          rushDurationMs: rushMs,
          forwards,
          allRequests,
          statuses: errors,
          baseline: { ...inserts, durationMs: baseline.durationMs },
          loss: { lost, ...report },
        },
        null,
        2,
      )}\n`,
    );
    out('written bench-results/deadline-rush.json');
    return lost === 0 ? 0 : 1;
  } finally {
    await env.dispose();
  }
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
