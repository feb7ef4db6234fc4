import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiProvider } from '../api/api-context';
import { ApiClient } from '../api/client';
import { SessionProvider } from '../auth/session-context';
import { SessionStore } from '../auth/session-store';
import { I18nProvider } from '../i18n';
import { createPortalRouter } from './router';
import { FEATURES } from './routes';

/** Everything the portal shares: the session, the API client that uses it, the language. */
export function createPortal() {
  const sessions = new SessionStore({
    api: new ApiClient(),
    storage: globalThis.localStorage,
    events: window,
  });
  const api = new ApiClient({ tokens: sessions });
  const router = createPortalRouter(FEATURES);
  return { sessions, api, router };
}

export function App() {
  const [portal] = useState(createPortal);
  useEffect(() => {
    void portal.sessions.restore();
  }, [portal]);
  return (
    <I18nProvider>
      <SessionProvider store={portal.sessions}>
        <ApiProvider client={portal.api}>
          <RouterProvider router={portal.router} />
        </ApiProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
