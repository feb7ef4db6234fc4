import { Navigate, useParams } from 'react-router';
import { useSession } from '../../auth/session-context';

/**
 * `/proposals/:id`, where notification mails point: the unit's editor for an operator, the
 * review page for a local admin.
 */
export default function ProposalLinkPage() {
  const { proposalId = '' } = useParams();
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const id = encodeURIComponent(proposalId);
  const to = roles.includes('unit_operator')
    ? `/operator/proposals/${id}`
    : `/local-admin/proposals/${id}`;
  return <Navigate to={to} replace />;
}
