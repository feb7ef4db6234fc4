import { defineFeature } from '../../app/feature';

export const publicFeature = defineFeature({
  name: 'public',
  publicHome: () => import('./home-page'),
  routes: [
    { path: 'overview', audience: 'public', page: () => import('./home-page') },
    { path: 'innovations', audience: 'public', page: () => import('./database-page') },
    { path: 'innovations/:id', audience: 'public', page: () => import('./innovation-page') },
    { path: 'results', audience: 'public', page: () => import('./results-page') },
    { path: 'results/:editionId', audience: 'public', page: () => import('./results-page') },
    { path: 'map', audience: 'public', page: () => import('./map-page') },
    { path: 'verify', audience: 'public', page: () => import('./verify-page') },
    { path: 'verify/:code', audience: 'public', page: () => import('./verify-page') },
    { path: 'objections', audience: 'public', page: () => import('./objection-page') },
    {
      path: 'objections/:editionId',
      audience: 'public',
      page: () => import('./objection-page'),
    },
  ],
  nav: [
    {
      to: '/innovations',
      label: { id: 'Basis data inovasi', en: 'Innovation database' },
      audience: 'public',
      order: 1,
    },
    { to: '/results', label: { id: 'Hasil', en: 'Results' }, audience: 'public', order: 2 },
    {
      to: '/map',
      label: { id: 'Peta replikasi', en: 'Replication map' },
      audience: 'public',
      order: 3,
    },
    {
      to: '/verify',
      label: { id: 'Verifikasi sertifikat', en: 'Verify a certificate' },
      audience: 'public',
      order: 4,
    },
    {
      to: '/objections',
      label: { id: 'Sanggahan', en: 'Objections' },
      audience: 'public',
      order: 5,
    },
  ],
});
