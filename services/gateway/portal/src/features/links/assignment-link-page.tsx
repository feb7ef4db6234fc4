import { Navigate, useParams } from 'react-router';
import { assignmentLinkTarget } from './link-targets';

/** `/evaluation/assignments[/:assignmentId]`, where assignment and reminder mails point. */
export default function AssignmentLinkPage() {
  const { assignmentId } = useParams();
  return <Navigate to={assignmentLinkTarget(assignmentId ?? null)} replace />;
}
