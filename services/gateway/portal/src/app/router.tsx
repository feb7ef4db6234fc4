import type { ComponentType } from 'react';
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { RequireAudience } from '../auth/require-audience';
import type { Feature, FeatureRoute } from './feature';
import { Layout } from './layout';
import { NotFoundPage, PageLoading, RouteErrorPage } from './not-found-page';

function lazyRoute(route: FeatureRoute): RouteObject {
  return {
    path: route.path,
    lazy: async () => {
      const { default: Page } = await route.page();
      const Guarded: ComponentType = () => (
        <RequireAudience audience={route.audience}>
          <Page />
        </RequireAudience>
      );
      return { Component: Guarded };
    },
  };
}

/** The route tree: every feature's pages inside the layout, then "not found". */
export function routeTree(features: readonly Feature[]): RouteObject[] {
  return [
    {
      element: <Layout features={features} />,
      // While the first page's code loads.
      hydrateFallbackElement: <PageLoading />,
      errorElement: (
        <Layout features={features}>
          <RouteErrorPage />
        </Layout>
      ),
      children: [
        ...features.flatMap((feature) => feature.routes.map(lazyRoute)),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export function createPortalRouter(features: readonly Feature[]) {
  return createBrowserRouter(routeTree(features));
}

/** For specs: the same tree at a given address, without a browser history. */
export function createTestRouter(features: readonly Feature[], path: string) {
  return createMemoryRouter(routeTree(features), { initialEntries: [path] });
}
