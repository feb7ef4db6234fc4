// The demo's people: each institution's local admin (by the in-app request or provisioned
// by the secretariat), its unit and unit operator, and the reviewers. Every account has
// done its first sign-in with the demo password (and an authenticator where the role needs
// one), so the printed table is all a person needs.
import { rememberSecret, type DemoContext } from './demo-context.mts';
import {
  DEMO_PASSWORD,
  type DemoInstitution,
  type DemoPerson,
  type DemoReviewer,
} from './demo-plan.mts';
import { HttpError, pdf, signIn, type Session } from './portal-client.mts';

/** An institution with its people signed in. */
export interface InstitutionPeople {
  readonly label: string;
  readonly institutionId: string;
  readonly localAdmin: Session;
  readonly operator: Session;
}

export async function ensureInstitution(
  ctx: DemoContext,
  institution: DemoInstitution,
): Promise<InstitutionPeople> {
  const { registration } = ctx.api;
  const institutionId = await institutionIdOf(ctx, institution);
  const { localAdmin: person, label } = institution;
  const localAdmin = await ensureAccount(
    ctx,
    person,
    'local_admin',
    institution.localAdminVia === 'direct'
      ? { role: 'local_admin', ...person, locale: 'id', institutionId }
      : () => requestLocalAdmin(ctx, institutionId, person),
  );

  const { items: units } = await registration.call<{
    items: { unitId: string; name: string }[];
  }>('GET', `/institutions/${institutionId}/units`, { as: localAdmin });
  const unitId =
    units.find((u) => u.name === institution.unit)?.unitId ??
    (
      await registration.call<{ unitId: string }>('POST', `/institutions/${institutionId}/units`, {
        as: localAdmin,
        body: { name: institution.unit },
      })
    ).unitId;

  const operator = await ensureAccount(ctx, institution.operator, 'unit_operator', async () => {
    const created = await registration.call<{ initialPassword: string }>('POST', '/accounts', {
      as: localAdmin,
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
  return { label, institutionId, localAdmin, operator };
}

export function ensureReviewer(ctx: DemoContext, reviewer: DemoReviewer): Promise<Session> {
  const { userId, name, email, role, affiliation, homeProvinceCode, expertiseCategoryIds } =
    reviewer;
  return ensureAccount(ctx, reviewer, role, {
    role,
    userId,
    name,
    email,
    locale: 'id',
    reviewerProfile: { affiliation, homeProvinceCode, expertiseCategoryIds },
  });
}

/** An account that exists and whose owner has signed in once with the demo password. */
async function ensureAccount(
  ctx: DemoContext,
  person: DemoPerson,
  role: string,
  provision: Record<string, unknown> | (() => Promise<string>),
): Promise<Session> {
  const { registration } = ctx.api;
  const existing = await findAccount(ctx, person.userId);
  let firstPassword: string | undefined;
  if (!existing) {
    firstPassword =
      typeof provision === 'function'
        ? await provision()
        : (
            await registration.call<{ initialPassword: string }>('POST', '/accounts', {
              as: ctx.admin,
              body: provision,
            })
          ).initialPassword;
    ctx.log(`created ${role} ${person.userId}`);
  }
  const attempt = (passwords: string[]) =>
    signIn(registration, person.userId, {
      passwords,
      newPassword: DEMO_PASSWORD,
      totpSecret: ctx.state.totpSecrets[person.userId],
      onEnrolled: rememberSecret(ctx.state, person.userId),
    });
  if (firstPassword) return attempt([firstPassword]);
  try {
    return await attempt([DEMO_PASSWORD]);
  } catch (error) {
    if (!existing || (error instanceof HttpError && error.status !== 401)) throw error;
    // Created by an earlier run that stopped before the first sign-in: a new first password.
    const reset = await registration.call<{ initialPassword: string }>(
      'POST',
      `/accounts/${existing.accountId}/password-reset`,
      { as: ctx.admin },
    );
    return attempt([reset.initialPassword]);
  }
}

async function findAccount(
  ctx: DemoContext,
  userId: string,
): Promise<{ accountId: string } | undefined> {
  const page = await ctx.api.registration.call<{
    items: { accountId: string; userId: string }[];
  }>('GET', `/accounts?q=${encodeURIComponent(userId)}`, { as: ctx.admin });
  return page.items.find((a) => a.userId === userId);
}

async function institutionIdOf(ctx: DemoContext, institution: DemoInstitution): Promise<string> {
  const { registration } = ctx.api;
  if (institution.institutionId) {
    await registration.call('GET', `/institutions/${institution.institutionId}`, {
      as: ctx.admin,
    });
    return institution.institutionId;
  }
  const ministry = institution.ministry!;
  const found = await registration.call<{ items: { institutionId: string; code: string }[] }>(
    'GET',
    `/institutions?q=${encodeURIComponent(ministry.code)}&type=ministry`,
    { as: ctx.admin },
  );
  const known = found.items.find((i) => i.code === ministry.code);
  if (known) return known.institutionId;
  const created = await registration.call<{ institutionId: string }>('POST', '/institutions', {
    as: ctx.admin,
    body: { code: ministry.code, name: ministry.name, type: 'ministry' },
  });
  ctx.log(`registered ${ministry.name}`);
  return created.institutionId;
}

/** The institution asks in the app with its appointment letter; the secretariat approves. */
async function requestLocalAdmin(
  ctx: DemoContext,
  institutionId: string,
  person: DemoPerson,
): Promise<string> {
  const { registration } = ctx.api;
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
    { as: ctx.admin, body: { decision: 'approved', reason: null } },
  );
  ctx.log(`approved the local admin request of ${person.userId}`);
  return decided.initialPassword;
}
