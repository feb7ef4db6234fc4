import type { ClientSession } from 'mongoose';
import type { Directory } from '../../directory/directory';
import type { TemplateId } from '../../notification/catalogue';
import type { NotifyInput, Notifier } from '../../notification/notifier';

/** What every proposal event names: enough to learn the title and find the unit. */
export interface ProposalFacts {
  readonly proposalId: string;
  readonly editionId: string;
  readonly institutionId: string;
  readonly unitId: string;
  readonly title: string;
}

/**
 * A notice for the unit a proposal sits with (returned to it, reminded by hand): records what
 * the proposal is called, then sends the notice to the unit's active operators.
 */
export async function notifyProposalUnit<T extends TemplateId>(
  { directory, notifier }: { readonly directory: Directory; readonly notifier: Notifier },
  proposal: ProposalFacts,
  notice: Omit<NotifyInput<T>, 'recipients' | 'refs'>,
  session: ClientSession,
): Promise<void> {
  await directory.recordProposal(
    {
      proposalId: proposal.proposalId,
      editionId: proposal.editionId,
      institutionId: proposal.institutionId,
      unitId: proposal.unitId,
      title: proposal.title,
    },
    session,
  );
  await notifier.notify(
    {
      ...notice,
      recipients: await directory.unitOperatorsOf(proposal.institutionId, proposal.unitId, session),
      refs: {
        editionId: proposal.editionId,
        proposalId: proposal.proposalId,
        institutionId: proposal.institutionId,
      },
    },
    session,
  );
}
