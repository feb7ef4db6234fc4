import { useParams } from 'react-router';
import { PanelSheetPage } from './sheet-pages';

export default function PanelSheetRoute() {
  const { editionId = '', proposalId = '' } = useParams();
  return <PanelSheetPage editionId={editionId} proposalId={proposalId} />;
}
