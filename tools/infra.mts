// Command line of the local infrastructure (Kafka, MongoDB-wire database, Redis).
// The work is done by infra/local/infra.mts; see infra/README.md.
//
//   node tools/infra.mts up [kafka|mongo|redis ...]
//   node tools/infra.mts down [component ...]
//   node tools/infra.mts status
//   node tools/infra.mts start|stop|restart <component>
//   node tools/infra.mts topics
//   node tools/infra.mts reset
//   node tools/infra.mts env
import {
  COMPONENTS,
  createTopics,
  down,
  envVars,
  InfraError,
  isComponent,
  locations,
  reset,
  restart,
  start,
  status,
  stop,
  up,
  type Component,
} from '../infra/local/infra.mts';

// kafkajs 2.2.4 (the topic admin client) schedules a timer with a negative delay on every
// connection (kafkajs issue #1751, harmless); keep that one warning out of the output.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
  const type =
    typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
  if (type === 'TimeoutNegativeWarning') return;
  Reflect.apply(emitWarning, undefined, [warning, ...rest]);
};

const USAGE = `usage: node tools/infra.mts <command> [component ...]

  up [component ...]     provision what is missing, start, wait until ready, create Kafka topics
  down [component ...]   stop what up started (by recorded PID) and remove the pid files
  status                 running/stopped, pid, address, memory of each component
  start <component>      start one component (like up <component>)
  stop <component>       stop one component; its data stays
  restart <component>    stop + start; data survives
  topics [--prefix P]    create/converge the topics of libs/contracts/topics.json (names prefixed with P)
  reset                  down + delete the data folders
  env                    print KAFKA_BROKERS, MONGO_URI, REDIS_URL as KEY=value lines

components: ${COMPONENTS.join(', ')} (default: all)
state: $KIPP_LOCAL_DIR or <repo>/.local; cache: \${XDG_CACHE_HOME:-~/.cache}/kipp-platform`;

function components(args: string[]): Component[] {
  const bad = args.filter((a) => !isComponent(a));
  if (bad.length > 0) throw new InfraError(`unknown component(s): ${bad.join(', ')}\n\n${USAGE}`);
  return args as Component[];
}

function one(command: string, args: string[]): Component {
  const list = components(args);
  if (list.length !== 1)
    throw new InfraError(`${command} needs exactly one component (${COMPONENTS.join('|')})`);
  return list[0] as Component;
}

function printEnv(prefix = ''): void {
  for (const [k, v] of Object.entries(envVars())) process.stdout.write(`${prefix}${k}=${v}\n`);
}

async function printStatus(): Promise<void> {
  const rows = await status();
  const lines = rows.map((r) => {
    const pid = r.pid !== undefined ? `pid ${r.pid}` : '-';
    const mem = r.rssKiB !== undefined ? `${Math.round(r.rssKiB / 1024)} MB` : '';
    const engine = r.engine ? ` (${r.engine})` : '';
    return [r.name.padEnd(6), r.state.padEnd(9), pid.padEnd(11), r.address + engine, mem]
      .join('  ')
      .trimEnd();
  });
  process.stdout.write(`${lines.join('\n')}\nstate: ${locations().localRoot}\n`);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'up':
      await up(components(args));
      printEnv('[infra]   ');
      return 0;
    case 'down':
      await down(components(args));
      return 0;
    case 'start':
      await start(one(command, args));
      return 0;
    case 'stop':
      await stop(one(command, args));
      return 0;
    case 'restart':
      await restart(one(command, args));
      return 0;
    case 'topics': {
      const i = args.indexOf('--prefix');
      const prefix = i >= 0 ? args[i + 1] : undefined;
      if (i >= 0 && !prefix) throw new InfraError('--prefix needs a value');
      await createTopics(prefix ? { prefix } : {});
      return 0;
    }
    case 'reset':
      await reset();
      return 0;
    case 'status':
      await printStatus();
      return 0;
    case 'env':
      printEnv();
      return 0;
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}\n`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof InfraError) {
    process.stderr.write(`[infra] FAILED: ${err.message}\n`);
    if (err.logTail) process.stderr.write(`${err.logTail}\n`);
  } else {
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`[infra] FAILED: ${detail}\n`);
  }
  process.exitCode = 1;
}
