import { useSession } from '../../auth/session-context';
import { useMessages } from '../../i18n';
import { AreaNav } from '../../ui/area-nav';
import { operatorMessages } from './messages';

/** The unit's pages; local admins, who share the after-award pages, do not draft proposals. */
export function OperatorNav() {
  const t = useMessages(operatorMessages);
  const session = useSession();
  const drafts = session.status === 'signed-in' && session.user.roles.includes('unit_operator');
  return (
    <AreaNav
      label={t.areaNav}
      links={[
        ...(drafts ? [{ to: '/operator', label: t.navProposals, end: true }] : []),
        { to: '/operator/replications', label: t.navReplications },
        { to: '/operator/visits', label: t.navVisits },
        { to: '/operator/check-ins', label: t.navCheckIns },
        { to: '/operator/certificates', label: t.navCertificates },
      ]}
    />
  );
}
