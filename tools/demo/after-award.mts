// After the awards, as the public database lives on: other institutions register
// replications of the winners with their evidence (counter-signed, disputed or still
// waiting for the origin), adopters move their status, origins record study visits that
// visitors confirm, and units answer the first sustainability check-ins.
import type { DemoContext } from './demo-context.mts';
import { DEMO_CHECK_IN_ANSWERS, DEMO_REPLICATIONS, DEMO_VISITS } from './demo-plan.mts';
import type { InstitutionPeople } from './people.mts';
import { eventually, pdf } from './portal-client.mts';

export interface Innovation {
  readonly innovationId: string;
  readonly title: string;
  readonly institutionId: string;
}

interface Link {
  replicationId: string;
  innovationId: string;
  adopterInstitutionId: string;
  confirmation: 'pending' | 'confirmed' | 'disputed';
  status: string;
  revision: number;
}

interface Visit {
  visitId: string;
  visitorInstitutionId: string;
  confirmed: boolean;
}

interface CheckIn {
  checkInId: string;
  innovationId: string;
  status: 'open' | 'overdue' | 'answered';
}

const STATUS_ORDER = ['plan', 'in-progress', 'implemented', 'sustained'];

/** The past edition's innovations in the public database, found as a visitor finds them. */
export async function publishedInnovations(
  ctx: DemoContext,
  year: number,
  titles: readonly string[],
): Promise<Innovation[]> {
  return eventually(
    async () => {
      const page = await ctx.api.replication.call<{ items: Innovation[] }>(
        'GET',
        `/public/innovations?year=${year}&pageSize=100`,
      );
      const missing = titles.filter((title) => !page.items.some((i) => i.title === title));
      if (missing.length > 0)
        throw new Error(`not in the public database yet: ${missing.join(', ')}`);
      return page.items.filter((i) => titles.includes(i.title));
    },
    { timeoutMs: 120_000, intervalMs: 1_000 },
  );
}

export async function liveOn(
  ctx: DemoContext,
  innovations: readonly Innovation[],
  people: ReadonlyMap<string, InstitutionPeople>,
): Promise<void> {
  const byTitle = (title: string) => {
    const found = innovations.find((i) => i.title === title);
    if (!found) throw new Error(`"${title}" is not among the winners`);
    return found;
  };
  const ofInstitution = (institutionId: string) => {
    const found = [...people.values()].find((p) => p.institutionId === institutionId);
    if (!found) throw new Error(`no demo people at ${institutionId}`);
    return found;
  };
  const { replication } = ctx.api;

  for (const plan of DEMO_REPLICATIONS) {
    const adopter = people.get(plan.adopter)!;
    const innovation = byTitle(plan.originTitle);
    const origin = ofInstitution(innovation.institutionId);
    const { replications } = await replication.call<{ replications: Link[] }>(
      'GET',
      `/replications?innovationId=${innovation.innovationId}&institutionId=${adopter.institutionId}`,
      { as: adopter.localAdmin },
    );
    let link = replications.find((l) => l.adopterInstitutionId === adopter.institutionId);
    if (!link) {
      const form = new FormData();
      form.set('innovationId', innovation.innovationId);
      form.set('title', plan.title);
      const mou = pdf([
        'Nota Kesepahaman Replikasi Inovasi (DEMO)',
        `${adopter.label} mereplikasi "${innovation.title}".`,
      ]);
      form.set('mou', new Blob([mou], { type: 'application/pdf' }), 'nota-kesepahaman.pdf');
      link = await replication.call<Link>('POST', '/replications', {
        as: adopter.localAdmin,
        form,
      });
      ctx.log(`${adopter.label} registered a replication of "${innovation.title}"`);
    }
    if (link.confirmation === 'pending' && plan.origin !== 'pending') {
      const asOrigin = { as: origin.localAdmin };
      link =
        plan.origin === 'countersign'
          ? await replication.call<Link>(
              'POST',
              `/replications/${link.replicationId}/countersign`,
              {
                ...asOrigin,
                body: {},
              },
            )
          : await replication.call<Link>('POST', `/replications/${link.replicationId}/dispute`, {
              ...asOrigin,
              body: { reason: plan.origin.dispute },
            });
      ctx.log(`${origin.label} ${link.confirmation} the replication by ${adopter.label}`);
    }
    for (const status of plan.statusSteps) {
      if (STATUS_ORDER.indexOf(link.status) >= STATUS_ORDER.indexOf(status)) continue;
      link = await replication.call<Link>('POST', `/replications/${link.replicationId}/status`, {
        as: adopter.localAdmin,
        body: { status, note: 'Perkembangan replikasi (data demo).' },
      });
    }
  }

  for (const plan of DEMO_VISITS) {
    const innovation = byTitle(plan.originTitle);
    const origin = ofInstitution(innovation.institutionId);
    const visitor = people.get(plan.visitor)!;
    const route = `/innovations/${innovation.innovationId}/visits`;
    const { visits } = await replication.call<{ visits: Visit[] }>('GET', route, {
      as: origin.localAdmin,
    });
    let visit = visits.find((v) => v.visitorInstitutionId === visitor.institutionId);
    if (!visit) {
      const visitedOn = new Date(Date.now() - plan.daysAgo * 86_400_000).toISOString().slice(0, 10);
      visit = await replication.call<Visit>('POST', route, {
        as: origin.localAdmin,
        body: { visitorInstitutionId: visitor.institutionId, visitedOn, purpose: plan.purpose },
      });
      ctx.log(`${origin.label} recorded a visit by ${visitor.label}`);
    }
    if (plan.confirmed && !visit.confirmed) {
      await replication.call('POST', `/visits/${visit.visitId}/confirm`, {
        as: visitor.localAdmin,
      });
    }
  }

  // The first check-ins open at the replication service's next scan after the award.
  const checkIns = await eventually(
    async () => {
      const { checkIns: found } = await replication.call<{ checkIns: CheckIn[] }>(
        'GET',
        '/check-ins',
        { as: ctx.admin },
      );
      const asked = innovations.filter(
        (i) => !found.some((c) => c.innovationId === i.innovationId),
      );
      if (asked.length > 0) {
        throw new Error(
          `no check-in opened yet for ${asked.length} winners (the replication service asks at ` +
            'once only with CHECK_IN_FIRST_AFTER_DAYS=0, which npm start sets)',
        );
      }
      return found;
    },
    { timeoutMs: 120_000, intervalMs: 1_000 },
  );
  for (const answer of DEMO_CHECK_IN_ANSWERS) {
    const innovation = byTitle(answer.title);
    const checkIn = checkIns.find(
      (c) => c.innovationId === innovation.innovationId && c.status !== 'answered',
    );
    if (!checkIn) continue;
    const { title: _title, ...answers } = answer;
    await replication.call('POST', `/check-ins/${checkIn.checkInId}`, {
      as: ofInstitution(innovation.institutionId).operator,
      body: answers,
    });
    ctx.log(`"${innovation.title}" answered its check-in`);
  }
}
