import { useParams } from 'react-router';
import { DeskSheetPage } from './sheet-pages';

export default function DeskSheetRoute() {
  const { assignmentId = '' } = useParams();
  return <DeskSheetPage assignmentId={assignmentId} />;
}
