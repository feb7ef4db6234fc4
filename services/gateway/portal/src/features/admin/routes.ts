import { defineFeature } from '../../app/feature';

const ADMIN = ['national_admin'] as const;

export const adminFeature = defineFeature({
  name: 'admin',
  routes: [
    { path: 'admin', audience: ADMIN, page: () => import('./admin-home-page') },
    { path: 'admin/editions', audience: ADMIN, page: () => import('./editions/editions-page') },
    {
      path: 'admin/editions/:editionId',
      audience: ADMIN,
      page: () => import('./editions/edition-page'),
    },
    {
      path: 'admin/editions/:editionId/selection',
      audience: ADMIN,
      page: () => import('./evaluation/selection-page'),
    },
    {
      path: 'admin/editions/:editionId/assignments',
      audience: ADMIN,
      page: () => import('./evaluation/assignments-page'),
    },
    {
      path: 'admin/editions/:editionId/objections',
      audience: ADMIN,
      page: () => import('./evaluation/objections-page'),
    },
    {
      path: 'admin/editions/:editionId/ranking',
      audience: ADMIN,
      page: () => import('./evaluation/ranking-page'),
    },
    {
      path: 'admin/editions/:editionId/interviews',
      audience: ADMIN,
      page: () => import('./evaluation/interviews-page'),
    },
    {
      path: 'admin/editions/:editionId/results',
      audience: ADMIN,
      page: () => import('./evaluation/results-page'),
    },
    {
      path: 'admin/broadcasts',
      audience: ADMIN,
      page: () => import('./broadcasts/broadcasts-page'),
    },
    {
      path: 'admin/deliveries',
      audience: ADMIN,
      page: () => import('./deliveries/deliveries-page'),
    },
    {
      path: 'admin/institutions',
      audience: ADMIN,
      page: () => import('./registry/institutions-page'),
    },
    {
      path: 'admin/local-admin-requests',
      audience: ADMIN,
      page: () => import('./registry/requests-page'),
    },
    { path: 'admin/accounts', audience: ADMIN, page: () => import('./registry/accounts-page') },
    { path: 'admin/exports', audience: ADMIN, page: () => import('./exports/exports-page') },
  ],
  nav: [
    {
      to: '/admin',
      label: { id: 'Administrasi', en: 'Administration' },
      audience: ADMIN,
      order: 20,
    },
  ],
});
