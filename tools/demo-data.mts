// Demo data for `npm start`, made only through the services' public HTTP APIs, as the people
// of the competition would make it in the portal:
//   - the past edition (KIPP <year>), walked through every stage to its results: selection,
//     desk scores, finalists, a public objection, interviews, panel scores, awards and
//     certificates; its calendar then set to its real dates;
//   - after the awards: the winners in the public database, replications (counter-signed,
//     disputed, waiting), study visits and the first sustainability check-ins;
//   - the edition in progress (KIPP <year + 1>), submission open, with proposals left with
//     the unit, with the local admin, returned and forwarded;
//   - an account for every role, each past its first sign-in.
// Safe to run again: every step looks first and does only what is missing.
//
//   node tools/demo-data.mts            against running services (npm start runs it itself);
//                                       REGISTRATION_URL, SUBMISSIONS_URL, EVALUATION_URL and
//                                       REPLICATION_URL point it elsewhere
//   KIPP_DEMO=false npm start           starts without demo data
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { liveOn, publishedInnovations } from './demo/after-award.mts';
import {
  readState,
  rememberSecret,
  writeState,
  type DemoAccount,
  type DemoApis,
  type DemoContext,
  type DemoWinner,
} from './demo/demo-context.mts';
import {
  DEMO_INSTITUTIONS,
  DEMO_PASSWORD,
  DEMO_REVIEWERS,
  PAST_STAGE_SIZES,
} from './demo/demo-plan.mts';
import { demoYears, ensureEdition, exampleEdition, openCalendar } from './demo/editions.mts';
import { walkPastEdition, type ForwardedPast, type Reviewer } from './demo/past-edition.mts';
import { ensureInstitution, ensureReviewer, type InstitutionPeople } from './demo/people.mts';
import { Api, signIn } from './demo/portal-client.mts';
import { ensureProposal } from './demo/proposals.mts';
import { DEMO_NATIONAL_ADMIN } from './services.mts';

export type { DemoAccount, DemoWinner } from './demo/demo-context.mts';

type ServiceUrls = Record<keyof DemoApis, string>;

export interface DemoOptions {
  readonly urls?: Partial<ServiceUrls>;
  readonly log?: (line: string) => void;
}

export interface DemoResult {
  /** `created` on a run that made or completed something, `present` when all was there. */
  readonly outcome: 'created' | 'present';
  readonly current: { readonly editionId: string; readonly name: string };
  readonly past: { readonly editionId: string; readonly name: string };
  readonly accounts: readonly DemoAccount[];
  readonly proposals: readonly { title: string; institution: string; status: string }[];
  readonly winners: readonly DemoWinner[];
}

const DEFAULT_URLS: ServiceUrls = {
  registration: 'http://127.0.0.1:3001',
  submissions: 'http://127.0.0.1:3002',
  evaluation: 'http://127.0.0.1:3003',
  replication: 'http://127.0.0.1:3004',
};

const TIER_ORDER = ['outstanding', 'top', 'replication-top', 'finalist'];

export async function seedDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => process.stdout.write(`[demo] ${line}\n`));
  const urls = { ...DEFAULT_URLS, ...options.urls };
  const api: DemoApis = {
    registration: new Api(urls.registration),
    submissions: new Api(urls.submissions),
    evaluation: new Api(urls.evaluation),
    replication: new Api(urls.replication),
  };
  const state = readState();

  // The secretariat: the bootstrap admin on the first run, the demo password afterwards.
  const knownAdmin = DEMO_NATIONAL_ADMIN.userId in state.totpSecrets;
  const admin = await signIn(api.registration, DEMO_NATIONAL_ADMIN.userId, {
    passwords: knownAdmin
      ? [DEMO_PASSWORD, DEMO_NATIONAL_ADMIN.password]
      : [DEMO_NATIONAL_ADMIN.password, DEMO_PASSWORD],
    newPassword: DEMO_PASSWORD,
    totpSecret: state.totpSecrets[DEMO_NATIONAL_ADMIN.userId],
    onEnrolled: rememberSecret(state, DEMO_NATIONAL_ADMIN.userId),
  });
  const ctx: DemoContext = { api, admin, state, log };

  const now = new Date();
  const years = demoYears(now);
  const example = exampleEdition();
  const current = await ensureEdition(ctx, years.current, { calendar: openCalendar(now) });
  const past = await ensureEdition(ctx, years.past, {
    calendar: openCalendar(now),
    stageSizes: PAST_STAGE_SIZES,
    evaluatorsPerProposal: 2,
    evaluation: {
      ...(example['evaluation'] as Record<string, unknown>),
      representation: [
        { dimension: 'category', value: null, min: 1, max: null },
        { dimension: 'institution', value: null, min: null, max: 2 },
      ],
    },
  });
  const editions = {
    current: { editionId: current.editionId, name: current.configuration.name },
    past: { editionId: past.editionId, name: past.configuration.name },
  };
  const done = state.completed;
  if (done?.editionIds.includes(current.editionId) && done.editionIds.includes(past.editionId)) {
    log(`${editions.past.name} and ${editions.current.name} are there already; nothing to add`);
    return {
      outcome: 'present',
      ...editions,
      accounts: demoAccounts(state.totpSecrets),
      proposals: await currentProposals(ctx, current.editionId),
      winners: done.winners,
    };
  }

  const people = new Map<string, InstitutionPeople>();
  for (const institution of DEMO_INSTITUTIONS) {
    people.set(institution.label, await ensureInstitution(ctx, institution));
  }
  const reviewers: Reviewer[] = [];
  for (const spec of DEMO_REVIEWERS) {
    reviewers.push({ spec, session: await ensureReviewer(ctx, spec) });
  }

  // The past edition: its proposals forwarded (one withdrawn), then every stage to results.
  const forwarded: ForwardedPast[] = [];
  for (const institution of DEMO_INSTITUTIONS) {
    const institutionPeople = people.get(institution.label)!;
    for (const spec of institution.pastProposals) {
      const proposal = await ensureProposal(
        ctx,
        past.editionId,
        { ...spec, target: spec.fate.kind === 'withdrawn' ? 'withdrawn' : 'forwarded' },
        institutionPeople,
      );
      forwarded.push({ proposalId: proposal.proposalId, spec, people: institutionPeople });
    }
  }
  const certificates = await walkPastEdition(ctx, past, forwarded, reviewers);
  const finalists = forwarded.filter((p) => p.spec.fate.kind === 'scored' && p.spec.fate.panel);
  const innovations = await publishedInnovations(
    ctx,
    years.past,
    finalists.map((p) => p.spec.title),
  );
  await liveOn(ctx, innovations, people);

  // The edition in progress, submission open.
  for (const institution of DEMO_INSTITUTIONS) {
    for (const spec of institution.proposals) {
      const source = innovations.find((i) => i.title === spec.sourceTitle);
      await ensureProposal(
        ctx,
        current.editionId,
        { ...spec, ...(source ? { sourceInnovationIds: [source.innovationId] } : {}) },
        people.get(institution.label)!,
      );
    }
  }

  const winners = certificates
    .map((certificate) => {
      const proposal = forwarded.find((p) => p.proposalId === certificate.proposalId);
      return {
        title: proposal?.spec.title ?? certificate.proposalId,
        institution: proposal?.people.label ?? certificate.proposalId,
        tier: certificate.tier,
        verificationCode: certificate.verificationCode,
      };
    })
    .sort(
      (a, b) =>
        TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || a.title.localeCompare(b.title),
    );
  state.completed = { editionIds: [current.editionId, past.editionId], winners };
  writeState(state);
  log(`demo data ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    outcome: 'created',
    ...editions,
    accounts: demoAccounts(state.totpSecrets),
    proposals: await currentProposals(ctx, current.editionId),
    winners,
  };
}

/** Every demo account, with the authenticator secret the seeder enrolled where one is needed. */
function demoAccounts(secrets: Readonly<Record<string, string>>): DemoAccount[] {
  const account = (userId: string, role: string, institution: string): DemoAccount => ({
    userId,
    role,
    institution,
    password: DEMO_PASSWORD,
    totpSecret: secrets[userId] ?? null,
  });
  return [
    account(DEMO_NATIONAL_ADMIN.userId, 'national_admin', 'KemenPAN-RB (Sekretariat)'),
    ...DEMO_INSTITUTIONS.flatMap((institution) => [
      account(institution.localAdmin.userId, 'local_admin', institution.label),
      account(institution.operator.userId, 'unit_operator', institution.label),
    ]),
    ...DEMO_REVIEWERS.map((reviewer) =>
      account(reviewer.userId, reviewer.role, reviewer.affiliation),
    ),
  ];
}

/** The proposals of the edition in progress as planned, checked against what the ministry sees. */
async function currentProposals(
  ctx: DemoContext,
  editionId: string,
): Promise<DemoResult['proposals']> {
  const forwarded = await ctx.api.submissions.call<{ items: { title: string }[] }>(
    'GET',
    `/proposals?editionId=${editionId}&status=forwarded`,
    { as: ctx.admin },
  );
  const proposals = DEMO_INSTITUTIONS.flatMap((institution) =>
    institution.proposals.map((p) => ({
      title: p.title,
      institution: institution.label,
      status: p.target,
    })),
  );
  const missing = proposals.filter(
    (p) => p.status === 'forwarded' && !forwarded.items.some((f) => f.title === p.title),
  );
  if (missing.length > 0) {
    throw new Error(`the ministry does not see ${missing.map((p) => p.title).join(', ')}`);
  }
  return proposals;
}

/** The demo as a person reads it at start-up: editions, winners, proposals, accounts. */
export function demoTable(result: DemoResult, portalUrl = 'http://127.0.0.1:3000'): string {
  const header = ['user id', 'role', 'institution', 'password', 'TOTP secret (authenticator)'];
  const rows = result.accounts.map((a) => [
    a.userId,
    a.role,
    a.institution,
    a.password,
    a.totpSecret ?? '— (not required for this role)',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join(' │ ')
      .trimEnd();
  return [
    `demo data (${result.outcome === 'created' ? 'created or completed now' : 'already there'}):`,
    `  ${result.past.name} (${result.past.editionId}): results published; winners and their certificates`,
    ...result.winners.map(
      (w) =>
        `    ${w.tier.padEnd(11)} ${w.title} (${w.institution}) — verify: ${portalUrl}/verify/${w.verificationCode}`,
    ),
    `  ${result.current.name} (${result.current.editionId}): submission open`,
    ...result.proposals.map(
      (p) => `    proposal  ${p.status.padEnd(9)} ${p.title} (${p.institution})`,
    ),
    'demo accounts (DEMO ONLY: fixed password; the seeder enrolled the authenticators, add the',
    'secret to an authenticator app as a TOTP key, SHA-1, 6 digits, 30 s):',
    line(header),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map(line),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const fromEnv = (name: string) => process.env[name] || undefined;
  const urls: Partial<Record<keyof ServiceUrls, string>> = {};
  for (const service of Object.keys(DEFAULT_URLS) as (keyof ServiceUrls)[]) {
    const url = fromEnv(`${service.toUpperCase()}_URL`);
    if (url) urls[service] = url;
  }
  seedDemo({ urls })
    .then((result) => process.stdout.write(`${demoTable(result, fromEnv('PORTAL_URL'))}\n`))
    .catch((error: unknown) => {
      process.stderr.write(
        `[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
}
