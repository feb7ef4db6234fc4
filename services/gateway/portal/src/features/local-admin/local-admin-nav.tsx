import { useMessages } from '../../i18n';
import { AreaNav } from '../../ui/area-nav';
import { localAdminMessages } from './messages';

export function LocalAdminNav() {
  const t = useMessages(localAdminMessages);
  return (
    <AreaNav
      label={t.areaNav}
      links={[
        { to: '/local-admin', label: t.navOverview, end: true },
        { to: '/local-admin/queue', label: t.navQueue },
        { to: '/local-admin/drafts', label: t.navDrafts },
        { to: '/local-admin/accounts', label: t.navAccounts },
        { to: '/operator/replications', label: t.navAfterAward },
      ]}
    />
  );
}
