// Renders the portal (or a part of it) as the browser would get it: real providers, a
// memory router at a chosen address, the API client talking to a real test server.
import { render, type RenderResult } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { ApiProvider } from '../api/api-context';
import { ApiClient } from '../api/client';
import type { Feature } from '../app/feature';
import { createTestRouter } from '../app/router';
import { SessionProvider } from '../auth/session-context';
import { SessionStore, type SignInFacts } from '../auth/session-store';
import { I18nProvider, type Locale } from '../i18n';
import { LOCALE_STORAGE_KEY } from '../i18n/i18n';
import { accessTokenFor, MemoryStorage } from './http-test-server';

export interface PortalOptions {
  readonly features: readonly Feature[];
  readonly path: string;
  /** The test server's URL; calls go to `<baseUrl>/api/…`. */
  readonly baseUrl: string;
  readonly locale?: Locale;
  /** Sign in before rendering, with these claims (an unsigned token the portal only reads). */
  readonly signedIn?: Parameters<typeof accessTokenFor>[0] & Partial<SignInFacts>;
}

export interface RenderedPortal extends RenderResult {
  readonly sessions: SessionStore;
  readonly router: ReturnType<typeof createTestRouter>;
  readonly storage: MemoryStorage;
}

export async function renderPortal(options: PortalOptions): Promise<RenderedPortal> {
  const storage = new MemoryStorage();
  storage.setItem(LOCALE_STORAGE_KEY, options.locale ?? 'id');
  const sessions = new SessionStore({ api: new ApiClient({ baseUrl: options.baseUrl }), storage });
  await sessions.restore();
  if (options.signedIn) {
    const { userId = null, secondFactor = null, ...claims } = options.signedIn;
    sessions.completeSignIn(
      { accessToken: accessTokenFor(claims), refreshToken: 'refresh-test' },
      { userId, secondFactor },
    );
  }
  const api = new ApiClient({ baseUrl: options.baseUrl, tokens: sessions });
  const router = createTestRouter(options.features, options.path);
  const result = render(
    <I18nProvider storage={storage}>
      <SessionProvider store={sessions}>
        <ApiProvider client={api}>
          <RouterProvider router={router} />
        </ApiProvider>
      </SessionProvider>
    </I18nProvider>,
  );
  return { ...result, sessions, router, storage };
}
