// Proposals as units draft them and local admins handle them: drafted on the edition's form,
// evidence uploaded, integrity declared, submitted, then returned with a comment or
// forwarded to the ministry (and, for one past proposal, withdrawn by its unit).
import type { DemoContext } from './demo-context.mts';
import type { ProposalTarget } from './demo-plan.mts';
import type { InstitutionPeople } from './people.mts';
import { eventually, pdf } from './portal-client.mts';

export interface ProposalView {
  readonly proposalId: string;
  readonly editionId: string;
  readonly title: string;
  readonly status: string;
  readonly revision: number;
}

export interface ProposalSpec {
  readonly title: string;
  readonly categoryId: string;
  readonly groupId?: string;
  readonly summary: string;
  readonly idea: string;
  /** Innovations of the public database a replication-group proposal replicates. */
  readonly sourceInnovationIds?: readonly string[];
  readonly target: ProposalTarget | 'withdrawn';
  readonly returnComment?: string;
}

/** Takes the proposal as far as `spec.target`, doing only what an earlier run did not. */
export async function ensureProposal(
  ctx: DemoContext,
  editionId: string,
  spec: ProposalSpec,
  people: InstitutionPeople,
): Promise<ProposalView> {
  const { submissions } = ctx.api;
  const asUnit = { as: people.operator };
  const mine = await eventually(() =>
    submissions.call<{ items: ProposalView[] }>('GET', `/proposals?editionId=${editionId}`, asUnit),
  );
  let proposal = mine.items.find((p) => p.title === spec.title);
  if (!proposal) {
    // Submissions learns the edition, its phase and the institution from events: retry.
    const draft = await eventually(
      () =>
        submissions.call<ProposalView>('POST', '/proposals', {
          ...asUnit,
          body: {
            editionId,
            groupId: spec.groupId ?? 'general',
            categoryId: spec.categoryId,
            title: spec.title,
          },
        }),
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
    const sections = [{ sectionId: 'summary', text: spec.summary }];
    if (spec.idea && (spec.groupId ?? 'general') === 'general')
      sections.push({ sectionId: 'innovative-idea', text: spec.idea });
    proposal = await submissions.call<ProposalView>('PUT', `/proposals/${draft.proposalId}`, {
      ...asUnit,
      body: {
        revision: draft.revision,
        innovationStartDate: '2024-01-15',
        sdgTargets: [spec.categoryId === 'health' ? '3.8' : '16.6'],
        sections,
        ...(spec.sourceInnovationIds ? { sourceInnovationIds: spec.sourceInnovationIds } : {}),
      },
    });
    ctx.log(`${people.label}: drafted "${spec.title}"`);
  }
  const id = proposal.proposalId;
  if (spec.target === 'draft') return proposal;

  if (
    proposal.status === 'draft' ||
    (proposal.status === 'returned' && spec.target !== 'returned')
  ) {
    const file = pdf([
      `Standar Pelayanan (DEMO): ${spec.title}`,
      people.label,
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
    ctx.log(`${people.label}: submitted "${spec.title}" to the local admin`);
  }
  if (proposal.status === 'submitted' && spec.target !== 'submitted') {
    const asLocalAdmin = { as: people.localAdmin };
    if (spec.target === 'returned') {
      await submissions.call('POST', `/proposals/${id}/return`, {
        ...asLocalAdmin,
        body: { comment: spec.returnComment ?? 'Mohon dilengkapi.' },
      });
      ctx.log(`${people.label}: returned "${spec.title}" with a comment`);
      return { ...proposal, status: 'returned' };
    }
    await submissions.call('POST', `/proposals/${id}/forward`, asLocalAdmin);
    proposal = { ...proposal, status: 'forwarded' };
    ctx.log(`${people.label}: forwarded "${spec.title}" to the ministry`);
  }
  if (spec.target === 'withdrawn' && proposal.status === 'forwarded') {
    await submissions.call('POST', `/proposals/${id}/withdraw`, asUnit);
    proposal = { ...proposal, status: 'withdrawn' };
    ctx.log(`${people.label}: withdrew "${spec.title}"`);
  }
  return proposal;
}
