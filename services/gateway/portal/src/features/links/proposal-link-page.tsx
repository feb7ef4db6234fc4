import { Navigate, useParams } from 'react-router';
import { useSession } from '../../auth/session-context';
import { proposalLinkTarget, type ProposalAspect } from './link-targets';

/**
 * `/proposals/:id[/<aspect>]`, where notification mails about a proposal point: the unit's
 * editor for an operator, the review page for a local admin — or, for an interview, the
 * local admin's booking page.
 */
export function ProposalLink({ aspect }: { aspect: ProposalAspect | null }) {
  const { proposalId = '' } = useParams();
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  return <Navigate to={proposalLinkTarget(proposalId, aspect, roles)} replace />;
}

export default function ProposalLinkPage() {
  return <ProposalLink aspect={null} />;
}
