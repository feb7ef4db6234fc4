// The past edition, walked through the ministry's stages as the people of an edition do it:
// administrative selection, assignment and desk scores, calibration, the desk ranking,
// shortlist and finalists, a public objection resolved on record, interviews booked and
// confirmed, panel scores and a field visit, the plenary's awards, certificates, results.
// Each step looks first and does only what is missing, so a later run completes an
// interrupted one. The calendar is moved to its real (past) dates at the end.
import type { DemoContext } from './demo-context.mts';
import { PAST_OBJECTION, type DemoReviewer, type PastProposal } from './demo-plan.mts';
import {
  editionView,
  enterPhase,
  moveCalendar,
  pastCalendar,
  type EditionView,
} from './editions.mts';
import type { InstitutionPeople } from './people.mts';
import { eventually, pdf, type Session } from './portal-client.mts';

/** A past proposal as the seeder forwarded it, with the people of its institution. */
export interface ForwardedPast {
  readonly proposalId: string;
  readonly spec: PastProposal;
  readonly people: InstitutionPeople;
}

export interface Reviewer {
  readonly spec: DemoReviewer;
  readonly session: Session;
}

interface SelectionItem {
  proposalId: string;
  withdrawn: boolean;
  decision: { outcome: string } | null;
}

interface Assignment {
  assignmentId: string;
  proposal: { proposalId: string } | null;
}

interface Sheet {
  status: 'draft' | 'submitted';
  revision: number;
}

interface Slot {
  slotId: string;
  startsAt: string;
  proposalId: string | null;
  confirmedAt: string | null;
}

interface StagePublication {
  entries: { proposalId: string; advanced: boolean }[];
}

/** Every certificate of the edition, with its public verification code. */
export interface IssuedCertificate {
  readonly proposalId: string;
  readonly tier: string;
  readonly verificationCode: string;
}

const STAGES = ['desk', 'shortlist', 'finalists'] as const;

export async function walkPastEdition(
  ctx: DemoContext,
  start: EditionView,
  proposals: readonly ForwardedPast[],
  reviewers: readonly Reviewer[],
): Promise<IssuedCertificate[]> {
  const { evaluation } = ctx.api;
  const editionId = start.editionId;
  const asAdmin = { as: ctx.admin };
  const active = proposals.filter((p) => p.spec.fate.kind !== 'withdrawn');
  const scored = active.filter((p) => p.spec.fate.kind === 'scored');

  // Administrative selection: every forwarded proposal reaches evaluation, then is decided.
  await enterPhase(ctx, editionId, 'administrative-selection');
  const selection = await eventually(
    async () => {
      const page = await evaluation.call<{ items: SelectionItem[] }>(
        'GET',
        `/editions/${editionId}/selection?pageSize=500`,
        asAdmin,
      );
      const listed = new Set(page.items.filter((i) => !i.withdrawn).map((i) => i.proposalId));
      const missing = active.filter((p) => !listed.has(p.proposalId));
      if (missing.length > 0) throw new Error(`evaluation does not list ${missing.length} yet`);
      return page.items;
    },
    { timeoutMs: 120_000 },
  );
  for (const proposal of active) {
    if (selection.find((i) => i.proposalId === proposal.proposalId)?.decision) continue;
    const { fate } = proposal.spec;
    const body =
      fate.kind === 'failed-selection'
        ? {
            outcome: 'fail',
            reasons: [{ check: 'careless-answers', outcome: 'fail', note: fate.note }],
          }
        : {
            outcome: 'pass',
            reasons: [
              { check: 'completeness', outcome: 'pass', note: 'Lengkap dan sesuai ketentuan.' },
            ],
          };
    await eventually(() =>
      evaluation.call('PUT', `/proposals/${proposal.proposalId}/selection`, { ...asAdmin, body }),
    );
    ctx.log(`selection: "${proposal.spec.title}" ${body.outcome}`);
  }

  // Desk evaluation: two evaluators per proposal, each a point above or below the mean.
  await enterPhase(ctx, editionId, 'desk-evaluation');
  const evaluators = reviewers.filter((r) => r.spec.role === 'evaluator');
  await eventually(
    async () => {
      await evaluation.call('POST', `/editions/${editionId}/assignments/run`, asAdmin);
      const { items } = await evaluation.call<{ items: { proposalId: string; status: string }[] }>(
        'GET',
        `/editions/${editionId}/assignments`,
        asAdmin,
      );
      const working = items.filter((a) => a.status === 'active' || a.status === 'completed');
      const short = scored.filter(
        (p) => working.filter((a) => a.proposalId === p.proposalId).length < 2,
      );
      if (short.length > 0) throw new Error(`${short.length} proposals lack evaluators`);
    },
    { timeoutMs: 120_000 },
  );
  for (const [index, evaluator] of evaluators.entries()) {
    const mine = await evaluation.call<{ items: Assignment[] }>('GET', '/me/assignments', {
      as: evaluator.session,
    });
    for (const assignment of mine.items) {
      const proposal = scored.find((p) => p.proposalId === assignment.proposal?.proposalId);
      if (!proposal || proposal.spec.fate.kind !== 'scored') continue;
      const route = `/assignments/${assignment.assignmentId}/sheet`;
      const sheet = await evaluation.call<Sheet>('GET', route, { as: evaluator.session });
      if (sheet.status === 'submitted') continue;
      const score = proposal.spec.fate.desk + (index % 2 === 0 ? 1 : -1);
      const saved = await evaluation.call<Sheet>('PUT', route, {
        as: evaluator.session,
        body: {
          expectedRevision: sheet.revision,
          criteria: [
            {
              criterionId: 'novelty',
              score,
              comment: 'Gagasan jelas dan berbeda dari layanan sebelumnya.',
            },
            {
              criterionId: 'effectiveness',
              score,
              comment: 'Data capaian layanan menunjukkan hasil nyata.',
            },
          ],
        },
      });
      await evaluation.call('POST', `${route}/submit`, {
        as: evaluator.session,
        body: { expectedRevision: saved.revision },
      });
    }
    ctx.log(`desk scores of ${evaluator.spec.userId} submitted`);
  }
  await eventually(
    async () => {
      if (!(await deskScoresDone(ctx, editionId, scored))) throw new Error('scores still arriving');
    },
    { timeoutMs: 120_000 },
  );

  // Calibration, then the desk ranking, the shortlist and the finalists, each published once.
  for (const stage of STAGES) {
    if (await publication(ctx, editionId, stage)) continue;
    if (stage === 'desk')
      await evaluation.call('POST', `/editions/${editionId}/calibration/run`, asAdmin);
    await evaluation.call('POST', `/editions/${editionId}/stages/${stage}/publish`, asAdmin);
    ctx.log(`published the ${stage} stage`);
  }
  const finalistIds = new Set(
    (await publication(ctx, editionId, 'finalists'))!.entries
      .filter((entry) => entry.advanced)
      .map((entry) => entry.proposalId),
  );
  const finalists = scored.filter((p) => finalistIds.has(p.proposalId));

  // The public objection window: one objection with evidence, dismissed on record.
  await enterPhase(ctx, editionId, 'panel-review');
  await enterPhase(ctx, editionId, 'objection');
  await objectAndResolve(ctx, editionId, finalists);

  // Interviews: a slot for each finalist, booked and confirmed by its local admin; the
  // panelist scores each presentation, and visits one finalist in the field.
  const interviewPhase = await enterPhase(ctx, editionId, 'interview');
  await bookInterviews(ctx, interviewPhase, finalists);
  const panelist = reviewers.find((r) => r.spec.role === 'panelist')!;
  for (const finalist of finalists) {
    if (finalist.spec.fate.kind !== 'scored') continue;
    const route = `/editions/${editionId}/panel-sheets/${finalist.proposalId}`;
    const sheet = await eventually(() =>
      evaluation.call<Sheet>('GET', route, { as: panelist.session }),
    );
    if (sheet.status === 'submitted') continue;
    const saved = await evaluation.call<Sheet>('PUT', route, {
      as: panelist.session,
      body: {
        expectedRevision: sheet.revision,
        criteria: [
          {
            criterionId: 'presentation',
            score: finalist.spec.fate.panel ?? finalist.spec.fate.desk,
            comment: 'Paparan runtut, tanya jawab dijawab dengan data.',
          },
        ],
      },
    });
    await evaluation.call('POST', `${route}/submit`, {
      as: panelist.session,
      body: { expectedRevision: saved.revision },
    });
  }
  ctx.log('panel scores submitted');
  await enterPhase(ctx, editionId, 'field-verification');
  const visited = finalists[0];
  if (visited) {
    const route = `/proposals/${visited.proposalId}/field-verifications`;
    const visits = await evaluation.call<unknown[]>('GET', route, asAdmin);
    if (visits.length === 0) {
      await evaluation.call('POST', route, {
        as: panelist.session,
        body: {
          visitedOn: new Date().toISOString().slice(0, 10),
          team: [panelist.spec.name, 'Sekretariat KIPP'],
          findings: 'Layanan berjalan seperti yang dipaparkan; warga yang ditemui membenarkannya.',
          recommendation: 'confirmed',
        },
      });
    }
  }

  // The plenary publishes the awards; certificates follow; the results are out.
  await enterPhase(ctx, editionId, 'plenary');
  const awards = await evaluation.call<unknown[]>('GET', `/editions/${editionId}/awards`, asAdmin);
  if (awards.length === 0) {
    await eventually(() =>
      evaluation.call('POST', `/editions/${editionId}/plenary/publish`, { ...asAdmin, body: {} }),
    );
    ctx.log('the plenary published the awards');
  }
  await enterPhase(ctx, editionId, 'results');
  const issued = await eventually(() =>
    evaluation.call<{ certificates: IssuedCertificate[] }>(
      'POST',
      `/editions/${editionId}/certificates/issue`,
      asAdmin,
    ),
  );

  const edition = await editionView(ctx, editionId);
  const calendar = pastCalendar(edition.configuration.year);
  const results = calendar.find((entry) => entry.phase === 'results')!;
  const current = edition.configuration.calendar.find((entry) => entry.phase === 'results');
  if (current?.startsAt !== results.startsAt) {
    await moveCalendar(ctx, edition, calendar);
    ctx.log(`${edition.configuration.name}: the calendar is back on its real dates`);
  }
  return issued.certificates;
}

async function deskScoresDone(
  ctx: DemoContext,
  editionId: string,
  scored: readonly ForwardedPast[],
): Promise<boolean> {
  const calibration = await ctx.api.evaluation.call<{
    proposals: { items: { proposalId: string; scoreCount: number }[] };
  }>('GET', `/editions/${editionId}/calibration?pageSize=500`, { as: ctx.admin });
  return scored.every(
    (p) =>
      (calibration.proposals.items.find((item) => item.proposalId === p.proposalId)?.scoreCount ??
        0) >= 2,
  );
}

async function publication(
  ctx: DemoContext,
  editionId: string,
  stage: string,
): Promise<StagePublication | null> {
  try {
    return await ctx.api.evaluation.call<StagePublication>(
      'GET',
      `/editions/${editionId}/stages/${stage}`,
      { as: ctx.admin },
    );
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'STAGE_NOT_PUBLISHED')
      return null;
    throw error;
  }
}

async function objectAndResolve(
  ctx: DemoContext,
  editionId: string,
  finalists: readonly ForwardedPast[],
): Promise<void> {
  const { evaluation } = ctx.api;
  const against = finalists.find((f) => f.spec.title === PAST_OBJECTION.againstTitle);
  if (!against) return;
  const { objections } = await evaluation.call<{
    objections: { objectionId: string; proposalId: string; resolution: unknown }[];
  }>('GET', `/editions/${editionId}/objections`, { as: ctx.admin });
  let filed = objections.find((o) => o.proposalId === against.proposalId);
  if (!filed) {
    const form = new FormData();
    form.set('proposalId', against.proposalId);
    form.set('name', PAST_OBJECTION.name);
    form.set('email', PAST_OBJECTION.email);
    form.set('grounds', PAST_OBJECTION.grounds);
    const evidence = pdf(['Keberatan masyarakat (DEMO)', PAST_OBJECTION.grounds.slice(0, 80)]);
    form.set('evidence', new Blob([evidence], { type: 'application/pdf' }), 'bukti-keberatan.pdf');
    const created = await eventually(() =>
      evaluation.call<{ objectionId: string }>('POST', `/public/editions/${editionId}/objections`, {
        form,
      }),
    );
    filed = { objectionId: created.objectionId, proposalId: against.proposalId, resolution: null };
    ctx.log(`a public objection against "${against.spec.title}"`);
  }
  if (filed.resolution === null) {
    await evaluation.call('POST', `/objections/${filed.objectionId}/resolve`, {
      as: ctx.admin,
      body: { outcome: 'dismissed', reason: PAST_OBJECTION.resolution },
    });
    ctx.log('the objection was dismissed on record');
  }
}

/** 20-minute slots on the first day of the interview phase, from 09:00 WIB. */
async function bookInterviews(
  ctx: DemoContext,
  edition: EditionView,
  finalists: readonly ForwardedPast[],
): Promise<void> {
  const { evaluation } = ctx.api;
  const phase = edition.configuration.calendar.find((entry) => entry.phase === 'interview')!;
  const startsWib = new Date(new Date(phase.startsAt).getTime() + 7 * 3_600_000);
  const date = new Date(startsWib.getTime() + 86_400_000).toISOString().slice(0, 10);
  const route = `/editions/${edition.editionId}/interview-slots`;
  let slots = await evaluation.call<Slot[]>('GET', route, { as: ctx.admin });
  if (slots.length < finalists.length) {
    slots = await eventually(() =>
      evaluation.call<Slot[]>('POST', route, {
        as: ctx.admin,
        body: { days: [{ date, start: '09:00', end: '12:00', timeZone: 'WIB' }] },
      }),
    );
  }
  for (const finalist of finalists) {
    const asLocalAdmin = { as: finalist.people.localAdmin };
    let slot = slots.find((s) => s.proposalId === finalist.proposalId);
    if (!slot) {
      const free = slots
        .filter((s) => s.proposalId === null)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
      if (!free) throw new Error('no free interview slot left');
      slot = await evaluation.call<Slot>('POST', `/interview-slots/${free.slotId}/book`, {
        ...asLocalAdmin,
        body: { proposalId: finalist.proposalId },
      });
      slots = slots.map((s) => (s.slotId === slot!.slotId ? slot! : s));
    }
    if (slot.confirmedAt === null) {
      await evaluation.call('POST', `/interview-slots/${slot.slotId}/confirm`, asLocalAdmin);
    }
  }
  ctx.log(`interviews of ${finalists.length} finalists booked and confirmed`);
}
