import { defineFeature } from '../../app/feature';

export const localAdminFeature = defineFeature({
  name: 'local-admin',
  routes: [
    { path: 'local-admin', audience: ['local_admin'], page: () => import('./overview-page') },
    { path: 'local-admin/queue', audience: ['local_admin'], page: () => import('./queue-page') },
    {
      path: 'local-admin/proposals/:proposalId',
      audience: ['local_admin'],
      page: () => import('./review-page'),
    },
    { path: 'local-admin/drafts', audience: ['local_admin'], page: () => import('./drafts-page') },
    // Where the stuck-draft notification mails point.
    { path: 'institution/drafts', audience: ['local_admin'], page: () => import('./drafts-page') },
    {
      path: 'local-admin/accounts',
      audience: ['local_admin'],
      page: () => import('./accounts-page'),
    },
  ],
  nav: [
    {
      to: '/local-admin',
      label: { id: 'Admin lokal', en: 'Local admin' },
      audience: ['local_admin'],
      order: 20,
    },
    {
      to: '/local-admin/queue',
      label: { id: 'Antrean pemeriksaan', en: 'Review queue' },
      audience: ['local_admin'],
      order: 21,
    },
  ],
});
