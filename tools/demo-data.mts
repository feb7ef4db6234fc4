// Demo data for `npm start`, made only through the public HTTP APIs, as the people of an
// edition would make it: the secretariat publishes "KIPP <next year>" with its submission
// phase open, institutions get local admins, units and operators, units draft proposals
// that their local admins return or forward, and reviewers enrol. Safe to run again: every
// step looks first and does only what is missing.
//
//   node tools/demo-data.mts            against running services (npm start runs it itself)
//   KIPP_DEMO=false npm start           starts without demo data
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localRoot } from '../infra/local/paths.mts';
import {
  DEMO_INSTITUTIONS,
  DEMO_PASSWORD,
  DEMO_REVIEWERS,
  type DemoInstitution,
  type DemoPerson,
  type DemoProposal,
} from './demo/demo-plan.mts';
import { Api, eventually, HttpError, pdf, signIn, type Session } from './demo/portal-client.mts';
import { DEMO_NATIONAL_ADMIN } from './services.mts';

export interface DemoOptions {
  readonly registrationUrl?: string;
  readonly submissionsUrl?: string;
  readonly log?: (line: string) => void;
}

export interface DemoAccount {
  readonly userId: string;
  readonly role: string;
  readonly institution: string;
  readonly password: string;
  /** The authenticator secret the seeder enrolled (base32), null when the role needs none. */
  readonly totpSecret: string | null;
}

export interface DemoResult {
  readonly editionId: string;
  readonly editionName: string;
  /** `created` on a run that made or completed something, `present` when all was there. */
  readonly outcome: 'created' | 'present';
  readonly accounts: readonly DemoAccount[];
  readonly proposals: readonly { title: string; institution: string; status: string }[];
}

/** What must survive between runs: the authenticator secrets (the server keeps them sealed). */
interface DemoState {
  editionId?: string;
  complete?: boolean;
  totpSecrets: Record<string, string>;
}

// Beside the databases it describes, so `node tools/infra.mts reset` wipes both together.
const statePath = () => path.join(localRoot(), 'data', 'demo', 'state.json');

function readState(): DemoState {
  if (!existsSync(statePath())) return { totpSecrets: {} };
  return JSON.parse(readFileSync(statePath(), 'utf8')) as DemoState;
}

function writeState(state: DemoState): void {
  mkdirSync(path.dirname(statePath()), { recursive: true });
  writeFileSync(statePath(), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** The contract's example edition (TypeScript with extensionless imports, so through swc). */
function contractExampleEdition(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  const contract = require('../libs/contracts/src/registration/edition-configuration.ts') as {
    editionConfigurationExample: Record<string, unknown>;
  };
  return contract.editionConfigurationExample;
}

const DAY = 86_400_000;

/** Registration behind us, submission open now until 23:59:59 WIB in ~30 days, then the rest. */
function demoCalendar(now: Date): { phase: string; startsAt: string; endsAt: string }[] {
  const close = new Date(now.getTime() + 30 * DAY);
  close.setUTCHours(16, 59, 59, 0);
  const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY).toISOString();
  const later = [
    ['administrative-selection', 0, 7],
    ['desk-evaluation', 7, 21],
    ['panel-review', 21, 28],
    ['objection', 28, 33],
    ['interview', 33, 40],
    ['field-verification', 40, 47],
    ['plenary', 47, 49],
    ['results', 49, 60],
  ] as const;
  return [
    { phase: 'registration', startsAt: at(now, -14), endsAt: at(now, -1) },
    { phase: 'submission', startsAt: at(now, -1), endsAt: close.toISOString() },
    ...later.map(([phase, from, to]) => ({
      phase,
      startsAt: at(close, from),
      endsAt: at(close, to),
    })),
  ];
}

interface EditionView {
  editionId: string;
  status: 'draft' | 'published';
  currentPhase: string | null;
  configuration: { name: string; year: number };
}

interface ProposalView {
  proposalId: string;
  title: string;
  status: string;
  revision: number;
}

export async function seedDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`[demo] ${line}\n`));
  const registration = new Api(options.registrationUrl ?? 'http://127.0.0.1:3001');
  const submissions = new Api(options.submissionsUrl ?? 'http://127.0.0.1:3002');
  const state = readState();
  const year = new Date().getUTCFullYear() + 1;
  const editionName = `KIPP ${year}`;
  const accounts: DemoAccount[] = [];

  const enrolled = (userId: string) => (secret: string) => {
    state.totpSecrets[userId] = secret;
    writeState(state);
  };
  const record = (userId: string, role: string, institution: string) =>
    accounts.push({
      userId,
      role,
      institution,
      password: DEMO_PASSWORD,
      totpSecret: state.totpSecrets[userId] ?? null,
    });

  // The secretariat: the bootstrap admin on the first run, the demo password afterwards.
  const knownAdmin = DEMO_NATIONAL_ADMIN.userId in state.totpSecrets;
  const admin = await signIn(registration, DEMO_NATIONAL_ADMIN.userId, {
    passwords: knownAdmin
      ? [DEMO_PASSWORD, DEMO_NATIONAL_ADMIN.password]
      : [DEMO_NATIONAL_ADMIN.password, DEMO_PASSWORD],
    newPassword: DEMO_PASSWORD,
    totpSecret: state.totpSecrets[DEMO_NATIONAL_ADMIN.userId],
    onEnrolled: enrolled(DEMO_NATIONAL_ADMIN.userId),
  });
  record(DEMO_NATIONAL_ADMIN.userId, 'national_admin', 'KemenPAN-RB (Sekretariat)');
  const asAdmin = { headers: admin.headers };

  const edition = await ensureEdition();
  if (state.complete && state.editionId === edition.editionId) {
    log(`${editionName} is there already (${edition.editionId}); nothing to add`);
    return { ...(await summary(edition.editionId)), outcome: 'present' };
  }
  state.editionId = edition.editionId;
  state.complete = false;
  writeState(state);

  for (const institution of DEMO_INSTITUTIONS) await ensureInstitution(institution);
  for (const reviewer of DEMO_REVIEWERS) {
    const { userId, name, email, role, affiliation, homeProvinceCode, expertiseCategoryIds } =
      reviewer;
    await ensureAccount(reviewer, role, affiliation, {
      role,
      userId,
      name,
      email,
      locale: 'id',
      reviewerProfile: { affiliation, homeProvinceCode, expertiseCategoryIds },
    });
  }

  state.complete = true;
  writeState(state);
  return { ...(await summary(edition.editionId)), outcome: 'created' };

  async function ensureEdition(): Promise<EditionView> {
    const { editions } = await registration.call<{ editions: EditionView[] }>(
      'GET',
      `/editions?year=${year}`,
      asAdmin,
    );
    let found = editions.find((e) => e.configuration.year === year);
    if (found && found.configuration.name !== editionName) {
      throw new Error(
        `the year ${year} has an edition "${found.configuration.name}" that is not the demo's; ` +
          'run with KIPP_DEMO=false, or reset the local data (node tools/infra.mts reset)',
      );
    }
    if (!found) {
      const { editionId: _example, ...settings } = contractExampleEdition();
      const draft = await registration.call<{ editionId: string }>('POST', '/editions', {
        ...asAdmin,
        body: { ...settings, name: editionName, year, calendar: demoCalendar(new Date()) },
      });
      log(`created the draft ${editionName} (${draft.editionId}) from the contract's example`);
      found = await registration.call<EditionView>('GET', `/editions/${draft.editionId}`, asAdmin);
    }
    if (found.status === 'draft') {
      await registration.call('POST', `/editions/${found.editionId}/publication`, asAdmin);
      log(`published ${editionName}`);
    }
    const editionId = found.editionId;
    return eventually(async () => {
      const current = await registration.call<EditionView>(
        'GET',
        `/editions/${editionId}`,
        asAdmin,
      );
      if (current.currentPhase === null) throw new Error('the edition has no phase yet');
      return current;
    });
  }

  /** An account that exists and whose owner has signed in once with the demo password. */
  async function ensureAccount(
    person: DemoPerson,
    role: string,
    institution: string,
    provision: Record<string, unknown> | (() => Promise<string>),
  ): Promise<Session> {
    const existing = await findAccount(person.userId);
    let firstPassword: string | undefined;
    if (!existing) {
      firstPassword =
        typeof provision === 'function'
          ? await provision()
          : (
              await registration.call<{ initialPassword: string }>('POST', '/accounts', {
                ...asAdmin,
                body: provision,
              })
            ).initialPassword;
      log(`created ${role} ${person.userId}`);
    }
    const attempt = (passwords: string[]) =>
      signIn(registration, person.userId, {
        passwords,
        newPassword: DEMO_PASSWORD,
        totpSecret: state.totpSecrets[person.userId],
        onEnrolled: enrolled(person.userId),
      });
    let session: Session;
    if (firstPassword) {
      session = await attempt([firstPassword]);
    } else {
      try {
        session = await attempt([DEMO_PASSWORD]);
      } catch (error) {
        if (!existing || (error instanceof HttpError && error.status !== 401)) throw error;
        // Created by an earlier run that stopped before the first sign-in: a new first password.
        const reset = await registration.call<{ initialPassword: string }>(
          'POST',
          `/accounts/${existing.accountId}/password-reset`,
          asAdmin,
        );
        session = await attempt([reset.initialPassword]);
      }
    }
    record(person.userId, role, institution);
    return session;
  }

  async function findAccount(userId: string): Promise<{ accountId: string } | undefined> {
    const page = await registration.call<{ items: { accountId: string; userId: string }[] }>(
      'GET',
      `/accounts?q=${encodeURIComponent(userId)}`,
      asAdmin,
    );
    return page.items.find((a) => a.userId === userId);
  }

  async function institutionIdOf(institution: DemoInstitution): Promise<string> {
    if (institution.institutionId) {
      await registration.call('GET', `/institutions/${institution.institutionId}`, asAdmin);
      return institution.institutionId;
    }
    const ministry = institution.ministry!;
    const found = await registration.call<{ items: { institutionId: string; code: string }[] }>(
      'GET',
      `/institutions?q=${encodeURIComponent(ministry.code)}&type=ministry`,
      asAdmin,
    );
    const known = found.items.find((i) => i.code === ministry.code);
    if (known) return known.institutionId;
    const created = await registration.call<{ institutionId: string }>('POST', '/institutions', {
      ...asAdmin,
      body: { code: ministry.code, name: ministry.name, type: 'ministry' },
    });
    log(`registered ${ministry.name}`);
    return created.institutionId;
  }

  async function ensureInstitution(institution: DemoInstitution): Promise<void> {
    const institutionId = await institutionIdOf(institution);
    const { localAdmin: person, label } = institution;
    const localAdmin = await ensureAccount(
      person,
      'local_admin',
      label,
      institution.localAdminVia === 'direct'
        ? { role: 'local_admin', ...person, locale: 'id', institutionId }
        : () => requestLocalAdmin(institutionId, person),
    );

    const { items: units } = await registration.call<{
      items: { unitId: string; name: string }[];
    }>('GET', `/institutions/${institutionId}/units`, { headers: localAdmin.headers });
    const unitId =
      units.find((u) => u.name === institution.unit)?.unitId ??
      (
        await registration.call<{ unitId: string }>(
          'POST',
          `/institutions/${institutionId}/units`,
          {
            headers: localAdmin.headers,
            body: { name: institution.unit },
          },
        )
      ).unitId;

    const operator = await ensureAccount(institution.operator, 'unit_operator', label, async () => {
      const created = await registration.call<{ initialPassword: string }>('POST', '/accounts', {
        headers: localAdmin.headers,
        body: {
          role: 'unit_operator',
          ...institution.operator,
          locale: 'id',
          institutionId,
          unitId,
        },
      });
      return created.initialPassword;
    });

    for (const proposal of institution.proposals) {
      await ensureProposal(proposal, operator, localAdmin, label);
    }
  }

  /** The institution asks in the app with its appointment letter; the secretariat approves. */
  async function requestLocalAdmin(institutionId: string, person: DemoPerson): Promise<string> {
    const form = new FormData();
    form.set('institutionId', institutionId);
    form.set('candidateName', person.name);
    form.set('candidateEmail', person.email);
    form.set('candidateUserId', person.userId);
    form.set('locale', 'id');
    const letter = pdf([
      'Surat Penunjukan Admin Lokal KIPP (DEMO)',
      `Menunjuk ${person.name} (${person.userId}) sebagai admin lokal.`,
    ]);
    form.set('letter', new Blob([letter], { type: 'application/pdf' }), 'surat-penunjukan.pdf');
    const { requestId } = await registration.call<{ requestId: string }>(
      'POST',
      '/local-admin-requests',
      { form },
    );
    const decided = await registration.call<{ initialPassword: string }>(
      'POST',
      `/local-admin-requests/${requestId}/decision`,
      { ...asAdmin, body: { decision: 'approved', reason: null } },
    );
    log(`approved the local admin request of ${person.userId}`);
    return decided.initialPassword;
  }

  async function ensureProposal(
    spec: DemoProposal,
    operator: Session,
    localAdmin: Session,
    institution: string,
  ): Promise<void> {
    const asUnit = { headers: operator.headers };
    const mine = await eventually(() =>
      submissions.call<{ items: ProposalView[] }>(
        'GET',
        `/proposals?editionId=${edition.editionId}`,
        asUnit,
      ),
    );
    let proposal = mine.items.find((p) => p.title === spec.title);
    if (!proposal) {
      // Submissions learns the edition, its phase and the institution from events: retry.
      const draft = await eventually(
        () =>
          submissions.call<ProposalView>('POST', '/proposals', {
            ...asUnit,
            body: {
              editionId: edition.editionId,
              groupId: 'general',
              categoryId: spec.categoryId,
              title: spec.title,
            },
          }),
        { timeoutMs: 120_000, intervalMs: 1_000 },
      );
      const sections = [{ sectionId: 'summary', text: spec.summary }];
      if (spec.idea) sections.push({ sectionId: 'innovative-idea', text: spec.idea });
      proposal = await submissions.call<ProposalView>('PUT', `/proposals/${draft.proposalId}`, {
        ...asUnit,
        body: {
          revision: draft.revision,
          innovationStartDate: '2024-01-15',
          sdgTargets: [spec.categoryId === 'health' ? '3.8' : '16.6'],
          sections,
        },
      });
      log(`${institution}: drafted "${spec.title}"`);
    }
    const id = proposal.proposalId;
    if (spec.target === 'draft') return;

    if (
      proposal.status === 'draft' ||
      (proposal.status === 'returned' && spec.target !== 'returned')
    ) {
      const file = pdf([
        `Standar Pelayanan (DEMO): ${spec.title}`,
        institution,
        'Dokumen contoh yang dibuat oleh data demo KIPP.',
      ]);
      const form = new FormData();
      form.set('file', new Blob([file], { type: 'application/pdf' }), 'standar-pelayanan.pdf');
      await submissions.call('POST', `/proposals/${id}/evidence/service-standard`, {
        ...asUnit,
        form,
      });
      const current = await submissions.call<ProposalView>('GET', `/proposals/${id}`, asUnit);
      await submissions.call('POST', `/proposals/${id}/integrity-declaration`, {
        ...asUnit,
        body: { revision: current.revision },
      });
      await submissions.call('POST', `/proposals/${id}/submit`, asUnit);
      proposal = { ...proposal, status: 'submitted' };
      log(`${institution}: submitted "${spec.title}" to the local admin`);
    }
    if (proposal.status !== 'submitted' || spec.target === 'submitted') return;
    const asLocalAdmin = { headers: localAdmin.headers };
    if (spec.target === 'returned') {
      await submissions.call('POST', `/proposals/${id}/return`, {
        ...asLocalAdmin,
        body: { comment: spec.returnComment ?? 'Mohon dilengkapi.' },
      });
      log(`${institution}: returned "${spec.title}" with a comment`);
    } else {
      await submissions.call('POST', `/proposals/${id}/forward`, asLocalAdmin);
      log(`${institution}: forwarded "${spec.title}" to the ministry`);
    }
  }

  /** Accounts of this run, plus the proposals the ministry and each unit see. */
  async function summary(editionId: string): Promise<Omit<DemoResult, 'outcome'>> {
    if (accounts.length === 1) {
      for (const institution of DEMO_INSTITUTIONS) {
        record(institution.localAdmin.userId, 'local_admin', institution.label);
        record(institution.operator.userId, 'unit_operator', institution.label);
      }
      for (const reviewer of DEMO_REVIEWERS) {
        record(reviewer.userId, reviewer.role, reviewer.affiliation);
      }
    }
    const forwarded = await submissions.call<{ items: ProposalView[] }>(
      'GET',
      `/proposals?editionId=${editionId}&status=forwarded`,
      asAdmin,
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
    return { editionId, editionName, accounts, proposals };
  }
}

/** The demo accounts as one table, for a person to sign in with. */
export function demoTable(result: DemoResult): string {
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
    `demo data: ${result.editionName} (${result.editionId}), submission open; ` +
      (result.outcome === 'created' ? 'created or completed now' : 'already there'),
    ...result.proposals.map(
      (p) => `  proposal  ${p.status.padEnd(9)} ${p.title} (${p.institution})`,
    ),
    'demo accounts (DEMO ONLY: fixed password; the seeder enrolled the authenticators, add the',
    'secret to an authenticator app as a TOTP key, SHA-1, 6 digits, 30 s):',
    line(header),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.map(line),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  seedDemo()
    .then((result) => process.stdout.write(`${demoTable(result)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(
        `[demo] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
}
