import { useMessages } from '../../i18n';
import { AreaNav } from '../../ui/area-nav';
import { operatorMessages } from './messages';

export function OperatorNav() {
  const t = useMessages(operatorMessages);
  return (
    <AreaNav
      label={t.areaNav}
      links={[
        { to: '/operator', label: t.navProposals, end: true },
        { to: '/operator/replications', label: t.navReplications },
        { to: '/operator/visits', label: t.navVisits },
        { to: '/operator/check-ins', label: t.navCheckIns },
      ]}
    />
  );
}
